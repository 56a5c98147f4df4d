export * from './schemas.ts'
export { digipixSuite } from './suite.ts'
