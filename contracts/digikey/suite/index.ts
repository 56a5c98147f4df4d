/** The DigiKey contract suite and live target (built on the client: import the wire from `vendorsim/contracts/digikey`). */
export { digikeySuite, orderRequest, type DigiKeyCtx } from './cases.ts'
export { digikeyLiveTarget, type DigiKeyTargetCredentials } from './live.ts'
