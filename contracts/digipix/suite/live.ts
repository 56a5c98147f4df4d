import { liveTarget, type ContractTarget } from '../../harness/index.ts'
import { DIGIPIX_HOSTS } from '../hosts.ts'

export interface DigipixTargetCredentials {
  clientId: string
  clientSecret: string
}

/**
 * The live Digipix target, from `DIGIPIX_BASE_URL`, `DIGIPIX_CLIENT_ID`,
 * `DIGIPIX_CLIENT_SECRET`. Read-only unless `DIGIPIX_LIVE_WRITES=1`; the
 * production host is refused unless `DIGIPIX_ALLOW_PRODUCTION=1`.
 * Returns a reason string when the target cannot be built.
 */
export const digipixLiveTarget = (
  env: NodeJS.ProcessEnv,
  o: { allowProduction?: boolean } = {},
): ContractTarget<DigipixTargetCredentials> | string =>
  liveTarget(
    {
      title: 'Digipix',
      prefix: 'DIGIPIX',
      required: ['DIGIPIX_CLIENT_ID', 'DIGIPIX_CLIENT_SECRET'],
      hint: 'development host https://api.digipix.dev',
      productionHosts: DIGIPIX_HOSTS.production,
      credentials: (e) => ({
        clientId: e.DIGIPIX_CLIENT_ID!,
        clientSecret: e.DIGIPIX_CLIENT_SECRET!,
      }),
    },
    env,
    o,
  )
