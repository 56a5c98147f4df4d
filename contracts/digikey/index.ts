/** The DigiKey wire: OAuth, Ordering, Order Status, Packing List and Order Management schemas, both error envelopes, hosts, OpenAPI generation. Loads no client. */
export * from './schemas.ts'
export { DIGIKEY_HOSTS, DIGIKEY_PRODUCTION_HOSTS } from './hosts.ts'
export { digikeyOpenApi } from './openapi.ts'
