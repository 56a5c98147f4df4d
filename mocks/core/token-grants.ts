import type { SimContext } from './context.ts'
import { requestHeader } from './request.ts'
import {
  text,
  type GrantRequest,
  type GrantType,
  type TokenClient,
  type TokenEndpoint,
  type TokenFailure,
} from './token-types.ts'

/**
 * The checks of a token request once its body is read: the client's authentication and each
 * grant's own (RFC 6749 §4.1.3, §4.3.2, §4.4.2, §6), in the order the RFC gives them, each failure
 * in the vendor's words. What they establish is what the vendor's `access` and `refresh` get.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4
 */
export interface GrantCheck<S, C> {
  c: SimContext<S, C>
  e: TokenEndpoint<S, C>
  fields: Record<string, unknown>
  /** A field that is a non-empty string, else `undefined`. */
  str(name: string): string | undefined
  fail: TokenFailure
  /** HTTP status of `invalid_grant`. */
  grantStatus: number
}

/** `Authorization: Basic base64(id:secret)` (RFC 6749 §2.3.1: both parts form-urlencoded). */
export function basicCredentials(
  header: string | undefined,
): { id: string; secret: string } | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '')
  if (!m) return undefined
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon <= 0) return undefined
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon)),
      secret: decodeURIComponent(decoded.slice(colon + 1)),
    }
  } catch {
    return undefined
  }
}

/** The client the request authenticates as (body fields or HTTP Basic), when the endpoint requires one. */
export function authenticateClient<S, C>(g: GrantCheck<S, C>): TokenClient | undefined {
  const { c, e, str, fail } = g
  if (e.clientAuth !== 'required') return undefined
  let id = str('client_id')
  let secret = str('client_secret')
  const basic = basicCredentials(requestHeader(c, 'authorization'))
  if (basic && !secret) {
    id ??= basic.id
    secret = basic.secret
  }
  if (!id || !secret) throw fail(400, 'invalid_request', 'client_id and client_secret are required')
  const client = e.client?.(c, id, secret)
  if (!client)
    throw fail(
      401,
      'invalid_client',
      text(e.messages?.invalidClient, 'Client authentication failed', c),
    )
  return client
}

/** What the grant establishes: scopes, and the user or subject a token acts for. */
export function establishGrant<S, C>(
  g: GrantCheck<S, C>,
  grant: GrantType,
  client: TokenClient | undefined,
): GrantRequest {
  const req: GrantRequest = { grant, fields: g.fields, client, scopes: [] }
  if (grant === 'client_credentials') req.scopes = askedScopes(g)
  else if (grant === 'password') Object.assign(req, passwordUser(g))
  else if (grant === 'authorization_code') Object.assign(req, redeemedCode(g, client))
  else Object.assign(req, presentedRefresh(g, client))
  return req
}

/** Client credentials: the scopes asked for (a list, or a space- or comma-separated string), each one the endpoint knows. */
function askedScopes<S, C>({ e, fields, fail }: GrantCheck<S, C>): string[] {
  const asked = fields.scope
  const scopes = Array.isArray(asked)
    ? asked.filter((x): x is string => typeof x === 'string')
    : typeof asked === 'string'
      ? asked.split(/[\s,]+/).filter(Boolean)
      : []
  const unknown = e.scopes ? scopes.filter((s) => !e.scopes!.includes(s)) : []
  if (unknown.length)
    throw fail(
      400,
      'invalid_scope',
      `Unknown scope(s): ${unknown.join(', ')}; available: ${e.scopes!.join(', ')}`,
    )
  return [...new Set(scopes)]
}

/** Password: the user with this login and password. */
function passwordUser<S, C>({ c, e, str, fail, grantStatus }: GrantCheck<S, C>) {
  const m = e.messages ?? {}
  const login = str(e.loginField ?? 'username')
  const password = str('password')
  if (!login || !password)
    throw fail(
      400,
      'invalid_request',
      text(m.missingLogin, `Send "${e.loginField ?? 'username'}" and "password"`),
    )
  const user = e.user?.(c, login, password)
  if (!user)
    throw fail(grantStatus, 'invalid_grant', text(m.invalidLogin, 'Wrong email or password.'))
  return { user, subject: user.subject }
}

/** Authorization code: the code, issued to this client for this redirect address, redeemed once. */
function redeemedCode<S, C>(
  { c, e, str, fail, grantStatus }: GrantCheck<S, C>,
  client: TokenClient | undefined,
) {
  const m = e.messages ?? {}
  const code = str('code')
  if (!code) throw fail(400, 'invalid_request', 'code is required')
  const redirectUri = str('redirect_uri')
  if (!redirectUri)
    throw fail(
      400,
      'invalid_request',
      'redirect_uri is required and must equal the one used to authorize',
    )
  const entry = c.get('tenant').auth.redeemCode(code, client?.clientId ?? '', undefined)
  if (!entry)
    throw fail(
      grantStatus,
      'invalid_grant',
      text(m.invalidCode, 'unknown, invalid, or expired authorization code'),
    )
  if (entry.redirectUri !== redirectUri)
    throw fail(
      grantStatus,
      'invalid_grant',
      text(
        m.redirectMismatch,
        'redirect_uri does not match the one the authorization code was issued for',
      ),
    )
  return { subject: entry.subject, scopes: entry.scopes }
}

/** Refresh: a live refresh token this endpoint accepts from this client. */
function presentedRefresh<S, C>(
  { c, e, str, fail, grantStatus }: GrantCheck<S, C>,
  client: TokenClient | undefined,
) {
  const m = e.messages ?? {}
  const token = str('refresh_token')
  if (!token)
    throw fail(400, 'invalid_request', text(m.missingRefresh, 'refresh_token is required'))
  const known = c.get('tenant').auth.verify(token, 'refresh')
  const reason = !known.ok
    ? known.reason
    : e.accepts && !e.accepts(c, known.record, client)
      ? 'foreign'
      : undefined
  if (reason || !known.ok)
    throw fail(
      grantStatus,
      'invalid_grant',
      text(m.invalidRefresh, 'unknown, invalid, or expired refresh token', reason ?? 'unknown'),
    )
  return { previous: known.record, subject: known.record.subject, scopes: known.record.scopes }
}
