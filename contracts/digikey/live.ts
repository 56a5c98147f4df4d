import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { guardLiveHost, type ContractTarget } from '../harness.ts'

/** What a DigiKey case needs: the app (one environment's), and for 3-legged cases a refresh token. */
export interface DigiKeyTargetCredentials {
  clientId: string
  clientSecret: string
  redirectUris?: string[]
  /** Sent as `X-DIGIKEY-Account-ID` with 2-legged tokens. */
  accountId?: number
  refreshToken?: string
  /** Shared by every case of a live run: DigiKey rotates the refresh token on each use. */
  tokenStore?: { load(): string | undefined; save(token: string): void }
  /** The other environment's app (simulators only). */
  production?: { clientId: string; clientSecret: string }
}

export const DIGIKEY_PRODUCTION_HOSTS = ['api.digikey.com']

/**
 * The live target: `https://sandbox-api.digikey.com` (or `DIGIKEY_BASE_URL`) with
 * `DIGIKEY_CLIENT_ID`, `DIGIKEY_CLIENT_SECRET`, `DIGIKEY_REFRESH_TOKEN` (3-legged
 * cases) and `DIGIKEY_ACCOUNT_ID` (2-legged Order Status). DigiKey spends a refresh
 * token when it is used: set `DIGIKEY_REFRESH_TOKEN_FILE` to a file that keeps the
 * newest one (read first, rewritten after each rotation), or the env's token is
 * gone after the run. Production is refused unless `DIGIKEY_ALLOW_PRODUCTION=1`;
 * writes (placing orders) only with `DIGIKEY_LIVE_WRITES=1`.
 */
export function digikeyLiveTarget(env: NodeJS.ProcessEnv, o: { allowProduction?: boolean } = {}): ContractTarget<DigiKeyTargetCredentials> | string {
  const missing = ['DIGIKEY_CLIENT_ID', 'DIGIKEY_CLIENT_SECRET', 'DIGIKEY_REFRESH_TOKEN'].filter((k) => !env[k] && !(k === 'DIGIKEY_REFRESH_TOKEN' && env.DIGIKEY_REFRESH_TOKEN_FILE))
  if (missing.length) return `live DigiKey run skipped: set ${missing.join(', ')} (sandbox host https://sandbox-api.digikey.com; optional DIGIKEY_ACCOUNT_ID, DIGIKEY_REFRESH_TOKEN_FILE)`
  const baseUrl = env.DIGIKEY_BASE_URL ?? 'https://sandbox-api.digikey.com'
  guardLiveHost(baseUrl, DIGIKEY_PRODUCTION_HOSTS, o.allowProduction || env.DIGIKEY_ALLOW_PRODUCTION === '1')
  const file = env.DIGIKEY_REFRESH_TOKEN_FILE
  let current = file && existsSync(file) ? readFileSync(file, 'utf8').trim() || env.DIGIKEY_REFRESH_TOKEN : env.DIGIKEY_REFRESH_TOKEN
  const tokenStore = {
    load: () => current,
    save(token: string) {
      current = token
      if (file) writeFileSync(file, token + '\n', { mode: 0o600 })
    },
  }
  const accountId = env.DIGIKEY_ACCOUNT_ID ? Number(env.DIGIKEY_ACCOUNT_ID) : undefined
  return {
    name: 'live',
    baseUrl,
    fetch: (i, init) => globalThis.fetch(i, init),
    writes: env.DIGIKEY_LIVE_WRITES === '1',
    receiver: false,
    credentials: async () => ({ credentials: { clientId: env.DIGIKEY_CLIENT_ID!, clientSecret: env.DIGIKEY_CLIENT_SECRET!, accountId, tokenStore } }),
  }
}
