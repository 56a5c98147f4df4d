import { timingSafeEqual } from 'node:crypto'
import { Hono } from 'hono'
import { getPath } from 'hono/utils/url'
import { bearerToken, tokenFromHeader } from './auth-header.ts'
import { createEnvelope, envelopedRouter } from './envelope.ts'
import { SimError } from './errors.ts'
import { DEFAULT_MAX_BODY_BYTES, hasRequestBody, requestHeader } from './request.ts'
import { authorizeClientId, registerOAuthRoutes } from './oauth.ts'
import { oauthTokenEndpoint } from './oauth-token.ts'
import { registerTokenEndpoint, tokenRequestKeys } from './token-endpoint.ts'
import { registerSandboxRoutes, renderControlError } from './sandbox.ts'
import type { SimOptions } from './sim-options.ts'
import { createTenants, DEFAULT_TENANT, TENANT_HEADER } from './tenants.ts'

export type { SimOptions } from './sim-options.ts'
export { DEFAULT_TENANT, TENANT_HEADER } from './tenants.ts'
import type { SimContext, SimControl, SimEnv, Tenant, VendorDefinition } from './vendor.ts'

export type { SimControl } from './vendor.ts'

/** The header that carries the admin token on control routes (beside `Authorization: Bearer`). */
export const ADMIN_HEADER = 'x-vendorsim-admin'

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export interface Sim<S = unknown, C extends Record<string, unknown> = Record<string, unknown>> {
  readonly vendor: VendorDefinition<S, C>
  /** The Hono app: routes of the vendor plus `/_sandbox/*`. */
  readonly app: Hono<SimEnv<S, C>>
  /** A `fetch` bound to the simulator; any host works, only the path and the host's environment matter. */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>
  readonly control: SimControl<S, C>
}

/**
 * Build a simulator from a vendor definition.
 * @example
 * const sim = createSim(digipix, { seed: 42 })
 * const res = await sim.fetch('https://api.digipix.dev/v1/oauth/token', { method: 'POST', ... })
 * await sim.control.advance(3600)
 */
