/** The Stitchex (Uphance) wire: token, list envelope, resource, write, error and webhook schemas, hosts, OpenAPI generation. Loads no client. */
export * from './schemas.ts'
export { STITCHEX_HOSTS } from './hosts.ts'
export { stitchexOpenApi } from './openapi.ts'
