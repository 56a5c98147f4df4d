import type { ContractSuite, ContractTarget } from './harness.ts'
import { digikeyLiveTarget } from './digikey/live.ts'
import { digikeySuite } from './digikey/suite.ts'
import { digipixLiveTarget } from './digipix/live.ts'
import { digipixSuite } from './digipix/suite.ts'
import { shipheroLiveTarget } from './shiphero/live.ts'
import { shipheroSuite } from './shiphero/suite.ts'

/** Contract suites by vendor, with how to build each vendor's live target from the environment. */
export const SUITES: Record<string, { suite: ContractSuite<any, any>; live(env: NodeJS.ProcessEnv, o: { allowProduction?: boolean }): ContractTarget<any> | string }> = {
  digipix: { suite: digipixSuite, live: digipixLiveTarget },
  digikey: { suite: digikeySuite, live: digikeyLiveTarget },
  shiphero: { suite: shipheroSuite, live: shipheroLiveTarget },
}
