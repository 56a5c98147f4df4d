export * from './schemas.ts'
export { digipixSuite } from './suite.ts'
export { digipixOpenApi } from './openapi.ts'
