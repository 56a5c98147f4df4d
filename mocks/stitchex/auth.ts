import {
  oauthError,
  SimError,
  takeQuota,
  type SimContext,
  type TokenEndpoint,
  type TokenRecord,
} from '../core/index.ts'
import type { StitchexCredentials, StitchexState } from './store.ts'

type Ctx = SimContext<StitchexState, StitchexCredentials>
type Endpoint = TokenEndpoint<StitchexState, StitchexCredentials>

/** Seven days (the current default), and the year the seed's sample shows (legacy tokens). */
export const TOKEN_TTL = 604_800
export const LEGACY_TTL = 31_536_000

const INVALID_GRANT =
  'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.'

/**
 * `POST /oauth/token` (JSON): `{email, password, grant_type: "password", expires_in?}` → a 64-hex
 * access token, a refresh token and `created_at`; `grant_type: "refresh_token"` rotates both.
 * With the tenant's legacy switch on, the answer is the seed's: a year, no refresh token.
 * @see https://help.uphance.com/en/articles/2532044-uphance-api-for-developers
 */
export const STITCHEX_TOKEN: Endpoint = {
  path: '/oauth/token',
  encodings: ['json'],
  grants: ['password', 'refresh_token'],
  clientAuth: 'none',
  loginField: 'email',
  rotate: true,
  invalidGrantStatus: 400,
  fields(raw) {
    const ttl = raw.expires_in
    if (ttl !== undefined && ttl !== null) {
      const n = typeof ttl === 'string' && /^\d+$/.test(ttl) ? Number(ttl) : ttl
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 60 || n > LEGACY_TTL)
        throw oauthError(
          400,
          'invalid_request',
          `expires_in must be a whole number of seconds from 60 to ${LEGACY_TTL}`,
        )
      return { ...raw, expires_in: n }
    }
    return raw
  },
  user(c, login, password) {
    const creds = c.get('tenant').credentials
    return login.trim().toLowerCase() === creds.email.toLowerCase() && password === creds.password
      ? { subject: creds.email.toLowerCase() }
      : undefined
  },
  access(c, req) {
    const legacy = c.get('tenant').state.settings.legacyTokens
    const asked = req.fields.expires_in as number | undefined
    return {
      clientId: 'stitchex',
      subject: req.subject,
      ttlSeconds: legacy
        ? LEGACY_TTL
        : (asked ?? (req.previous?.meta.ttl as number | undefined) ?? TOKEN_TTL),
      legs: 3,
      environment: 'production',
      meta: { ttl: legacy ? LEGACY_TTL : (asked ?? TOKEN_TTL) },
      format: { kind: 'opaque', length: 64 },
    }
  },
  refresh(c, req) {
    if (c.get('tenant').state.settings.legacyTokens) return undefined
    return {
      clientId: 'stitchex',
      subject: req.subject,
      ttlSeconds: null,
      legs: 3,
      environment: 'production',
      meta: { ttl: req.fields.expires_in ?? req.previous?.meta.ttl ?? TOKEN_TTL },
      format: { kind: 'opaque', length: 64 },
    }
  },
  respond(c, { access, refresh, req }) {
    const tenant = c.get('tenant')
    // The organisation chosen for a session follows it through a refresh.
    const organisationId = req.previous?.session.organisationId
    if (organisationId !== undefined) tenant.auth.setSession(access.token, { organisationId })
    if (refresh) {
      tenant.auth.setSession(access.token, { refreshToken: refresh.token })
      if (organisationId !== undefined) tenant.auth.setSession(refresh.token, { organisationId })
    }
    return {
      access_token: access.token,
      token_type: 'Bearer',
      expires_in: Math.round((access.expiresAt! - access.issuedAt) / 1000),
      ...(refresh ? { refresh_token: refresh.token } : {}),
      created_at: Math.floor(access.issuedAt / 1000),
    }
  },
  headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
  messages: {
    encoding: 'Send a JSON body ("Content-type: application/json")',
    missingLogin: 'Send "email" and "password" with grant_type "password"',
    invalidLogin: INVALID_GRANT,
    invalidRefresh: () => INVALID_GRANT,
  },
}

/** Doorkeeper's refusal of a bearer token (401, `WWW-Authenticate`). */
export function invalidToken(description = 'The access token is invalid') {
  return oauthError(401, 'invalid_token', description, {
    'WWW-Authenticate': `Bearer realm="Doorkeeper", error="invalid_token", error_description="${description}"`,
  })
}

/** A live access token (`Authorization: Bearer <t>`, or the bare `<t>` the docs' curl samples send). */
export function requireToken(c: Ctx): TokenRecord {
  const token = c.get('credential')
  if (!token) throw invalidToken()
  const tenant = c.get('tenant')
  const verified = tenant.auth.verify(token, 'access')
  if (!verified.ok)
    throw invalidToken(
      verified.reason === 'expired'
        ? 'The access token expired'
        : verified.reason === 'revoked'
          ? 'The access token was revoked'
          : 'The access token is invalid',
    )
  const quota = tenant.state.settings.rateLimit
  if (quota) {
    const r = takeQuota(tenant.state.rate, token, quota, tenant.clock.now())
    c.set('responseHeaders', r.headers)
    if (r.retryAfter !== undefined)
      throw new SimError(
        429,
        'rate_limited',
        'Rate limit exceeded: fetch pages one after another',
        {
          headers: { ...r.headers, 'Retry-After': String(r.retryAfter) },
        },
      )
  }
  return verified.record
}

/** The organisation the token's session is set to; every data endpoint needs one. */
export function requireOrganisation(c: Ctx): number {
  const record = requireToken(c)
  const id = record.session.organisationId
  if (typeof id !== 'number')
    throw new SimError(
      422,
      'no_current_organisation',
      'No current organisation: POST /organisations/set_current_org with {"organizationId": <id from GET /organisations>} first',
    )
  return id
}
