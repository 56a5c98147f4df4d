import type { z } from 'zod'
import {
  ApiErrorResponse,
  DKProblemDetails,
  OAuthError,
  TokenResponse,
} from '../../../contracts/digikey/schemas.ts'
import {
  sendWithToken,
  createTokenCache,
  VendorError,
  type ClientClock,
  type RequestCore,
  type RequestInput,
} from '../../core/index.ts'

/** Where the client keeps the refresh token: DigiKey rotates it on every refresh, so the new one must be saved. */
export interface RefreshTokenStore {
  load(): string | undefined | Promise<string | undefined>
  save(refreshToken: string): void | Promise<void>
}

/** An in-memory store (the default), optionally starting from a known refresh token. */
export function memoryTokenStore(initial?: string): RefreshTokenStore {
  let current = initial
  return { load: () => current, save: (t) => void (current = t) }
}

export interface DigiKeyAuthOptions {
  clientId: string
  clientSecret: string
  /** The app's registered callback URL (3-legged). */
  redirectUri?: string
  refreshToken?: string
  tokenStore?: RefreshTokenStore
}

/**
 * DigiKey OAuth: the authorize URL, code exchange, refresh with rotation (the
 * new refresh token goes to the store), 2-legged client-credentials tokens;
 * access tokens cached until 30 s before expiry and renewed once on a 401.
 * @see https://developer.digikey.com/tutorials-and-resources/oauth-20-3-legged-flow
 */
export function createDigiKeyAuth(core: RequestCore, o: DigiKeyAuthOptions, clock: ClientClock) {
  const store = o.tokenStore ?? memoryTokenStore(o.refreshToken)
  if (o.tokenStore && o.refreshToken)
    void Promise.resolve(store.load()).then((t) => (t ? undefined : store.save(o.refreshToken!)))

  const tokenRequest = async (form: Record<string, string>) => {
    const { data } = await core.send({
      method: 'POST',
      path: '/v1/oauth2/token',
      form: { ...form, client_id: o.clientId, client_secret: o.clientSecret },
      schema: TokenResponse,
    })
    if (data.refresh_token) await store.save(data.refresh_token)
    return data
  }

  let pending3: TokenResponse | undefined
  const three = createTokenCache(async () => {
    const t = pending3 ?? (await refresh())
    pending3 = undefined
    return { token: t.access_token, expiresInSeconds: t.expires_in }
  }, clock)
  const two = createTokenCache(async () => {
    const t = await tokenRequest({ grant_type: 'client_credentials' })
    return { token: t.access_token, expiresInSeconds: t.expires_in }
  }, clock)

  async function refresh(): Promise<TokenResponse> {
    const token = await store.load()
    if (!token)
      throw new VendorError({
        message:
          'digikey: no refresh token; send the user to authorizeUrl() and exchange the code first',
        status: 0,
        vendor: 'digikey',
      })
    return tokenRequest({ grant_type: 'refresh_token', refresh_token: token })
  }

  return {
    /** The URL to send the user's browser to; DigiKey redirects back to `redirectUri` with `code` and `state`. */
    authorizeUrl(p: { state?: string; redirectUri?: string } = {}) {
      const redirectUri = p.redirectUri ?? o.redirectUri
      if (!redirectUri)
        throw new Error('digikey: authorizeUrl needs the redirectUri registered for the app')
      const url = new URL(core.url('/v1/oauth2/authorize'))
      url.searchParams.set('response_type', 'code')
      url.searchParams.set('client_id', o.clientId)
      url.searchParams.set('redirect_uri', redirectUri)
      if (p.state) url.searchParams.set('state', p.state)
      return url.toString()
    },
    /** Exchange an authorization code (single-use, valid a minute) for 3-legged tokens. */
    async exchangeCode(code: string, redirectUri = o.redirectUri): Promise<TokenResponse> {
      if (!redirectUri)
        throw new Error('digikey: exchangeCode needs the redirectUri used to authorize')
      const t = await tokenRequest({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
      })
      pending3 = t
      three.invalidate()
      return t
    },
    /** Refresh now: a new access token and a new refresh token (the old one stops working). */
    async refresh(): Promise<TokenResponse> {
      const t = await refresh()
      pending3 = t
      three.invalidate()
      return t
    },
    /** A 2-legged (client credentials) token response. */
    clientCredentials: () => tokenRequest({ grant_type: 'client_credentials' }),
    /** The refresh token currently held. */
    refreshToken: async () => store.load(),
    /** Whether 3-legged calls are possible (a refresh token or fresh tokens are held). */
    async hasUser() {
      return pending3 !== undefined || (await store.load()) !== undefined
    },
    /** Send with a 2- or 3-legged bearer token; on a 401, get a new token and try once more. */
    async send<S extends z.ZodType>(
      legs: 2 | 3,
      input: RequestInput<S>,
    ): Promise<{ data: z.output<S>; response: Response }> {
      return (await sendWithToken(core, legs === 3 ? three : two, input, (err) =>
        /token/i.test(err.message),
      )) as { data: z.output<S>; response: Response }
    },
  }
}
export type DigiKeyAuth = ReturnType<typeof createDigiKeyAuth>

/** DigiKey's message from any of its error bodies: ApiErrorResponse, DKProblemDetails or the OAuth one. */
export function describeDigiKeyError(body: unknown): { code?: string; message?: string } {
  const api = ApiErrorResponse.safeParse(body)
  if (api.success)
    return {
      code: String(api.data.StatusCode),
      message: api.data.ErrorDetails
        ? `${api.data.ErrorMessage}. ${api.data.ErrorDetails}`
        : api.data.ErrorMessage,
    }
  const oauth = OAuthError.safeParse(body)
  if (oauth.success && typeof (body as { error?: unknown }).error === 'string')
    return { code: oauth.data.error, message: oauth.data.error_description }
  const problem = DKProblemDetails.safeParse(body)
  if (problem.success)
    return {
      code: problem.data.status != null ? String(problem.data.status) : undefined,
      message: problem.data.detail ?? problem.data.title ?? undefined,
    }
  return {}
}

/** Field problems of a DigiKey 400, from either envelope: `[{ field, message }]`. */
export function validationErrorsOf(err: unknown): Array<{ field: string; message: string }> {
  const body = err instanceof VendorError ? err.body : err
  const api = ApiErrorResponse.safeParse(body)
  if (api.success)
    return api.data.ValidationErrors.map((v) => ({ field: v.Field, message: v.Message }))
  const problem = DKProblemDetails.safeParse(body)
  if (problem.success)
    return Object.entries(problem.data.errors ?? {}).flatMap(([field, messages]) =>
      messages.map((message) => ({ field, message })),
    )
  return []
}
