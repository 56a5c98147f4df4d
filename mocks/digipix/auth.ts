import type { Hono } from 'hono'
import { TokenRequest, SCOPES, type Scope } from '../../contracts/digipix/schemas.ts'
import { authorityOf, bearerToken, readBody, send, SimError, type SimContext, type SimEnv, type TokenRecord } from '../core/index.ts'
import type { DigipixCredentials, DigipixState } from './store.ts'

type Env = SimEnv<DigipixState, DigipixCredentials>
type Ctx = SimContext<DigipixState, DigipixCredentials>

export const TOKEN_TTL_SECONDS = 3600
export const PRODUCTION_HOSTS = ['api.digipix.io']
export const SANDBOX_HOSTS = ['api.digipix.dev']

/** Which Digipix environment a request addresses: the production host, or the dev host (and every local address). */
export function environmentOf(c: Ctx): 'production' | 'sandbox' {
  return PRODUCTION_HOSTS.includes(authorityOf(c.req.url)) ? 'production' : 'sandbox'
}

const oauth = (status: number, code: string, message: string) => new SimError(status, code, message, { extra: { oauth: true } })

/**
 * `POST /v1/oauth/token`: client credentials, JSON body (form-encoded accepted
 * too), scopes as an array, an HS256 JWT valid 3600 s on the tenant clock.
 * @see https://api.digipix.io/docs#tag/Auth
 */
export function registerTokenRoute(app: Hono<Env>) {
  app.post('/v1/oauth/token', async (c) => {
    const tenant = c.get('tenant')
    const body = await readBody(c, { form: true }).catch(() => {
      throw oauth(400, 'invalid_request', 'The request body is not valid JSON')
    })
    let value = body.value
    if (body.kind === 'form' && value && typeof value === 'object') {
      const v = value as Record<string, unknown>
      value = { ...v, ...(typeof v.scope === 'string' ? { scope: v.scope.split(/[\s,]+/).filter(Boolean) } : {}) }
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw oauth(400, 'invalid_request', 'Send a JSON object with client_id, client_secret, grant_type and scope')
    const parsed = TokenRequest.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const field = issue.code === 'unrecognized_keys' ? `unknown field(s): ${(issue as { keys: string[] }).keys.join(', ')}` : `${issue.path.join('.') || 'body'}: ${issue.message}`
      throw oauth(400, 'invalid_request', field)
    }
    const req = parsed.data
    if (req.grant_type !== 'client_credentials') throw oauth(400, 'unsupported_grant_type', `grant_type "${req.grant_type}" is not supported; use "client_credentials"`)
    const env = environmentOf(c)
    const creds = env === 'production' ? tenant.credentials.production : tenant.credentials
    if (req.client_id !== creds.clientId || req.client_secret !== creds.clientSecret) {
      throw oauth(401, 'invalid_client', env === 'production' ? 'Client authentication failed (production credentials differ from development ones)' : 'Client authentication failed')
    }
    const unknown = (req.scope ?? []).filter((s) => !(SCOPES as readonly string[]).includes(s))
    if (unknown.length) throw oauth(400, 'invalid_scope', `Unknown scope(s): ${unknown.join(', ')}; available: ${SCOPES.join(', ')}`)
    const scopes = [...new Set(req.scope ?? [])]
    const issuer = env === 'production' ? 'api.digipix.io' : 'api.digipix.dev'
    const record = tenant.auth.issue({
      clientId: creds.clientId,
      scopes,
      ttlSeconds: TOKEN_TTL_SECONDS,
      environment: env,
      meta: { partnerName: tenant.state.partner.name },
      format: {
        kind: 'jwt',
        secret: tenant.state.jwtSecret,
        claims: ({ iat, exp }) => ({ aud: tenant.state.partner.name, exp, jti: tenant.ids.autoId(), iat, iss: issuer, sub: '' }),
      },
    })
    return send(c, { access_token: record.token, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS })
  })
}

/** Check the bearer token and its scope; 401 when missing, unknown or expired, 403 without the scope. */
export function requireScope(c: Ctx, scope: Scope): TokenRecord {
  const raw = c.req.header('authorization')
  const token = bearerToken(raw)
  if (!token) throw new SimError(401, 'unauthorized', raw ? 'The Authorization header must be "Bearer <access_token>"' : 'Missing Authorization header: send "Bearer <access_token>" from /v1/oauth/token')
  const result = c.get('tenant').auth.verify(token, 'access')
  if (!result.ok) {
    if (result.reason === 'expired') throw new SimError(401, 'token_expired', 'The access token has expired; request a new one at /v1/oauth/token')
    throw new SimError(401, 'invalid_token', 'The access token is invalid')
  }
  if (result.record.environment !== environmentOf(c)) throw new SimError(401, 'invalid_token', 'The access token was issued for another environment')
  if (!result.record.scopes.includes(scope)) throw new SimError(403, 'insufficient_scope', `This token lacks the "${scope}" scope; request it at /v1/oauth/token`)
  return result.record
}
