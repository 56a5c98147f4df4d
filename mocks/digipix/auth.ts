import { TokenRequest, SCOPES, type Scope } from '../../contracts/digipix/schemas.ts'
import { DIGIPIX_HOSTS } from '../../contracts/digipix/hosts.ts'
import {
  authorityOf,
  oauthError,
  SimError,
  type SimContext,
  type TokenEndpoint,
  type TokenRecord,
  requestHeader,
} from '../core/index.ts'
import type { DigipixCredentials, DigipixState } from './store.ts'

type Ctx = SimContext<DigipixState, DigipixCredentials>

export const TOKEN_TTL_SECONDS = 3600

/** Which Digipix environment a request addresses: the production host, or the dev host (and every local address). */
export function environmentOf(c: Ctx): 'production' | 'sandbox' {
  return (DIGIPIX_HOSTS.production as readonly string[]).includes(authorityOf(c.req.url))
    ? 'production'
    : 'sandbox'
}

/** The app credentials of the environment a request addresses (production and development differ). */
const appOf = (c: Ctx) =>
  environmentOf(c) === 'production'
    ? c.get('tenant').credentials.production
    : c.get('tenant').credentials

/**
 * `POST /v1/oauth/token`: client credentials, JSON body (form-encoded accepted
 * too), scopes as an array, an HS256 JWT valid 3600 s on the tenant clock.
 * @see https://api.digipix.io/docs#tag/Auth
 */
export const DIGIPIX_TOKEN: TokenEndpoint<DigipixState, DigipixCredentials> = {
  path: '/v1/oauth/token',
  encodings: ['json', 'form'],
  grants: ['client_credentials'],
  clientAuth: 'required',
  scopes: SCOPES,
  fields(raw, encoding) {
    const value =
      encoding === 'form' && typeof raw.scope === 'string'
        ? { ...raw, scope: raw.scope.split(/[\s,]+/).filter(Boolean) }
        : raw
    const parsed = TokenRequest.safeParse(value)
    if (parsed.success) return parsed.data
    const issue = parsed.error.issues[0]!
    throw oauthError(
      400,
      'invalid_request',
      issue.code === 'unrecognized_keys'
        ? `unknown field(s): ${(issue as { keys: string[] }).keys.join(', ')}`
        : `${issue.path.join('.') || 'body'}: ${issue.message}`,
    )
  },
  client(c, clientId, clientSecret) {
    const app = appOf(c)
    return clientId === app.clientId && clientSecret === app.clientSecret ? app : undefined
  },
  access(c, req) {
    const tenant = c.get('tenant')
    const env = environmentOf(c)
    const issuer = env === 'production' ? 'api.digipix.io' : 'api.digipix.dev'
    return {
      clientId: req.client!.clientId,
      scopes: req.scopes,
      ttlSeconds: TOKEN_TTL_SECONDS,
      environment: env,
      meta: { partnerName: tenant.state.partner.name },
      format: {
        kind: 'jwt',
        secret: tenant.state.jwtSecret,
        claims: ({ iat, exp }) => ({
          aud: tenant.state.partner.name,
          exp,
          jti: tenant.ids.autoId(),
          iat,
          iss: issuer,
          sub: '',
        }),
      },
    }
  },
  rotate: false,
  respond: (_c, { access }) => ({
    access_token: access.token,
    token_type: 'Bearer',
    expires_in: TOKEN_TTL_SECONDS,
  }),
  messages: {
    notObject: 'Send a JSON object with client_id, client_secret, grant_type and scope',
    invalidClient: (c) =>
      environmentOf(c) === 'production'
        ? 'Client authentication failed (production credentials differ from development ones)'
        : 'Client authentication failed',
  },
}

/** A token Digipix never issued (or one of a reset tenant). */
export const invalidToken = () => new SimError(401, 'invalid_token', 'The access token is invalid')

/** Check the bearer token and its scope; 401 when missing, unknown or expired, 403 without the scope. */
export function requireScope(c: Ctx, scope: Scope): TokenRecord {
  const token = c.get('credential')
  if (!token)
    throw new SimError(
      401,
      'unauthorized',
      requestHeader(c, 'authorization')
        ? 'The Authorization header must be "Bearer <access_token>"'
        : 'Missing Authorization header: send "Bearer <access_token>" from /v1/oauth/token',
    )
  const result = c.get('tenant').auth.verify(token, 'access')
  if (!result.ok) {
    if (result.reason === 'expired')
      throw new SimError(
        401,
        'token_expired',
        'The access token has expired; request a new one at /v1/oauth/token',
      )
    throw invalidToken()
  }
  if (result.record.environment !== environmentOf(c))
    throw new SimError(401, 'invalid_token', 'The access token was issued for another environment')
  if (!result.record.scopes.includes(scope))
    throw new SimError(
      403,
      'insufficient_scope',
      `This token lacks the "${scope}" scope; request it at /v1/oauth/token`,
    )
  return result.record
}