export function createSim<S, C extends Record<string, unknown>>(
  vendor: VendorDefinition<S, C>,
  options: SimOptions = {},
): Sim<S, C> {
  if (!vendor || typeof vendor !== 'object' || typeof vendor.credentialKeys !== 'function')
    throw new TypeError(
      `createSim needs a vendor definition, not ${JSON.stringify(vendor)}: import { ${typeof vendor === 'string' ? vendor : 'digipix'} } from 'vendorsim/vendors/${typeof vendor === 'string' ? vendor : 'digipix'}'`,
    )
  const { tenant, ready, control: simControl, exists } = createTenants(vendor, options)
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))

  const prefix = options.basePath?.replace(/\/+$/, '') ?? ''
  const loose = vendor.trailingSlash === 'optional'
  const isControl = (path: string) => path === '/_sandbox' || path.startsWith('/_sandbox/')

  const endpoints = [
    ...(vendor.auth.tokenEndpoints ?? []),
    ...(vendor.auth.oauth ? [oauthTokenEndpoint(vendor.auth.oauth)] : []),
  ]
  const tokenForms = vendor.auth.header ?? ['bearer']
  const keyHeaders = vendor.auth.keyHeaders ?? []
  const lookup = (key: string | undefined) => (key ? simControl.tenantOf(key) : undefined)

  /** The credential keys a request carries besides its token: token-request fields, OAuth client ids, key headers. */
  const requestKeys = async (c: SimContext<S, C>): Promise<string[]> => {
    const keys: string[] = []
    const path = c.req.path
    if (c.req.method === 'POST')
      for (const e of endpoints) if (e.path === path) keys.push(...(await tokenRequestKeys(c, e)))
    if (vendor.auth.oauth) {
      const id = await authorizeClientId(c, vendor.auth.oauth)
      if (id) keys.push(id)
    }
    for (const h of keyHeaders) {
      const v = requestHeader(c, h.toLowerCase())
      if (v) keys.push(v)
    }
    return keys
  }

  // The token of the last `Authorization` header, kept as one string object: clients send the same
  // header request after request, and a string already used as a key keeps its hash, so a JWT of
  // ~300 characters is neither parsed nor hashed again on every request.
  let lastHeader: string | undefined
  let lastToken: string | undefined
  const tokenOf = (header: string | undefined) => {
    if (header !== lastHeader) {
      lastHeader = header
      lastToken = tokenFromHeader(header, tokenForms)
    }
    return lastToken
  }

  /** A built tenant at once (the common case), else the promise of building it. */
  const tenantNow = (id: string) => ready(id) ?? tenant(id)

  /**
   * The tenant of a vendor request: the one that issued its token, else the one its other
   * credentials name, else the `x-vendorsim-tenant` header's, else the default tenant. A token
   * or tenant header nobody issued is the vendor's 401, never the default tenant.
   * Synchronous when the token names a built tenant: most requests take no extra turn.
   */
  const resolveTenant = (
    c: SimContext<S, C>,
    control: boolean,
  ): Tenant<S, C> | Promise<Tenant<S, C>> => {
    const header = requestHeader(c, TENANT_HEADER)
    if (control) return tenantNow(header ?? DEFAULT_TENANT)
    const token = tokenOf(requestHeader(c, 'authorization'))
    if (token !== undefined) c.set('credential', token)
    const byToken = token ? simControl.tenantOf(token) : undefined
    if (byToken) return tenantNow(byToken)
    return tenantByKeys(c, token, header)
  }
  const tenantByKeys = async (
    c: SimContext<S, C>,
    token: string | undefined,
    header: string | undefined,
  ): Promise<Tenant<S, C>> => {
    for (const key of await requestKeys(c)) {
      const id = lookup(key)
      if (id) return tenant(id)
    }
    if (token !== undefined || (header !== undefined && !exists(header)))
      throw vendor.auth.unknownCredential(c)
    return tenant(header ?? DEFAULT_TENANT)
  }

  const render = (err: unknown, c: SimContext<S, C>): Response => {
    const control = isControl(c.req.path)
    if (err instanceof SimError)
      return control ? renderControlError(err, c) : vendor.renderError(err, c)
    options.onUnexpectedError?.(err)
    const wrapped = new SimError(
      500,
      'internal_error',
      'The simulator failed to handle this request; this is a vendorsim bug, please report it',
    )
    return control ? renderControlError(wrapped, c) : vendor.renderError(wrapped, c)
  }

  /**
   * The control plane: the admin token when one is set, and JSON bodies only (a web page can
   * POST `text/plain` or a form cross-site without a preflight; it cannot send `application/json`).
   */
  const guardControl = (c: SimContext<S, C>): SimError | undefined => {
    if (options.adminToken) {
      const given = requestHeader(c, ADMIN_HEADER) ?? bearerToken(requestHeader(c, 'authorization'))
      if (!given || !safeEqual(given, options.adminToken))
        return new SimError(
          401,
          'admin_token_required',
          `This server requires its admin token on /_sandbox routes: send "Authorization: Bearer <token>" or "${ADMIN_HEADER}: <token>"`,
        )
    }
    const method = c.req.method
    if (
      hasRequestBody(c) &&
      method !== 'GET' &&
      method !== 'HEAD' &&
      !/^application\/json\b/i.test(requestHeader(c, 'content-type') ?? '')
    ) {
      return new SimError(
        415,
        'unsupported_media_type',
        'Control routes take JSON bodies only: send "content-type: application/json"',
      )
    }
    return undefined
  }

  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  /** Paths whose bodies carry secrets: the journal keeps them only redacted. */
  const credentialPaths = new Set([
    ...endpoints.map((e) => e.path),
    ...(vendor.auth.oauth ? [vendor.auth.oauth.authorizePath] : []),
  ])
  const envelope = createEnvelope({
    vendor,
    maxBodyBytes,
    credentialPaths,
    isControl,
    guardControl,
    resolveTenant,
    render,
    sleep,
  })
  const app = new Hono<SimEnv<S, C>>({
    router: envelopedRouter(envelope),
    ...(prefix || loose
      ? {
          getPath: (request: Request) => {
            let path = getPath(request)
            if (prefix && path.startsWith(prefix)) path = path.slice(prefix.length) || '/'
            return loose && path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path
          },
        }
      : {}),
  })

  registerSandboxRoutes(app, simControl, vendor)
  vendor.sandbox?.(app)
  for (const e of endpoints) registerTokenEndpoint(app, e)
  if (vendor.auth.oauth) registerOAuthRoutes(app, vendor.auth.oauth)
  vendor.routes(app)

  // A path no route matches still goes through the envelope (its tenant, faults, the journal).
  const notFound = (c: SimContext<S, C>) =>
    render(new SimError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}`), c)
  app.notFound(envelope((c) => notFound(c)) as (c: SimContext<S, C>) => Response)
  app.onError((err, c) => render(err, c))

  const simFetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request =
      input instanceof Request && !init
        ? input
        : new Request(
            input instanceof URL ? input : typeof input === 'string' ? absolute(input) : input,
            init,
          )
    return Promise.resolve(app.fetch(request))
  }

  return { vendor, app, fetch: simFetch, control: simControl }
}

/** Relative URLs given to the in-process fetch resolve against a loopback origin. */
function absolute(url: string) {
  return /^[a-z][a-z0-9+.-]*:/i.test(url)
    ? url
    : `http://127.0.0.1${url.startsWith('/') ? '' : '/'}${url}`
}
