import type { ContractTarget } from '../harness.ts'

/** What a ShipHero case needs to authenticate: a user's password, or a refresh token (live). */
export interface ShipHeroTargetCredentials {
  username?: string
  password?: string
  refreshToken?: string
  customers?: Array<{ username: string; password: string; account_id: number }>
}

export const SHIPHERO_PRODUCTION_HOSTS = ['public-api.shiphero.com']

/**
 * The live target: ShipHero has no sandbox host, so live runs go to the real
 * API with a test account's developer user. Read-only unless SHIPHERO_LIVE_WRITES=1.
 * A string is the reason it cannot run.
 */
export function shipheroLiveTarget(env: NodeJS.ProcessEnv, o: { allowProduction?: boolean } = {}): ContractTarget<ShipHeroTargetCredentials> | string {
  const { SHIPHERO_USERNAME: username, SHIPHERO_PASSWORD: password, SHIPHERO_REFRESH_TOKEN: refreshToken } = env
  if (!refreshToken && !(username && password)) return 'set SHIPHERO_USERNAME and SHIPHERO_PASSWORD (or SHIPHERO_REFRESH_TOKEN) of a test account\'s developer user to run the live ShipHero contract'
  const baseUrl = env.SHIPHERO_BASE_URL ?? 'https://public-api.shiphero.com'
  // ShipHero has no sandbox host: its one host serves real accounts, so it must be allowed explicitly.
  if (SHIPHERO_PRODUCTION_HOSTS.includes(new URL(baseUrl).hostname) && !(o.allowProduction || env.SHIPHERO_ALLOW_PRODUCTION === '1')) {
    return 'ShipHero has no sandbox host; set SHIPHERO_ALLOW_PRODUCTION=1 (or pass --allow-production) to run against public-api.shiphero.com with a test account'
  }
  return {
    name: 'live',
    baseUrl,
    fetch: (i, init) => globalThis.fetch(i, init),
    writes: env.SHIPHERO_LIVE_WRITES === '1',
    receiver: false,
    credentials: async () => ({ credentials: { username, password, refreshToken } }),
  }
}
