import type { Hono } from 'hono'
import { z } from 'zod'
import { SimError } from './errors.ts'
import { parseControlBody, readBody } from './http.ts'
import { lifetimeOf, type TokenEndpoint } from './token-endpoint.ts'
import type { SimContext, SimEnv, Tenant } from './context.ts'

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

export function createOAuthRegistry(o: {
  clients: OAuthClient[]
  lifetimes: OAuthLifetimes
  autoApprove?: boolean
}): OAuthRegistry {
  return {
    clients: o.clients.map((c) => ({ ...c, redirectUris: [...c.redirectUris] })),
    lifetimes: { ...o.lifetimes },
    autoApprove: o.autoApprove ?? false,
  }
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
  /**
   * The simulator's own landing page (`<base>/_sandbox/oauth/callback`, at whatever address the
   * request came to) counts as a registered redirect URI of every client, and is the default of
   * `POST /_sandbox/oauth/authorize`: the browser flow works on any port or host the server uses.
   */
  selfCallback?: boolean
  /** Vendor wording of token-endpoint errors (defaults follow RFC 6749). */
  messages?: Partial<
    Record<'invalidClient' | 'invalidRefresh' | 'invalidCode' | 'redirectMismatch', string>
  >
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  )

const page = (title: string, body: string) =>
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;color:#222}
button{font:inherit;padding:.5rem 1.25rem;margin-right:.5rem;border-radius:.3rem;border:1px solid #888;cursor:pointer}
button[value=approve]{background:#c00;color:#fff;border-color:#c00}code{background:#f3f3f3;padding:0 .25rem}</style></head>
<body>${body}</body></html>`

/** The simulator's callback page at the address this request came to (the path before `marker` is the sim's base). */
export function selfCallbackOf(c: SimContext<any, any>, marker: string): string {
  const url = new URL(c.req.url)
  const at = url.pathname.indexOf(marker)
  return `${url.origin}${at === -1 ? '' : url.pathname.slice(0, at)}/_sandbox/oauth/callback`
}

/** Redirect URIs a client may use from this request: its registered ones, and the simulator's own page when enabled. */
const allowedRedirects = (
  c: SimContext<any, any>,
  config: OAuthServerConfig<any, any>,
  client: OAuthClient,
  marker: string,
) =>
  config.selfCallback ? [...client.redirectUris, selfCallbackOf(c, marker)] : client.redirectUris

/** Append query parameters to a redirect URI that may already carry some. */
function withParams(uri: string, params: Record<string, string | undefined>) {
  const url = new URL(uri)
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v)
  return url.toString()
}

type AuthorizeParams = {
  client_id?: string
  redirect_uri?: string
  response_type?: string
  state?: string
  scope?: string
}

/**
 * Register `authorize` (GET shows the consent page, POST takes the decision) on a
 * simulator app. The core does it for a vendor whose `auth.oauth` is set, and serves
 * `oauthTokenEndpoint(config)` beside it.
 */
export function registerOAuthRoutes<S, C extends Record<string, unknown>>(
  app: Hono<SimEnv<S, C>>,
  config: OAuthServerConfig<S, C>,
) {
  const clientOf = (c: SimContext<S, C>, clientId: string | undefined) => {
    if (!clientId) return undefined
    const env = config.environmentOf(c)
    return config
      .registry(c.get('tenant'))
      .clients.find((x) => x.clientId === clientId && x.environment === env)
  }

  /** Validate client and redirect; an HTML 400 page when either is wrong (never redirect to an unregistered URI). */
  const check = (
    c: SimContext<S, C>,
    p: AuthorizeParams,
  ): { client: OAuthClient; redirectUri: string } | Response => {
    const client = clientOf(c, p.client_id)
    if (!client)
      return c.html(
        page(
          '400 - Unknown or invalid client_id',
          `<h1>400 - Unknown or invalid client_id</h1><p>No ${escapeHtml(config.serviceName)} application has the client_id <code>${escapeHtml(p.client_id ?? '')}</code> in this environment.</p>`,
        ),
        400,
      )
    let redirectUri = p.redirect_uri
    const allowed = allowedRedirects(c, config, client, config.authorizePath)
    if (redirectUri === undefined && client.redirectUris.length === 1)
      redirectUri = client.redirectUris[0]!
    if (redirectUri === undefined || !allowed.includes(redirectUri)) {
      const registered =
        allowed.map((u) => `<li><code>${escapeHtml(u)}</code></li>`).join('') || '<li>(none)</li>'
      return c.html(
        page(
          '400 - Invalid redirect_uri',
          `<h1>400 - Invalid redirect_uri</h1><p>The redirect_uri <code>${escapeHtml(redirectUri ?? '(missing)')}</code> must match a registered callback URL exactly (including any trailing <code>/</code>). Registered for <b>${escapeHtml(client.name)}</b>:</p><ul>${registered}</ul>`,
        ),
        400,
      )
    }
    return { client, redirectUri }
  }

  const grantCode = (
    c: SimContext<S, C>,
    client: OAuthClient,
    redirectUri: string,
    p: AuthorizeParams,
  ) => {
    const tenant = c.get('tenant')
    const registry = config.registry(tenant)
    const entry = tenant.auth.issueCode({
      clientId: client.clientId,
      redirectUri,
      subject: config.user(tenant).subject,
      scopes: p.scope ? p.scope.split(/\s+/).filter(Boolean) : [],
      ttlSeconds: registry.lifetimes.codeSeconds,
    })
    return c.redirect(withParams(redirectUri, { code: entry.code, state: p.state }), 302)
  }

  const registryOf = (c: SimContext<S, C>) => config.registry(c.get('tenant'))

  app.get(config.authorizePath, (c) => {
    const p = c.req.query() as AuthorizeParams
    const checked = check(c, p)
    if (checked instanceof Response) return checked
    const { client, redirectUri } = checked
    if (p.response_type !== 'code')
      return c.redirect(
        withParams(redirectUri, {
          error: 'unsupported_response_type',
          error_description: 'response_type must be "code"',
          state: p.state,
        }),
        302,
      )
    const tenant = c.get('tenant')
    if (config.registry(tenant).autoApprove) return grantCode(c, client, redirectUri, p)
    const user = config.user(tenant)
    const hidden = (['client_id', 'redirect_uri', 'response_type', 'state', 'scope'] as const)
      .map((k) =>
        (k === 'redirect_uri' ? redirectUri : p[k]) !== undefined
          ? `<input type="hidden" name="${k}" value="${escapeHtml(k === 'redirect_uri' ? redirectUri : p[k]!)}">`
          : '',
      )
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
    if (p.decision !== 'approve')
      return c.redirect(
        withParams(redirectUri, {
          error: 'access_denied',
          error_description: 'The user denied the request',
          state: p.state,
        }),
        302,
      )
    return grantCode(c, client, redirectUri, p)
  })
}

/** The client id an authorize request names (query or form field): it finds the tenant before any token exists. */
export async function authorizeClientId(
  c: SimContext<any, any>,
  config: Pick<OAuthServerConfig<any, any>, 'authorizePath'>,
): Promise<string | undefined> {
  if (c.req.path !== config.authorizePath) return undefined
  if (c.req.method === 'GET') return c.req.query('client_id')
  if (c.req.method !== 'POST') return undefined
  const body = await readBody(c, { form: true }).catch(() => undefined)
  const id = body?.kind === 'form' ? (body.value as Record<string, unknown>).client_id : undefined
  return typeof id === 'string' ? id : undefined
}

/**
 * The authorization server's token endpoint as a core `TokenEndpoint`: form-encoded,
 * client authentication required, 2-legged client-credentials tokens, 3-legged tokens
 * from codes and rotating refresh tokens, all in the environment the request addresses.
 */
export function oauthTokenEndpoint<S, C>(config: OAuthServerConfig<S, C>): TokenEndpoint<S, C> {
  const length = config.tokenLength ?? 32
  const base = (c: SimContext<S, C>, clientId: string) => ({
    clientId,
    environment: config.environmentOf(c),
    format: { kind: 'opaque' as const, length },
  })
  const three = (
    c: SimContext<S, C>,
    clientId: string,
    subject: string,
    scopes: readonly string[],
  ) => {
    const user = config.user(c.get('tenant'))
    return {
      ...base(c, clientId),
      legs: 3 as const,
      subject,
      scopes,
      meta: user.subject === subject ? { ...user.meta } : {},
    }
  }
  return {
    path: config.tokenPath,
    encodings: ['form'],
    grants: config.grants,
    clientAuth: 'required',
    client: (c, id, secret) =>
      config
        .registry(c.get('tenant'))
        .clients.find(
          (x) =>
            x.clientId === id &&
            x.environment === config.environmentOf(c) &&
            x.clientSecret === secret,
        ),
    accepts: (c, record, client) =>
      record.clientId === client?.clientId && record.environment === config.environmentOf(c),
    access(c, req) {
      const { lifetimes } = config.registry(c.get('tenant'))
      if (req.grant === 'client_credentials')
        return {
          ...base(c, req.client!.clientId),
          legs: 2,
          ttlSeconds: lifetimes.clientCredentialsSeconds,
        }
      return {
        ...three(c, req.client!.clientId, req.subject ?? '', req.scopes),
        ttlSeconds: lifetimes.accessSeconds,
      }
    },
    refresh(c, req) {
      if (req.grant === 'client_credentials') return undefined
      return {
        ...three(c, req.client!.clientId, req.subject ?? '', req.scopes),
        ttlSeconds: config.registry(c.get('tenant')).lifetimes.refreshSeconds,
      }
    },
    rotate: true,
    respond: (_c, { access, refresh }) => ({
      access_token: access.token,
      ...(refresh ? { refresh_token: refresh.token } : {}),
      token_type: 'Bearer',
      expires_in: lifetimeOf(access),
      ...(refresh ? { refresh_token_expires_in: lifetimeOf(refresh) } : {}),
    }),
    headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
    messages: config.messages,
  }
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
export function registerOAuthSandbox<S, C extends Record<string, unknown>>(
  app: Hono<SimEnv<S, C>>,
  config: OAuthServerConfig<S, C>,
) {
  const view = (r: OAuthRegistry, c: SimContext<S, C>) => ({
    autoApprove: r.autoApprove,
    lifetimes: r.lifetimes,
    ...(config.selfCallback ? { selfCallback: selfCallbackOf(c, '/_sandbox/') } : {}),
    clients: r.clients.map((x) => ({
      clientId: x.clientId,
      name: x.name,
      environment: x.environment,
      redirectUris: x.redirectUris,
    })),
  })
  app.get('/_sandbox/oauth', (c) => c.json(view(config.registry(c.get('tenant')), c)))
  app.patch('/_sandbox/oauth', async (c) => {
    const input = await parseControlBody(
      c,
      z.strictObject({
        autoApprove: z.boolean().optional(),
        lifetimes: LifetimesPatch.optional(),
        redirectUris: z.record(z.string(), z.array(z.url()).max(10)).optional(),
      }),
    )
    const registry = config.registry(c.get('tenant'))
    for (const id of Object.keys(input.redirectUris ?? {})) {
      if (!registry.clients.some((x) => x.clientId === id))
        throw new SimError(404, 'not_found', `No client ${id} in this tenant`)
    }
    if (input.autoApprove !== undefined) registry.autoApprove = input.autoApprove
    Object.assign(
      registry.lifetimes,
      Object.fromEntries(Object.entries(input.lifetimes ?? {}).filter(([, v]) => v !== undefined)),
    )
    for (const [id, uris] of Object.entries(input.redirectUris ?? {}))
      registry.clients.find((x) => x.clientId === id)!.redirectUris = [...uris]
    return c.json(view(registry, c))
  })
  app.post('/_sandbox/oauth/authorize', async (c) => {
    const input = await parseControlBody(
      c,
      z.strictObject({
        client_id: z.string().optional(),
        redirect_uri: z.string().optional(),
        state: z.string().optional(),
        scope: z.string().optional(),
      }),
    )
    const tenant = c.get('tenant')
    const registry = config.registry(tenant)
    const env = config.environmentOf(c)
    const client = input.client_id
      ? registry.clients.find((x) => x.clientId === input.client_id && x.environment === env)
      : registry.clients.find((x) => x.environment === env)
    if (!client)
      throw new SimError(
        404,
        'not_found',
        input.client_id
          ? `No client ${input.client_id} in this tenant's ${env} environment`
          : `This tenant has no ${env} client`,
      )
    const allowed = allowedRedirects(c, config, client, '/_sandbox/')
    const redirectUri =
      input.redirect_uri ??
      (config.selfCallback ? allowed[allowed.length - 1] : client.redirectUris[0])
    if (!redirectUri || !allowed.includes(redirectUri))
      throw new SimError(
        400,
        'validation_error',
        `redirect_uri must be one of the registered ones: ${allowed.join(', ') || '(none)'}`,
      )
    const entry = tenant.auth.issueCode({
      clientId: client.clientId,
      redirectUri,
      subject: config.user(tenant).subject,
      scopes: input.scope ? input.scope.split(/\s+/).filter(Boolean) : [],
      ttlSeconds: registry.lifetimes.codeSeconds,
    })
    return c.json(
      {
        code: entry.code,
        state: input.state ?? null,
        client_id: client.clientId,
        redirect_uri: redirectUri,
        redirect: withParams(redirectUri, { code: entry.code, state: input.state }),
        expires_in: registry.lifetimes.codeSeconds,
      },
      201,
    )
  })
  app.get('/_sandbox/oauth/callback', (c) => {
    const { code, state, error, error_description: description } = c.req.query()
    if (error)
      return c.html(
        page(
          'Authorization refused',
          `<h1>Authorization refused</h1><p><code>${escapeHtml(error)}</code> ${escapeHtml(description ?? '')}</p>`,
        ),
      )
    if (!code)
      return c.html(
        page(
          'No code',
          '<h1>No authorization code</h1><p>This page is where the consent page sends your browser, with <code>?code=…</code>.</p>',
        ),
        400,
      )
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
    return c.html(
      page(
        'Authorization code',
        `<h1>Authorization code</h1><p><code>${escapeHtml(code)}</code>${state ? ` (state <code>${escapeHtml(state)}</code>)` : ''}</p><p>It is single-use and expires soon. Exchange it for tokens:</p><pre>${escapeHtml(curl)}</pre>`,
      ),
    )
  })
}
