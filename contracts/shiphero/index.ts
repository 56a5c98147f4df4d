export * from './schemas.ts'
export { shipheroSuite, type ShipHeroCtx } from './suite.ts'
export { shipheroLiveTarget, type ShipHeroTargetCredentials } from './live.ts'
