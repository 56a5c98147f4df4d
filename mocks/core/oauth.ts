/**
 * An OAuth 2.0 authorization server for vendors that use one (RFC 6749):
 * `GET|POST authorize` (a consent page with an Approve button, then a redirect
 * with `code` and `state`) and `POST token` (form-encoded `client_credentials`,
 * `authorization_code`, `refresh_token` with rotation). Tokens are opaque,
 * carry their legged-ness (2 = client only, 3 = on behalf of a user) and
 * expire on the tenant clock. Nothing here names a vendor: paths, lifetimes,
 * the consent page's wording and the error envelope come from the vendor.
 *
 * Here: the authorize routes. The registry and the configuration are in `oauth-config.ts`, the
 * token endpoint in `oauth-token.ts`, the control routes in `oauth-sandbox.ts`.
 *
 * Errors are `SimError`s with `extra.oauth = true`; a vendor's `renderError`
 * answers them as `{ "error", "error_description" }` (see `oauthErrorBody`).
 * @see https://www.rfc-editor.org/rfc/rfc6749
 */
import type { Hono } from 'hono'
import type { SimContext, SimEnv } from './context.ts'
import { readBody } from './http.ts'
import {
  allowedRedirects,
  issueCode,
  type OAuthClient,
  type OAuthServerConfig,
} from './oauth-config.ts'
import { escapeHtml, page, withParams } from './oauth-pages.ts'

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
    const entry = issueCode(c.get('tenant'), config, client, redirectUri, p.scope)
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
