export * from './errors.ts'
export { systemClock, type ClientClock } from './clock.ts'
export {
  createClientCore,
  createRequestCore,
  parseRetryAfter,
  type ClientTransportOptions,
  type RequestCore,
  type RequestCoreOptions,
  type RequestInput,
} from './request.ts'
export { createTokenCache, sendWithToken, type TokenCache } from './token-cache.ts'
export {
  createGraphqlTransport,
  checkContract,
  type AnyConnection,
  type GraphqlBody,
  type GraphqlError,
  type GraphqlTransport,
  type GraphqlTransportOptions,
} from './graphql.ts'
export { iteratePages } from './pages.ts'
