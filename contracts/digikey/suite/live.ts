import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { liveTarget, type ContractTarget } from '../../harness/index.ts'
import { DIGIKEY_HOSTS } from '../hosts.ts'

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

/**
 * The live target: `https://sandbox-api.digikey.com` (or `DIGIKEY_BASE_URL`) with
 * `DIGIKEY_CLIENT_ID`, `DIGIKEY_CLIENT_SECRET`, `DIGIKEY_REFRESH_TOKEN` (3-legged
 * cases) and `DIGIKEY_ACCOUNT_ID` (2-legged Order Status). DigiKey spends a refresh
 * token when it is used: set `DIGIKEY_REFRESH_TOKEN_FILE` to a file that keeps the
 * newest one (read first, rewritten after each rotation), or the env's token is
 * gone after the run. Production is refused unless `DIGIKEY_ALLOW_PRODUCTION=1`;
 * writes (placing orders) only with `DIGIKEY_LIVE_WRITES=1`.
 */
export const digikeyLiveTarget = (
  env: NodeJS.ProcessEnv,
  o: { allowProduction?: boolean } = {},
): ContractTarget<DigiKeyTargetCredentials> | string =>
  liveTarget(
    {
      title: 'DigiKey',
      prefix: 'DIGIKEY',
      required: [
        'DIGIKEY_CLIENT_ID',
        'DIGIKEY_CLIENT_SECRET',
        ['DIGIKEY_REFRESH_TOKEN', 'DIGIKEY_REFRESH_TOKEN_FILE'],
      ],
      defaultBaseUrl: 'https://sandbox-api.digikey.com',
      hint: 'sandbox host https://sandbox-api.digikey.com; optional DIGIKEY_ACCOUNT_ID, DIGIKEY_REFRESH_TOKEN_FILE',
      productionHosts: DIGIKEY_HOSTS.production,
      credentials(e) {
        const file = e.DIGIKEY_REFRESH_TOKEN_FILE
        let current =
          file && existsSync(file)
            ? readFileSync(file, 'utf8').trim() || e.DIGIKEY_REFRESH_TOKEN
            : e.DIGIKEY_REFRESH_TOKEN
        const tokenStore = {
          load: () => current,
          save(token: string) {
            current = token
            if (file) writeFileSync(file, `${token}\n`, { mode: 0o600 })
          },
        }
        return {
          clientId: e.DIGIKEY_CLIENT_ID!,
          clientSecret: e.DIGIKEY_CLIENT_SECRET!,
          accountId: e.DIGIKEY_ACCOUNT_ID ? Number(e.DIGIKEY_ACCOUNT_ID) : undefined,
          tokenStore,
        }
      },
    },
    env,
    o,
  )
