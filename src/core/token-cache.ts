import type { z } from 'zod'
import { AuthenticationError } from './errors.ts'
import type { RequestCore, RequestInput } from './request.ts'
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

/**
 * Send a request with the cached bearer token; when the vendor refuses the token (a 401 that
 * `isTokenError` accepts, every 401 by default), get a new one and try once more.
 * @example
 * const { data } = await sendWithToken(core, cache, { method: 'GET', path: '/skus' })
 */
export async function sendWithToken<S extends z.ZodType | undefined>(
  core: RequestCore,
  cache: TokenCache,
  input: RequestInput<S>,
  isTokenError: (err: AuthenticationError) => boolean = () => true,
) {
  const once = async () =>
    core.send({
      ...input,
      headers: { ...input.headers, authorization: `Bearer ${await cache.get()}` },
    })
  try {
    return await once()
  } catch (err) {
    if (!(err instanceof AuthenticationError) || !isTokenError(err)) throw err
    cache.invalidate()
    return once()
  }
}
