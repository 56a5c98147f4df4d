import { liveTarget, type ContractTarget } from '../../harness/index.ts'
import { SHIPHERO_HOSTS } from '../hosts.ts'

/** What a ShipHero case needs to authenticate: a user's password, or a refresh token (live). */
export interface ShipHeroTargetCredentials {
  username?: string
  password?: string
  refreshToken?: string
  customers?: Array<{ username: string; password: string; account_id: number }>
}

/**
 * The live target: ShipHero has no sandbox host, so live runs go to the real
 * API with a test account's developer user, and only with SHIPHERO_ALLOW_PRODUCTION=1.
 * Read-only unless SHIPHERO_LIVE_WRITES=1. A string is the reason it cannot run.
 */
export const shipheroLiveTarget = (
  env: NodeJS.ProcessEnv,
  o: { allowProduction?: boolean } = {},
): ContractTarget<ShipHeroTargetCredentials> | string =>
  liveTarget(
    {
      title: 'ShipHero',
      prefix: 'SHIPHERO',
      required: [['SHIPHERO_REFRESH_TOKEN', 'SHIPHERO_USERNAME']],
      defaultBaseUrl: 'https://public-api.shiphero.com',
      hint: "a test account's developer user; SHIPHERO_PASSWORD with SHIPHERO_USERNAME",
      productionHosts: SHIPHERO_HOSTS.production,
      onProduction: 'skip',
      credentials: (e) => ({
        username: e.SHIPHERO_USERNAME,
        password: e.SHIPHERO_PASSWORD,
        refreshToken: e.SHIPHERO_REFRESH_TOKEN,
      }),
    },
    env,
    o,
  )
