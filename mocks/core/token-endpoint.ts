import type { Hono } from 'hono'
import type { IssueOptions, TokenRecord } from './auth.ts'
import { SimError } from './errors.ts'
import { readBody, send } from './http.ts'
import { requestHeader } from './request.ts'
import type { SimContext, SimEnv } from './context.ts'

/**
 * One token endpoint for every grant the vendors use (RFC 6749 §4): client
 * credentials, authorization code, resource-owner password and refresh (with or
 * without rotation). A vendor declares an endpoint — path, body encodings, grants,
 * how clients and users are checked, what tokens look like, the response body and
 * the error shape — and the core parses, checks in RFC order, issues through the
 * tenant's token kit and answers. The same declaration tells the core which body
 * fields identify the tenant (client id, login, refresh token, code).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4
 */
export type GrantType = 'client_credentials' | 'authorization_code' | 'password' | 'refresh_token'

export interface TokenClient {
  clientId: string
  clientSecret: string
}

/** Who a user token acts for (password and authorization-code grants). */
export interface TokenUser {
  subject: string
  meta?: Record<string, unknown>
}

/** What a grant established, handed to the vendor's `access` / `refresh` / `respond`. */
export interface GrantRequest {
  grant: GrantType
  /** The body's fields (strings from forms; any JSON value from JSON bodies). */
  fields: Readonly<Record<string, unknown>>
  client?: TokenClient
  /** The user (password grant) or the subject carried by a code or refresh token. */
  subject?: string
  user?: TokenUser
  scopes: readonly string[]
  /** Refresh grant: the refresh token presented. */
  previous?: TokenRecord
}

type Message<A extends unknown[] = []> = string | ((...args: A) => string)

export interface TokenEndpoint<S = any, C = any> {
  path: string
  /** Body encodings accepted; the first is the documented one. */
  encodings: ReadonlyArray<'form' | 'json'>
  grants: readonly GrantType[]
  /** The grant of a body that names none (ShipHero's `/auth/token` is a password grant without `grant_type`). */
  impliedGrant?: GrantType
  /** `required`: client_id + client_secret (body or HTTP Basic) for every grant; `none`: first-party password logins. */
  clientAuth: 'required' | 'none'
  /** Body field naming the user in password grants (`username`, `email`). */
  loginField?: string
  /** Scopes a client may ask for; others are `invalid_scope`. Omit to take any. */
  scopes?: readonly string[]
  /** Normalise and check the body's fields before anything else (strict vendors refuse unknown fields); throw the vendor's error. */
  fields?(
    raw: Record<string, unknown>,
    encoding: 'form' | 'json',
    c: SimContext<S, C>,
  ): Record<string, unknown>
  /** The client with this id and secret, in the environment the request addresses; `undefined` when either is wrong. */
  client?(c: SimContext<S, C>, clientId: string, clientSecret: string): TokenClient | undefined
  /** The user with this login and password; `undefined` when either is wrong (throw for blocked users). */
  user?(c: SimContext<S, C>, login: string, password: string): TokenUser | undefined
  /** Whether a refresh token presented here may be used (same client, same environment). */
  accepts?(c: SimContext<S, C>, record: TokenRecord, client: TokenClient | undefined): boolean
  /** The access token to issue (may throw the vendor's error, e.g. a user blocked since login). */
  access(c: SimContext<S, C>, req: GrantRequest): IssueOptions
  /** The refresh token to issue with it, or `undefined` for none (client credentials, non-rotating refresh). */
  refresh?(c: SimContext<S, C>, req: GrantRequest): IssueOptions | undefined
  /** A refresh token works once (the next one replaces it), or stays valid. */
  rotate: boolean
  respond(
    c: SimContext<S, C>,
    r: { access: TokenRecord; refresh?: TokenRecord; req: GrantRequest },
  ): Record<string, unknown>
  /** Extra headers of a successful answer (`Cache-Control: no-store`). */
  headers?: Record<string, string>
  /** The vendor's token error (default: RFC 6749 `{error, error_description}` through `oauthError`). */
  error?(status: number, code: string, description: string): SimError
  /** HTTP status of `invalid_grant` (RFC 6749 says 400; some vendors answer 401 or 403). */
  invalidGrantStatus?: number
  messages?: Partial<{
    encoding: string
    notObject: string
    invalidJson: string
    invalidClient: Message<[SimContext<S, C>]>
    missingLogin: string
    missingRefresh: string
    invalidLogin: string
    invalidRefresh: Message<['unknown' | 'expired' | 'revoked' | 'used' | 'foreign']>
    invalidCode: string
    redirectMismatch: string
  }>
}

