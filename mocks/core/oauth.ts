import type { Hono } from 'hono'
import { z } from 'zod'
import type { TokenRecord } from './auth.ts'
import { SimError } from './errors.ts'
import { readBody } from './http.ts'
import { parseControlBody } from './sandbox.ts'
import type { SimContext, SimEnv, Tenant } from './vendor.ts'

/**
 * An OAuth 2.0 authorization server for vendors that use one (RFC 6749):
 * `GET|POST authorize` (a consent page with an Approve button, then a redirect
 * with `code` and `state`) and `POST token` (form-encoded `client_credentials`,
 * `authorization_code`, `refresh_token` with rotation). Tokens are opaque,
 * carry their legged-ness (2 = client only, 3 = on behalf of a user) and
 * expire on the tenant clock. Nothing here names a vendor: paths, lifetimes,
 * the consent page's wording and the error envelope come from the vendor.
 *
 * Errors are `SimError`s with `extra.oauth = true`; a vendor's `renderError`
 * answers them as `{ "error", "error_description" }` (see `oauthErrorBody`).
 * @see https://www.rfc-editor.org/rfc/rfc6749
 */
export interface OAuthClient {
  readonly clientId: string
  readonly clientSecret: string
  /** The environment (host family) the client was registered in. */
  readonly environment: string
  /** Registered redirect URIs; matched exactly, character for character. */
  redirectUris: string[]
  /** Application name shown on the consent page. */
  readonly name: string
}

export interface OAuthLifetimes {
  /** Authorization code lifetime (seconds). */
  codeSeconds: number
  /** Access tokens from `client_credentials` (2-legged). */
  clientCredentialsSeconds: number
  /** Access tokens from `authorization_code` / `refresh_token` (3-legged). */
  accessSeconds: number
  /** Refresh tokens (3-legged). */
  refreshSeconds: number
}

/** The user who approves on the consent page (the tenant's one simulated user). */
export interface OAuthUser {
  subject: string
  displayName: string
  meta?: Record<string, unknown>
}

/** A tenant's OAuth registry: its clients, lifetimes and the auto-approve switch. Mutable through `/_sandbox/oauth`. */
export interface OAuthRegistry {
  clients: OAuthClient[]
  lifetimes: OAuthLifetimes
  /** Skip the consent page: `authorize` redirects with a code at once (tests, CI). */
  autoApprove: boolean
}

export function createOAuthRegistry(o: { clients: OAuthClient[]; lifetimes: OAuthLifetimes; autoApprove?: boolean }): OAuthRegistry {
  return { clients: o.clients.map((c) => ({ ...c, redirectUris: [...c.redirectUris] })), lifetimes: { ...o.lifetimes }, autoApprove: o.autoApprove ?? false }
}

export interface OAuthServerConfig<S, C> {
  /** `/v1/oauth2/authorize`. */
  authorizePath: string
  /** `/v1/oauth2/token`. */
  tokenPath: string
  /** Name of the service on the consent page ("DigiKey"). */
  serviceName: string
  registry(tenant: Tenant<S, C>): OAuthRegistry
  /** Which environment a request addresses (from its host). */
  environmentOf(c: SimContext<S, C>): string
  user(tenant: Tenant<S, C>): OAuthUser
  /** Grants the token endpoint accepts. */
  grants: ReadonlyArray<'client_credentials' | 'authorization_code' | 'refresh_token'>
  /** Opaque token length (hex characters; default 32). */
  tokenLength?: number
  /** Vendor wording of token-endpoint errors (defaults follow RFC 6749). */
  messages?: Partial<Record<'invalidClient' | 'invalidRefresh' | 'invalidCode' | 'redirectMismatch', string>>
}

export const oauthError = (status: number, code: string, description: string, headers?: Record<string, string>) =>
  new SimError(status, code, description, { extra: { oauth: true }, headers })

/** The RFC 6749 error body of an OAuth `SimError`. */
export const oauthErrorBody = (err: SimError) => ({ error: err.code, error_description: err.message })

/** `Authorization: Basic base64(id:secret)` (RFC 6749 §2.3.1: both parts form-urlencoded). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '')
  if (!m) return undefined
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon <= 0) return undefined
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) }
  } catch {
    return undefined
  }
}

/**
 * The client id an authorize or token request names (query, form field or HTTP Basic), for a
 * vendor's `identify()`: it finds the tenant before any token exists.
 */
