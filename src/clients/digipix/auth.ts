import {
  OAuthError,
  SCOPES,
  TokenResponse,
  type Scope,
} from '../../../contracts/digipix/schemas.ts'
import {
  createTokenCache,
  sendWithToken,
  type ClientClock,
  type RequestCore,
  type RequestInput,
} from '../../core/index.ts'
import type { z } from 'zod'

/**
 * Client-credentials tokens for Digipix: fetched on first use, cached until
 * 30 s before `expires_in`, renewed on expiry or on a 401.
 * @see https://api.digipix.io/docs#tag/Auth
 */
export function createDigipixAuth(
  core: RequestCore,
  creds: { clientId: string; clientSecret: string; scopes?: readonly Scope[] },
  clock: ClientClock,
) {
  const scopes = creds.scopes ?? SCOPES
  const fetchToken = async () => {
    const { data } = await core.send({
      method: 'POST',
      path: '/v1/oauth/token',
      json: {
        client_id: creds.clientId,
        client_secret: creds.clientSecret,
        grant_type: 'client_credentials',
        scope: [...scopes],
      },
      schema: TokenResponse,
      retry: true,
    })
    return data
  }
  const cache = createTokenCache(async () => {
    const t = await fetchToken()
    return { token: t.access_token, expiresInSeconds: t.expires_in }
  }, clock)

  return {
    /** Request a fresh token (bypassing the cache). */
    fetchToken,
    token: () => cache.get(),
    invalidate: () => cache.invalidate(),
    /** Send with the bearer token; on a 401 get a new token and try once more. */
    async send<S extends z.ZodType>(input: RequestInput<S>): Promise<z.output<S>> {
      return (await sendWithToken(core, cache, input)).data as z.output<S>
    },
  }
}
export type DigipixAuth = ReturnType<typeof createDigipixAuth>

/** Digipix's error code and message from either envelope (API `{error,message}` or OAuth `{error,error_description}`). */
export function describeDigipixError(body: unknown): { code?: string; message?: string } {
  if (body && typeof body === 'object') {
    const b = body as { error?: unknown; message?: unknown; error_description?: unknown }
    const oauth = OAuthError.safeParse(body)
    return {
      code: typeof b.error === 'string' ? b.error : undefined,
      message:
        typeof b.message === 'string'
          ? b.message
          : oauth.success
            ? oauth.data.error_description
            : undefined,
    }
  }
  return {}
}
