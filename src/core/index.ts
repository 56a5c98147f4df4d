export * from './errors.ts'
export { systemClock, type ClientClock } from './clock.ts'
export { createRequestCore, parseRetryAfter, type RequestCore, type RequestCoreOptions, type RequestInput } from './request.ts'
export { createTokenCache, type TokenCache } from './token-cache.ts'
