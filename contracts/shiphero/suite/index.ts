/** The ShipHero contract suite and live target (built on the client: import the wire from `vendorsim/contracts/shiphero`). */
export { shipheroSuite, type ShipHeroCtx } from './cases.ts'
export { shipheroLiveTarget, type ShipHeroTargetCredentials } from './live.ts'
