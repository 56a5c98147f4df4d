import type { ClientClock } from './clock.ts'

/**
 * Caches an access token until shortly before it expires; concurrent callers
 * share one fetch. `invalidate()` after a 401 forces a new token.
 */
export function createTokenCache(
  fetchToken: () => Promise<{ token: string; expiresInSeconds: number }>,
  clock: ClientClock,
  skewSeconds = 30,
) {
  let current: { token: string; expiresAt: number } | undefined
  let inflight: Promise<string> | undefined
  return {
    async get(): Promise<string> {
      if (current && clock.now() < current.expiresAt) return current.token
      if (!inflight) {
        inflight = fetchToken()
          .then(({ token, expiresInSeconds }) => {
            current = {
              token,
              expiresAt: clock.now() + Math.max(0, expiresInSeconds - skewSeconds) * 1000,
            }
            return token
          })
          .finally(() => {
            inflight = undefined
          })
      }
      return inflight
    },
    invalidate() {
      current = undefined
    },
  }
}
export type TokenCache = ReturnType<typeof createTokenCache>
