export * from './schemas.ts'
export { digikeySuite, type DigiKeyCtx } from './suite.ts'
export { digikeyLiveTarget, DIGIKEY_PRODUCTION_HOSTS, type DigiKeyTargetCredentials } from './live.ts'
export { digikeyOpenApi } from './openapi.ts'