/** An RFC 6749 error as a `SimError` with `extra.oauth` (vendors render it as `{ error, error_description }`). */
export const oauthError = (
  status: number,
  code: string,
  description: string,
  headers?: Record<string, string>,
) => new SimError(status, code, description, { extra: { oauth: true }, headers })

/** The RFC 6749 error body of an OAuth `SimError`. */
export const oauthErrorBody = (err: SimError) => ({
  error: err.code,
  error_description: err.message,
})

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

const text = <A extends unknown[]>(m: Message<A> | undefined, fallback: string, ...args: A) =>
  m === undefined ? fallback : typeof m === 'string' ? m : m(...args)

/** Read the body in one of the endpoint's encodings; `undefined` value when it cannot be read. */
async function readFields(
  c: SimContext<any, any>,
  e: TokenEndpoint,
): Promise<
  { encoding: 'form' | 'json'; value: unknown } | { error: 'encoding' | 'json'; reason?: string }
> {
  const type = requestHeader(c, 'content-type') ?? ''
  const isForm = type.includes('application/x-www-form-urlencoded')
  if (isForm && e.encodings.includes('form'))
    return { encoding: 'form', value: (await readBody(c, { form: true })).value }
  if (!e.encodings.includes('json')) return { error: 'encoding' }
  try {
    return { encoding: 'json', value: (await readBody(c)).value }
  } catch (err) {
    // A body past the size limit stays a 413; anything else unreadable is the vendor's invalid_request.
    if (err instanceof SimError && err.code === 'invalid_json')
      return { error: 'json', reason: err.message }
    throw err
  }
}

/**
 * The fields of a token request that name its tenant: client id (body or Basic),
 * login, refresh token, authorization code. The core looks each up in its
 * credential and token indexes before any route runs.
 */
export async function tokenRequestKeys(
  c: SimContext<any, any>,
  e: TokenEndpoint,
): Promise<string[]> {
  const read = await readFields(c, e).catch(() => undefined) // the route itself answers a body it cannot read
  const value =
    read &&
    'value' in read &&
    read.value &&
    typeof read.value === 'object' &&
    !Array.isArray(read.value)
      ? (read.value as Record<string, unknown>)
      : {}
  const keys: string[] = []
  const add = (v: unknown) => typeof v === 'string' && v !== '' && keys.push(v)
  add(value.client_id)
  add(basicCredentials(requestHeader(c, 'authorization'))?.id)
  if (e.loginField && typeof value[e.loginField] === 'string')
    add((value[e.loginField] as string).trim().toLowerCase())
  add(value.refresh_token)
  add(value.code)
  return keys
}

/**
 * Serve a token endpoint.
 * @example
 * registerTokenEndpoint(app, { path: '/oauth/token', encodings: ['json'], grants: ['password', 'refresh_token'], clientAuth: 'none', loginField: 'email', ... })
 */
