/** The Digipix wire: request, response, error and callback schemas, hosts, OpenAPI generation. Loads no client. */
export * from './schemas.ts'
export { DIGIPIX_HOSTS } from './hosts.ts'
export { digipixOpenApi } from './openapi.ts'
