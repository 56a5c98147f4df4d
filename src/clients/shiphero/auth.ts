import { RefreshResponse, TokenResponse } from '../../../contracts/shiphero/schemas.ts'
import type { ClientClock, RequestCore } from '../../core/index.ts'

/**
 * ShipHero tokens: `POST /auth/token` with a (developer) user's password, or
 * `POST /auth/refresh` with a refresh token (which stays valid); the access token
 * is kept until a minute before it expires.
 * @see https://developer.shiphero.com/getting-started/
 */
export function createShipHeroAuth(
  core: RequestCore,
  o: { username?: string; password?: string; refreshToken?: string },
  clock: ClientClock,
) {
  let access: { token: string; expiresAt: number } | undefined
  let refreshToken = o.refreshToken
  const auth = {
    /** `POST /auth/token`; keeps the refresh token for later. */
    async login() {
      if (!o.username || !o.password)
        throw new Error(
          'shiphero: username and password are needed to log in (or pass refreshToken)',
        )
      const { data } = await core.send({
        method: 'POST',
        path: '/auth/token',
        json: { username: o.username, password: o.password },
        schema: TokenResponse,
        retry: true,
      })
      refreshToken = data.refresh_token
      access = { token: data.access_token, expiresAt: clock.now() + (data.expires_in - 60) * 1000 }
      return data
    },
    /** `POST /auth/refresh`: a new access token; the refresh token stays the same. */
    async refresh() {
      if (!refreshToken) return auth.login()
      const { data } = await core.send({
        method: 'POST',
        path: '/auth/refresh',
        json: { refresh_token: refreshToken },
        schema: RefreshResponse,
        retry: true,
      })
      access = { token: data.access_token, expiresAt: clock.now() + (data.expires_in - 60) * 1000 }
      return data
    },
    async token(): Promise<string> {
      if (!access || clock.now() >= access.expiresAt)
        await (refreshToken ? auth.refresh() : auth.login())
      return access!.token
    },
    /** Forget the access token (after a 401): the next call refreshes. */
    invalidate() {
      access = undefined
    },
    get refreshToken() {
      return refreshToken
    },
  }
  return auth
}
export type ShipHeroAuth = ReturnType<typeof createShipHeroAuth>
