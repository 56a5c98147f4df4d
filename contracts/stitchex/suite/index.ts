/** The Stitchex contract suite and live target (built on the client: import the wire from `vendorsim/contracts/stitchex`). */
export { stitchexSuite, type StitchexCtx } from './cases.ts'
export { stitchexLiveTarget, type StitchexTargetCredentials } from './live.ts'
