import {
  SimError,
  type IssueOptions,
  type SimContext,
  type TokenEndpoint,
  type TokenRecord,
  requestHeader,
} from '../core/index.ts'
import { CODES } from './errors.ts'
import type { ShipHeroCredentials, ShipHeroState } from './store.ts'
import type { UserRow } from './rows.ts'

type Ctx = SimContext<ShipHeroState, ShipHeroCredentials>
type Endpoint = TokenEndpoint<ShipHeroState, ShipHeroCredentials>

/** 28 days. */
export const ACCESS_TOKEN_TTL = 2_419_200
export const TOKEN_SCOPE = 'openid profile offline_access'

/** ShipHero's token errors are Auth0's: `{ "error", "error_description" }`. */
const auth0 = (status: number, error: string, description: string) =>
  new SimError(status, error, description, { extra: { auth0: error } })
const blocked = () => auth0(403, 'invalid_grant', 'User is blocked.')

/** A 28-day HS256 JWT with the Auth0 claims ShipHero's tokens carry. */
function accessFor(c: Ctx, user: UserRow): IssueOptions {
  const tenant = c.get('tenant')
  return {
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
        'http://shiphero-tag/': {
          account_id: String(user.account_id),
          user_id: String(user.id),
          email: user.email,
        },
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
  }
}

const activeUser = (c: Ctx, subject: string | undefined) => {
  const user = c.get('tenant').state.users.get(Number(subject))
  if (!user?.is_active) throw blocked()
  return user
}

const common = {
  encodings: ['json', 'form'],
  clientAuth: 'none',
  loginField: 'username',
  rotate: false,
  error: auth0,
  invalidGrantStatus: 403,
  messages: {
    notObject: 'Send a JSON object',
    missingLogin: 'Send "username" and "password"',
    missingRefresh: 'Send "refresh_token"',
    invalidLogin: 'Wrong email or password.',
    invalidRefresh: (reason) =>
      reason === 'revoked'
        ? 'The refresh_token has been revoked.'
        : 'Unknown or invalid refresh token.',
  },
} satisfies Partial<Endpoint>

/**
 * `POST /auth/token`: username + password → a 28-day access token and a refresh token
 * that never expires.
 * @see https://developer.shiphero.com/getting-started/
 */
export const SHIPHERO_TOKEN: Endpoint = {
  ...common,
  path: '/auth/token',
  grants: ['password'],
  impliedGrant: 'password',
  user(c, login, password) {
    const found = c.get('tenant').state.logins.get(login.trim().toLowerCase())
    if (!found || found.password !== password) return undefined
    activeUser(c, String(found.userId))
    return { subject: String(found.userId) }
  },
  access: (c, req) => accessFor(c, activeUser(c, req.subject)),
  refresh: (c, req) => ({
    clientId: activeUser(c, req.subject).email,
    subject: req.subject,
    ttlSeconds: null,
    legs: 3,
    environment: 'production',
    meta: { userId: Number(req.subject) },
    format: { kind: 'opaque', length: 48 },
  }),
  respond: (_c, { access, refresh }) => ({
    access_token: access.token,
    expires_in: ACCESS_TOKEN_TTL,
    refresh_token: refresh!.token,
    scope: TOKEN_SCOPE,
    token_type: 'Bearer',
  }),
}

/** `POST /auth/refresh`: a refresh token → a new access token; the refresh token stays valid (no rotation). */
export const SHIPHERO_REFRESH: Endpoint = {
  ...common,
  path: '/auth/refresh',
  grants: ['refresh_token'],
  impliedGrant: 'refresh_token',
  access: (c, req) => accessFor(c, activeUser(c, req.subject)),
  respond: (_c, { access }) => ({
    access_token: access.token,
    expires_in: ACCESS_TOKEN_TTL,
    scope: TOKEN_SCOPE,
    token_type: 'Bearer',
  }),
}

const unauthenticated = (message: string) =>
  new SimError(401, String(CODES.unauthenticated), message, {
    headers: { 'WWW-Authenticate': 'Bearer' },
  })

/** A token ShipHero never issued (or one of a reset tenant). */
export const invalidToken = () => unauthenticated('Invalid token')

/** The user behind the request's bearer token; 401 `{errors:[{message, code: 16}]}` otherwise. */
export function requireUser(c: Ctx): { user: UserRow; token: TokenRecord } {
  const token = c.get('credential')
  if (!token)
    throw unauthenticated(
      requestHeader(c, 'authorization')
        ? 'The Authorization header must be "Bearer <access_token>"'
        : 'Missing Authorization header: send "Bearer <access_token>" from POST /auth/token',
    )
  const tenant = c.get('tenant')
  const result = tenant.auth.verify(token, 'access')
  if (!result.ok)
    throw unauthenticated(
      result.reason === 'expired'
        ? 'Token has expired: get a new one from POST /auth/refresh'
        : 'Invalid token',
    )
  const user = tenant.state.users.get(Number(result.record.subject))
  if (!user?.is_active) throw invalidToken()
  return { user, token: result.record }
}

/** The user behind a request's token (and the account it acts for). */
export type ShipHeroAuth = ReturnType<typeof requireUser>
