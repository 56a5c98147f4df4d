import { guardLiveHost, type ContractTarget } from '../harness.ts'

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
export function digipixLiveTarget(env: NodeJS.ProcessEnv, options: { allowProduction?: boolean } = {}): ContractTarget<DigipixTargetCredentials> | string {
  const missing = ['DIGIPIX_BASE_URL', 'DIGIPIX_CLIENT_ID', 'DIGIPIX_CLIENT_SECRET'].filter((k) => !env[k])
  if (missing.length) return `live Digipix run skipped: set ${missing.join(', ')} (development host https://api.digipix.dev)`
  const baseUrl = env.DIGIPIX_BASE_URL!
  guardLiveHost(baseUrl, ['api.digipix.io'], options.allowProduction || env.DIGIPIX_ALLOW_PRODUCTION === '1')
  const credentials = { clientId: env.DIGIPIX_CLIENT_ID!, clientSecret: env.DIGIPIX_CLIENT_SECRET! }
  return {
    name: 'live',
    baseUrl,
    fetch: (input, init) => globalThis.fetch(input, init),
    writes: env.DIGIPIX_LIVE_WRITES === '1',
    receiver: false,
    credentials: async () => ({ credentials }),
  }
}
