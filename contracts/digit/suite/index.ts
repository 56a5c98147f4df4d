/** The Digit contract suite and live target (built on the client: import the wire from `vendorsim/contracts/digit`). */
export { digitSuite, type DigitCtx } from './cases.ts'
export { digitLiveTarget, type DigitTargetCredentials } from './live.ts'
