import type { Hono } from 'hono'
import type { TokenRecord } from './token-record.ts'
import { SimError } from './errors.ts'
import { readBody, send } from './http.ts'
import { requestHeader } from './request.ts'
import type { SimContext, SimEnv } from './context.ts'
import { authenticateClient, basicCredentials, establishGrant } from './token-grants.ts'
import { text, type GrantType, type TokenEndpoint, type TokenFailure } from './token-types.ts'

/*
 * The token endpoint the core serves for a vendor's declaration (`token-types.ts`): the body read
 * in one of its encodings, the client and the grant checked (`token-grants.ts`), tokens issued
 * through the tenant's token kit, the vendor's answer.
 */

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
 * Serve a token endpoint: read and check the body, authenticate the client, establish the grant
 * (`token-grants.ts`), then issue through the tenant's token kit and answer.
 * @example
 * registerTokenEndpoint(app, { path: '/oauth/token', encodings: ['json'], grants: ['password', 'refresh_token'], clientAuth: 'none', loginField: 'email', ... })
 */
export function registerTokenEndpoint<S, C extends Record<string, unknown>>(
  app: Hono<SimEnv<S, C>>,
  e: TokenEndpoint<S, C>,
) {
  const fail: TokenFailure =
    e.error ??
    ((status: number, code: string, description: string) => oauthError(status, code, description))

  app.post(e.path, async (c) => {
    const tenant = c.get('tenant')
    const fields = await requestFields(c, e, fail)
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
    const check = { c, e, fields, str, fail, grantStatus: e.invalidGrantStatus ?? 400 }
    const req = establishGrant(check, grant, authenticateClient(check))

    const accessOptions = e.access(c, req)
    const refreshOptions = e.refresh?.(c, req)
    if (grant === 'refresh_token' && e.rotate) tenant.auth.consumeRefresh(req.previous!.token)
    const access = tenant.auth.issue(accessOptions)
    const refresh = refreshOptions ? tenant.auth.issueRefresh(refreshOptions) : undefined
    const body = e.respond(c, { access, refresh, req })
    return send(c, body, 200, e.headers)
  })
}

/** The body's fields as a plain object, in one of the endpoint's encodings; the vendor's error when it is anything else. */
async function requestFields<S, C>(
  c: SimContext<S, C>,
  e: TokenEndpoint<S, C>,
  fail: TokenFailure,
): Promise<Record<string, unknown>> {
  const m = e.messages ?? {}
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
    throw fail(400, 'invalid_request', text(m.notObject, 'Send the token request as a JSON object'))
  const raw = read.value as Record<string, unknown>
  if (read.encoding === 'form')
    for (const [k, v] of Object.entries(raw))
      if (Array.isArray(v)) throw fail(400, 'invalid_request', `${k} was sent more than once`)
  return e.fields ? e.fields(raw, read.encoding, c) : raw
}

/** Seconds a token lives, from its record (0 for tokens that never expire). */
export const lifetimeOf = (r: TokenRecord) =>
  r.expiresAt === null ? 0 : Math.round((r.expiresAt - r.issuedAt) / 1000)