export function registerTokenEndpoint<S, C extends Record<string, unknown>>(
  app: Hono<SimEnv<S, C>>,
  e: TokenEndpoint<S, C>,
) {
  const fail =
    e.error ??
    ((status: number, code: string, description: string) => oauthError(status, code, description))
  const m = e.messages ?? {}
  const grantStatus = e.invalidGrantStatus ?? 400

  app.post(e.path, async (c) => {
    const tenant = c.get('tenant')
    const read = await readFields(c, e as TokenEndpoint)
    if ('error' in read) {
      if (read.error === 'encoding')
        throw fail(
          400,
          'invalid_request',
          text(m.encoding, 'The token request must be application/x-www-form-urlencoded'),
        )
      throw fail(
        400,
        'invalid_request',
        read.reason === 'The request body is not valid JSON' || !read.reason
          ? text(m.invalidJson, 'The request body is not valid JSON')
          : read.reason,
      )
    }
    if (!read.value || typeof read.value !== 'object' || Array.isArray(read.value))
      throw fail(
        400,
        'invalid_request',
        text(m.notObject, 'Send the token request as a JSON object'),
      )
    const raw = read.value as Record<string, unknown>
    if (read.encoding === 'form')
      for (const [k, v] of Object.entries(raw))
        if (Array.isArray(v)) throw fail(400, 'invalid_request', `${k} was sent more than once`)
    const fields = e.fields ? e.fields(raw, read.encoding, c) : raw
    const str = (name: string) => {
      const v = fields[name]
      return typeof v === 'string' && v !== '' ? v : undefined
    }

    const grant = (str('grant_type') ?? e.impliedGrant) as GrantType | undefined
    if (!grant) throw fail(400, 'invalid_request', 'grant_type is required')
    if (!e.grants.includes(grant))
      throw fail(
        400,
        'unsupported_grant_type',
        `grant_type "${grant}" is not supported; use ${e.grants.map((g) => `"${g}"`).join(', ')}`,
      )

    let client: TokenClient | undefined
    if (e.clientAuth === 'required') {
      let id = str('client_id')
      let secret = str('client_secret')
      const basic = basicCredentials(requestHeader(c, 'authorization'))
      if (basic && !secret) {
        id ??= basic.id
        secret = basic.secret
      }
      if (!id || !secret)
        throw fail(400, 'invalid_request', 'client_id and client_secret are required')
      client = e.client?.(c, id, secret)
      if (!client)
        throw fail(401, 'invalid_client', text(m.invalidClient, 'Client authentication failed', c))
    }

    const req: GrantRequest = { grant, fields, client, scopes: [] }
    if (grant === 'client_credentials') {
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
      req.scopes = [...new Set(scopes)]
    } else if (grant === 'password') {
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
      Object.assign(req, { user, subject: user.subject })
    } else if (grant === 'authorization_code') {
      const code = str('code')
      if (!code) throw fail(400, 'invalid_request', 'code is required')
      const redirectUri = str('redirect_uri')
      if (!redirectUri)
        throw fail(
          400,
          'invalid_request',
          'redirect_uri is required and must equal the one used to authorize',
        )
      const entry = tenant.auth.redeemCode(code, client?.clientId ?? '', undefined)
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
      Object.assign(req, { subject: entry.subject, scopes: entry.scopes })
    } else {
      const token = str('refresh_token')
      if (!token)
        throw fail(400, 'invalid_request', text(m.missingRefresh, 'refresh_token is required'))
      const known = tenant.auth.verify(token, 'refresh')
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
      Object.assign(req, {
        previous: known.record,
        subject: known.record.subject,
        scopes: known.record.scopes,
      })
    }

    const accessOptions = e.access(c, req)
    const refreshOptions = e.refresh?.(c, req)
    if (grant === 'refresh_token' && e.rotate) tenant.auth.consumeRefresh(req.previous!.token)
    const access = tenant.auth.issue(accessOptions)
    const refresh = refreshOptions ? tenant.auth.issueRefresh(refreshOptions) : undefined
    const body = e.respond(c, { access, refresh, req })
    return send(c, body, 200, e.headers)
  })
}

/** Seconds a token lives, from its record (0 for tokens that never expire). */
export const lifetimeOf = (r: TokenRecord) =>
  r.expiresAt === null ? 0 : Math.round((r.expiresAt - r.issuedAt) / 1000)