export async function oauthClientIdOf(c: SimContext<any, any>, config: Pick<OAuthServerConfig<any, any>, 'authorizePath' | 'tokenPath'>): Promise<string | undefined> {
  const path = c.req.path
  if (path === config.authorizePath && c.req.method === 'GET') return c.req.query('client_id')
  if ((path !== config.tokenPath && path !== config.authorizePath) || c.req.method !== 'POST') return undefined
  const body = await readBody(c, { form: true }).catch(() => undefined)
  const form = body?.kind === 'form' ? (body.value as Record<string, unknown>) : {}
  if (typeof form.client_id === 'string') return form.client_id
  return basicCredentials(c.req.header('authorization'))?.id
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)

const page = (title: string, body: string) =>
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;color:#222}
button{font:inherit;padding:.5rem 1.25rem;margin-right:.5rem;border-radius:.3rem;border:1px solid #888;cursor:pointer}
button[value=approve]{background:#c00;color:#fff;border-color:#c00}code{background:#f3f3f3;padding:0 .25rem}</style></head>
<body>${body}</body></html>`

/** Append query parameters to a redirect URI that may already carry some. */
function withParams(uri: string, params: Record<string, string | undefined>) {
  const url = new URL(uri)
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v)
  return url.toString()
}

type AuthorizeParams = { client_id?: string; redirect_uri?: string; response_type?: string; state?: string; scope?: string }

/**
 * Register `authorize` (GET shows the consent page, POST takes the decision) and
 * `token` on a simulator app.
 * @example
 * registerOAuthRoutes(app, { authorizePath: '/v1/oauth2/authorize', tokenPath: '/v1/oauth2/token', ... })
 */
export function registerOAuthRoutes<S, C extends Record<string, unknown>>(app: Hono<SimEnv<S, C>>, config: OAuthServerConfig<S, C>) {
  const messages = {
    invalidClient: 'Client authentication failed',
    invalidRefresh: 'unknown, invalid, or expired refresh token',
    invalidCode: 'unknown, invalid, or expired authorization code',
    redirectMismatch: 'redirect_uri does not match the one the authorization code was issued for',
    ...config.messages,
  }
  const clientOf = (c: SimContext<S, C>, clientId: string | undefined) => {
    if (!clientId) return undefined
    const env = config.environmentOf(c)
    return config.registry(c.get('tenant')).clients.find((x) => x.clientId === clientId && x.environment === env)
  }

  /** Validate client and redirect; an HTML 400 page when either is wrong (never redirect to an unregistered URI). */
  const check = (c: SimContext<S, C>, p: AuthorizeParams): { client: OAuthClient; redirectUri: string } | Response => {
    const client = clientOf(c, p.client_id)
    if (!client) return c.html(page('400 - Unknown or invalid client_id', `<h1>400 - Unknown or invalid client_id</h1><p>No ${escapeHtml(config.serviceName)} application has the client_id <code>${escapeHtml(p.client_id ?? '')}</code> in this environment.</p>`), 400)
    let redirectUri = p.redirect_uri
    if (redirectUri === undefined && client.redirectUris.length === 1) redirectUri = client.redirectUris[0]!
    if (redirectUri === undefined || !client.redirectUris.includes(redirectUri)) {
      const registered = client.redirectUris.map((u) => `<li><code>${escapeHtml(u)}</code></li>`).join('') || '<li>(none)</li>'
      return c.html(page('400 - Invalid redirect_uri', `<h1>400 - Invalid redirect_uri</h1><p>The redirect_uri <code>${escapeHtml(redirectUri ?? '(missing)')}</code> must match a registered callback URL exactly (including any trailing <code>/</code>). Registered for <b>${escapeHtml(client.name)}</b>:</p><ul>${registered}</ul>`), 400)
    }
    return { client, redirectUri }
  }

  const grantCode = (c: SimContext<S, C>, client: OAuthClient, redirectUri: string, p: AuthorizeParams) => {
    const tenant = c.get('tenant')
    const registry = config.registry(tenant)
    const entry = tenant.auth.issueCode({ clientId: client.clientId, redirectUri, subject: config.user(tenant).subject, scopes: p.scope ? p.scope.split(/\s+/).filter(Boolean) : [], ttlSeconds: registry.lifetimes.codeSeconds })
    return c.redirect(withParams(redirectUri, { code: entry.code, state: p.state }), 302)
  }

  const registryOf = (c: SimContext<S, C>) => config.registry(c.get('tenant'))

  app.get(config.authorizePath, (c) => {
    const p = c.req.query() as AuthorizeParams
    const checked = check(c, p)
    if (checked instanceof Response) return checked
    const { client, redirectUri } = checked
    if (p.response_type !== 'code') return c.redirect(withParams(redirectUri, { error: 'unsupported_response_type', error_description: 'response_type must be "code"', state: p.state }), 302)
    const tenant = c.get('tenant')
    if (config.registry(tenant).autoApprove) return grantCode(c, client, redirectUri, p)
    const user = config.user(tenant)
    const hidden = (['client_id', 'redirect_uri', 'response_type', 'state', 'scope'] as const)
      .map((k) => (k === 'redirect_uri' ? redirectUri : p[k]) !== undefined ? `<input type="hidden" name="${k}" value="${escapeHtml(k === 'redirect_uri' ? redirectUri : p[k]!)}">` : '')
      .join('')
    const action = config.authorizePath.slice(config.authorizePath.lastIndexOf('/') + 1)
    return c.html(
      page(
        `Authorize ${client.name}`,
        `<h1>Authorize ${escapeHtml(client.name)}</h1>
<p><b>${escapeHtml(client.name)}</b> wants to use the ${escapeHtml(config.serviceName)} APIs on behalf of <b>${escapeHtml(user.displayName)}</b>.</p>
<p>After you approve, your browser goes to <code>${escapeHtml(redirectUri)}</code> with an authorization code, valid ${registryOf(c).lifetimes.codeSeconds} seconds.</p>
<form method="post" action="${escapeHtml(action)}">${hidden}
<button type="submit" name="decision" value="approve">Approve</button><button type="submit" name="decision" value="deny">Deny</button></form>
<p><small>vendorsim simulator of ${escapeHtml(config.serviceName)} — no real account is involved.</small></p>`,
      ),
    )
  })
  app.post(config.authorizePath, async (c) => {
    const body = await readBody(c, { form: true })
    const p = (body.kind === 'form' ? body.value : {}) as AuthorizeParams & { decision?: string }
    const checked = check(c, p)
    if (checked instanceof Response) return checked
    const { client, redirectUri } = checked
    if (p.decision !== 'approve') return c.redirect(withParams(redirectUri, { error: 'access_denied', error_description: 'The user denied the request', state: p.state }), 302)
    return grantCode(c, client, redirectUri, p)
  })

  app.post(config.tokenPath, async (c) => {
    const tenant = c.get('tenant')
    const type = c.req.header('content-type') ?? ''
    if (!type.includes('application/x-www-form-urlencoded')) throw oauthError(400, 'invalid_request', 'The token request must be application/x-www-form-urlencoded')
    const form = (await readBody(c, { form: true })).value as Record<string, string | string[] | undefined>
    const field = (name: string) => {
      const v = form[name]
      if (Array.isArray(v)) throw oauthError(400, 'invalid_request', `${name} was sent more than once`)
      return v === undefined || v === '' ? undefined : v
    }
    // Client authentication: form fields (what the vendor documents) or HTTP Basic (RFC 6749 §2.3.1).
    let clientId = field('client_id')
    let clientSecret = field('client_secret')
    const basic = basicCredentials(c.req.header('authorization'))
    if (basic && !clientSecret) {
      clientId ??= basic.id
      clientSecret = basic.secret
    }
    const grant = field('grant_type')
    if (!grant) throw oauthError(400, 'invalid_request', 'grant_type is required')
    if (!(config.grants as readonly string[]).includes(grant)) throw oauthError(400, 'unsupported_grant_type', `grant_type "${grant}" is not supported; use ${config.grants.map((g) => `"${g}"`).join(', ')}`)
    if (!clientId || !clientSecret) throw oauthError(400, 'invalid_request', 'client_id and client_secret are required')
    const client = clientOf(c, clientId)
    if (!client || client.clientSecret !== clientSecret) throw oauthError(401, 'invalid_client', messages.invalidClient)

    const { lifetimes } = config.registry(tenant)
    const env = config.environmentOf(c)
    const length = config.tokenLength ?? 32
    const base = { clientId: client.clientId, environment: env, format: { kind: 'opaque' as const, length } }

    if (grant === 'client_credentials') {
      const access = tenant.auth.issue({ ...base, legs: 2, ttlSeconds: lifetimes.clientCredentialsSeconds })
      return tokenResponse(c, access)
    }

    let subject: string
    let scopes: readonly string[]
    if (grant === 'authorization_code') {
      const code = field('code')
      if (!code) throw oauthError(400, 'invalid_request', 'code is required')
      const redirectUri = field('redirect_uri')
      if (!redirectUri) throw oauthError(400, 'invalid_request', 'redirect_uri is required and must equal the one used to authorize')
      const entry = tenant.auth.redeemCode(code, client.clientId, undefined)
      if (!entry) throw oauthError(400, 'invalid_grant', messages.invalidCode)
      if (entry.redirectUri !== redirectUri) throw oauthError(400, 'invalid_grant', messages.redirectMismatch)
      subject = entry.subject
      scopes = entry.scopes
    } else {
      const token = field('refresh_token')
      if (!token) throw oauthError(400, 'invalid_request', 'refresh_token is required')
      const known = tenant.auth.verify(token, 'refresh')
      if (!known.ok || known.record.clientId !== client.clientId || known.record.environment !== env) throw oauthError(400, 'invalid_grant', messages.invalidRefresh)
      tenant.auth.consumeRefresh(token)
      subject = known.record.subject ?? ''
      scopes = known.record.scopes
    }
    const user = config.user(tenant)
    const three = { ...base, legs: 3 as const, subject, scopes, meta: user.subject === subject ? { ...user.meta } : {} }
    const access = tenant.auth.issue({ ...three, ttlSeconds: lifetimes.accessSeconds })
    const refresh = tenant.auth.issueRefresh({ ...three, ttlSeconds: lifetimes.refreshSeconds })
    return tokenResponse(c, access, refresh)
  })
}

function tokenResponse(c: SimContext<any, any>, access: TokenRecord, refresh?: TokenRecord): Response {
  const seconds = (r: TokenRecord) => (r.expiresAt === null ? 0 : Math.round((r.expiresAt - r.issuedAt) / 1000))
  const body = {
    access_token: access.token,
    ...(refresh ? { refresh_token: refresh.token } : {}),
    token_type: 'Bearer',
    expires_in: seconds(access),
    ...(refresh ? { refresh_token_expires_in: seconds(refresh) } : {}),
  }
  c.set('responseBody', body)
  return c.json(body, 200, { 'Cache-Control': 'no-store', Pragma: 'no-cache' })
}

const LifetimesPatch = z.strictObject({
  codeSeconds: z.number().int().min(1).max(86_400).optional(),
  clientCredentialsSeconds: z.number().int().min(1).max(31_536_000).optional(),
  accessSeconds: z.number().int().min(1).max(31_536_000).optional(),
  refreshSeconds: z.number().int().min(1).max(315_360_000).optional(),
})

/**
 * Control routes for the authorization server:
 * - `GET /_sandbox/oauth` — clients (no secrets), redirect URIs, lifetimes, auto-approve;
 * - `PATCH /_sandbox/oauth` `{ autoApprove?, lifetimes?, redirectUris?: { <clientId>: [uri, ...] } }`;
 * - `POST /_sandbox/oauth/authorize` `{ client_id?, redirect_uri?, state? }` — approve without a browser:
 *   201 `{ code, state, redirect, expires_in }` (the client defaults to this environment's);
 * - `GET /_sandbox/oauth/callback` — a landing page for redirect URIs that point at the simulator:
 *   shows the code and the token request to make with it.
 */
export function registerOAuthSandbox<S, C extends Record<string, unknown>>(app: Hono<SimEnv<S, C>>, config: OAuthServerConfig<S, C>) {
  const view = (r: OAuthRegistry) => ({
    autoApprove: r.autoApprove,
    lifetimes: r.lifetimes,
    clients: r.clients.map((x) => ({ clientId: x.clientId, name: x.name, environment: x.environment, redirectUris: x.redirectUris })),
  })
  app.get('/_sandbox/oauth', (c) => c.json(view(config.registry(c.get('tenant')))))
  app.patch('/_sandbox/oauth', async (c) => {
    const input = await parseControlBody(c, z.strictObject({ autoApprove: z.boolean().optional(), lifetimes: LifetimesPatch.optional(), redirectUris: z.record(z.string(), z.array(z.url()).max(10)).optional() }))
    const registry = config.registry(c.get('tenant'))
    for (const id of Object.keys(input.redirectUris ?? {})) {
      if (!registry.clients.some((x) => x.clientId === id)) throw new SimError(404, 'not_found', `No client ${id} in this tenant`)
    }
    if (input.autoApprove !== undefined) registry.autoApprove = input.autoApprove
    Object.assign(registry.lifetimes, Object.fromEntries(Object.entries(input.lifetimes ?? {}).filter(([, v]) => v !== undefined)))
    for (const [id, uris] of Object.entries(input.redirectUris ?? {})) registry.clients.find((x) => x.clientId === id)!.redirectUris = [...uris]
    return c.json(view(registry))
  })
  app.post('/_sandbox/oauth/authorize', async (c) => {
    const input = await parseControlBody(c, z.strictObject({ client_id: z.string().optional(), redirect_uri: z.string().optional(), state: z.string().optional(), scope: z.string().optional() }))
    const tenant = c.get('tenant')
    const registry = config.registry(tenant)
    const env = config.environmentOf(c)
    const client = input.client_id ? registry.clients.find((x) => x.clientId === input.client_id && x.environment === env) : registry.clients.find((x) => x.environment === env)
    if (!client) throw new SimError(404, 'not_found', input.client_id ? `No client ${input.client_id} in this tenant's ${env} environment` : `This tenant has no ${env} client`)
    const redirectUri = input.redirect_uri ?? client.redirectUris[0]
    if (!redirectUri || !client.redirectUris.includes(redirectUri)) throw new SimError(400, 'validation_error', `redirect_uri must be one of the registered ones: ${client.redirectUris.join(', ') || '(none)'}`)
    const entry = tenant.auth.issueCode({ clientId: client.clientId, redirectUri, subject: config.user(tenant).subject, scopes: input.scope ? input.scope.split(/\s+/).filter(Boolean) : [], ttlSeconds: registry.lifetimes.codeSeconds })
    return c.json({ code: entry.code, state: input.state ?? null, client_id: client.clientId, redirect_uri: redirectUri, redirect: withParams(redirectUri, { code: entry.code, state: input.state }), expires_in: registry.lifetimes.codeSeconds }, 201)
  })
  app.get('/_sandbox/oauth/callback', (c) => {
    const { code, state, error, error_description: description } = c.req.query()
    if (error) return c.html(page('Authorization refused', `<h1>Authorization refused</h1><p><code>${escapeHtml(error)}</code> ${escapeHtml(description ?? '')}</p>`))
    if (!code) return c.html(page('No code', '<h1>No authorization code</h1><p>This page is where the consent page sends your browser, with <code>?code=…</code>.</p>'), 400)
    const tokenUrl = new URL(c.req.url)
    const prefix = tokenUrl.pathname.slice(0, tokenUrl.pathname.indexOf('/_sandbox/'))
    const callback = `${tokenUrl.origin}${tokenUrl.pathname}`
    const curl = [
      `curl -s -X POST ${tokenUrl.origin}${prefix}${config.tokenPath} \\`,
      '  -d grant_type=authorization_code \\',
      `  -d code=${code} \\`,
      '  -d client_id=<your client id> -d client_secret=<your client secret> \\',
      `  --data-urlencode redirect_uri=${callback}`,
    ].join('\n')
    return c.html(page('Authorization code', `<h1>Authorization code</h1><p><code>${escapeHtml(code)}</code>${state ? ` (state <code>${escapeHtml(state)}</code>)` : ''}</p><p>It is single-use and expires soon. Exchange it for tokens:</p><pre>${escapeHtml(curl)}</pre>`))
  })
}
