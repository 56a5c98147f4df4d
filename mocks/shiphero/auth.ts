import type { Hono } from 'hono'
import { bearerToken, readBody, send, SimError, type SimContext, type SimEnv, type TokenRecord } from '../core/index.ts'
import { CODES } from './errors.ts'
import type { ShipHeroCredentials, ShipHeroState, UserRow } from './store.ts'

type Env = SimEnv<ShipHeroState, ShipHeroCredentials>
type Ctx = SimContext<ShipHeroState, ShipHeroCredentials>

/** 28 days. */
export const ACCESS_TOKEN_TTL = 2_419_200
export const TOKEN_SCOPE = 'openid profile offline_access'

const auth0 = (status: number, error: string, description: string) => new SimError(status, error, description, { extra: { auth0: error } })

async function jsonBody(c: Ctx): Promise<Record<string, unknown>> {
  const body = await readBody(c, { form: true }).catch(() => {
    throw auth0(400, 'invalid_request', 'The request body is not valid JSON')
  })
  if (!body.value || typeof body.value !== 'object' || Array.isArray(body.value)) throw auth0(400, 'invalid_request', 'Send a JSON object')
  return body.value as Record<string, unknown>
}

function mintAccess(c: Ctx, user: UserRow) {
  const tenant = c.get('tenant')
  return tenant.auth.issue({
    clientId: user.email,
    subject: String(user.id),
    ttlSeconds: ACCESS_TOKEN_TTL,
    legs: 3,
    environment: 'production',
    scopes: TOKEN_SCOPE.split(' '),
    meta: { userId: user.id, accountId: user.account_id },
    format: {
      kind: 'jwt',
      secret: tenant.state.jwtSecret,
      claims: ({ iat, exp }) => ({
        'http://shiphero-tag/': { account_id: String(user.account_id), user_id: String(user.id), email: user.email },
        iss: 'https://shiphero.auth0.com/',
        sub: `auth0|${user.id}`,
        aud: ['shiphero-public-api'],
        iat,
        exp,
        azp: 'vendorsim',
        scope: 'email profile offline_access',
        gty: 'password',
        account_id: user.account_id,
      }),
    },
  })
}

/**
 * `POST /auth/token` (username + password → 28-day access token and a refresh
 * token) and `POST /auth/refresh` (same body without a new refresh token).
 * @see https://developer.shiphero.com/getting-started/
 */
export function registerAuthRoutes(app: Hono<Env>) {
  app.post('/auth/token', async (c) => {
    const body = await jsonBody(c)
    const { username, password } = body
    if (typeof username !== 'string' || typeof password !== 'string' || !username || !password) throw auth0(400, 'invalid_request', 'Send "username" and "password"')
    const tenant = c.get('tenant')
    const login = tenant.state.logins.get(username.trim().toLowerCase())
    if (!login || login.password !== password) throw auth0(403, 'invalid_grant', 'Wrong email or password.')
    const user = tenant.state.users.get(login.userId)!
    if (!user.is_active) throw auth0(403, 'invalid_grant', 'User is blocked.')
    const access = mintAccess(c, user)
    const refresh = tenant.auth.issueRefresh({ clientId: user.email, subject: String(user.id), ttlSeconds: null, legs: 3, environment: 'production', meta: { userId: user.id }, format: { kind: 'opaque', length: 48 } })
    return send(c, { access_token: access.token, expires_in: ACCESS_TOKEN_TTL, refresh_token: refresh.token, scope: TOKEN_SCOPE, token_type: 'Bearer' })
  })

  app.post('/auth/refresh', async (c) => {
    const body = await jsonBody(c)
    const token = body.refresh_token
    if (typeof token !== 'string' || !token) throw auth0(400, 'invalid_request', 'Send "refresh_token"')
    const tenant = c.get('tenant')
    const result = tenant.auth.verify(token, 'refresh')
    if (!result.ok) throw auth0(403, 'invalid_grant', result.reason === 'revoked' ? 'The refresh_token has been revoked.' : 'Unknown or invalid refresh token.')
    const user = tenant.state.users.get(Number(result.record.subject))
    if (!user?.is_active) throw auth0(403, 'invalid_grant', 'User is blocked.')
    const access = mintAccess(c, user)
    return send(c, { access_token: access.token, expires_in: ACCESS_TOKEN_TTL, scope: TOKEN_SCOPE, token_type: 'Bearer' })
  })
}

/** The user behind the request's bearer token; 401 `{errors:[{message, code: 16}]}` otherwise. */
export function requireUser(c: Ctx): { user: UserRow; token: TokenRecord } {
  const raw = c.req.header('authorization')
  const token = bearerToken(raw)
  const unauthenticated = (message: string) => new SimError(401, String(CODES.unauthenticated), message, { headers: { 'WWW-Authenticate': 'Bearer' } })
  if (!token) throw unauthenticated(raw ? 'The Authorization header must be "Bearer <access_token>"' : 'Missing Authorization header: send "Bearer <access_token>" from POST /auth/token')
  const tenant = c.get('tenant')
  const result = tenant.auth.verify(token, 'access')
  if (!result.ok) throw unauthenticated(result.reason === 'expired' ? 'Token has expired: get a new one from POST /auth/refresh' : 'Invalid token')
  const user = tenant.state.users.get(Number(result.record.subject))
  if (!user?.is_active) throw unauthenticated('Invalid token')
  return { user, token: result.record }
}
