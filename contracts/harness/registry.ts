import { digitLiveTarget, digitSuite } from '../digit/suite/index.ts'
import { digikeyLiveTarget, digikeySuite } from '../digikey/suite/index.ts'
import { digipixLiveTarget, digipixSuite } from '../digipix/suite/index.ts'
import { stitchexLiveTarget, stitchexSuite } from '../stitchex/suite/index.ts'
import { shipheroLiveTarget, shipheroSuite } from '../shiphero/suite/index.ts'
import type { ContractSuite, ContractTarget } from './runner.ts'

/** Contract suites by vendor, with how to build each vendor's live target from the environment. */
export const SUITES: Record<
  string,
  {
    suite: ContractSuite<any, any>
    live(env: NodeJS.ProcessEnv, o: { allowProduction?: boolean }): ContractTarget<any> | string
  }
> = {
  digit: { suite: digitSuite, live: digitLiveTarget },
  digipix: { suite: digipixSuite, live: digipixLiveTarget },
  digikey: { suite: digikeySuite, live: digikeyLiveTarget },
  shiphero: { suite: shipheroSuite, live: shipheroLiveTarget },
  stitchex: { suite: stitchexSuite, live: stitchexLiveTarget },
}
