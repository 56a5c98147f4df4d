/** The Digipix contract suite and live target (built on the client: import the wire from `vendorsim/contracts/digipix`). */
export { digipixSuite, type DigipixCtx } from './cases.ts'
export { digipixLiveTarget, type DigipixTargetCredentials } from './live.ts'
