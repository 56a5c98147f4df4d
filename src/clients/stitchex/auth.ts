import { Organisations, SetCurrentOrg, TokenResponse } from '../../../contracts/stitchex/schemas.ts'
import {
  createTokenCache,
  sendWithToken,
  type ClientClock,
  type RequestCore,
  type RequestInput,
} from '../../core/index.ts'
import type { z } from 'zod'

export interface StitchexAuthOptions {
  email?: string
  password?: string
  /** Start from a refresh token instead of a password (rotated tokens go to `onRefreshToken`). */
  refreshToken?: string
  /** Lifetime to ask for, in seconds (Stitchex's default: 7 days). */
  expiresIn?: number
  /** The organisation to work in (default: the first `GET /organisations` lists). */
  organisationId?: number
  /** Called with every new refresh token (they rotate: keep the newest). */
  onRefreshToken?(token: string): void
}

/**
 * The three-call connection: a token (password, or a refresh token when one is at hand), the
 * organisations, `set_current_org`. Each new token is connected to the organisation again,
 * because Stitchex keeps the choice against the token. Tokens are cached until 30 s before
 * `created_at + expires_in`; a 401 connects afresh once.
 * @see https://help.uphance.com/en/articles/2532044-uphance-api-for-developers
 */
export function createStitchexAuth(core: RequestCore, o: StitchexAuthOptions, clock: ClientClock) {
  let refreshToken = o.refreshToken
  let organisationId = o.organisationId
  const login = async (): Promise<z.output<typeof TokenResponse>> => {
    const body = refreshToken
      ? { grant_type: 'refresh_token', refresh_token: refreshToken }
      : { grant_type: 'password', email: o.email, password: o.password, expires_in: o.expiresIn }
    if (!refreshToken && (!o.email || !o.password))
      throw new Error('stitchex: give email and password, or a refreshToken')
    try {
      return (
        await core.send({
          method: 'POST',
          path: '/oauth/token',
          json: body,
          schema: TokenResponse,
          retry: true,
        })
      ).data
    } catch (err) {
      // A used or unknown refresh token: fall back to the password when there is one.
      if (
        refreshToken &&
        o.email &&
        o.password &&
        err instanceof Error &&
        'status' in err &&
        err.status === 400
      ) {
        refreshToken = undefined
        return login()
      }
      throw err
    }
  }
  const connect = async (token: string) => {
    const headers = { authorization: `Bearer ${token}` }
    if (organisationId === undefined) {
      const { data } = await core.send({
        method: 'GET',
        path: '/organisations',
        headers,
        schema: Organisations,
      })
      organisationId = data.organisations[0]?.id
      if (organisationId === undefined)
        throw new Error('stitchex: this user belongs to no organisation')
    }
    await core.send({
      method: 'POST',
      path: '/organisations/set_current_org',
      headers,
      json: { organizationId: organisationId },
      schema: SetCurrentOrg,
      retry: true,
    })
  }
  const cache = createTokenCache(async () => {
    const t = await login()
    if (t.refresh_token) {
      refreshToken = t.refresh_token
      o.onRefreshToken?.(t.refresh_token)
    }
    await connect(t.access_token)
    const left = t.created_at + t.expires_in - Math.floor(clock.now() / 1000)
    return { token: t.access_token, expiresInSeconds: Math.min(t.expires_in, Math.max(0, left)) }
  }, clock)

  return {
    token: () => cache.get(),
    invalidate: () => cache.invalidate(),
    /** The organisation requests work in (once connected). */
    organisationId: () => organisationId,
    /** Work in another organisation from now on (the current token is connected to it at once). */
    async selectOrganisation(id: number) {
      organisationId = id
      await connect(await cache.get())
    },
    /** Send with the bearer token; on a 401 connect afresh and try once more. */
    async send<S extends z.ZodType>(input: RequestInput<S>): Promise<z.output<S>> {
      return (await sendWithToken(core, cache, input)).data as z.output<S>
    },
  }
}
export type StitchexAuth = ReturnType<typeof createStitchexAuth>
