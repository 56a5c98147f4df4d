import type { Hono } from 'hono'
import { z } from 'zod'
import type { SimContext, SimEnv } from './context.ts'
import { SimError } from './errors.ts'
import { parseControlBody } from './http.ts'
import {
  allowedRedirects,
  issueCode,
  type OAuthRegistry,
  type OAuthServerConfig,
} from './oauth-config.ts'
import { escapeHtml, page, selfCallbackOf, withParams } from './oauth-pages.ts'

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
    const entry = issueCode(tenant, config, client, redirectUri, input.scope)
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
