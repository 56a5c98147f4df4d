export function digikeyOpenApi() {
  return {}
}
