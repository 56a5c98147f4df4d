import { timingSafeEqual } from 'node:crypto'
import { Hono } from 'hono'
import { getPath } from 'hono/utils/url'
import { bearerToken, createTokenKit, tokenFromHeader, type TokenIndex } from './auth.ts'
import { createClock, type ClockOptions } from './clock.ts'
import { SimError } from './errors.ts'
import { createFaults } from './faults.ts'
import { createIdempotencyStore } from './idempotency.ts'
import { BASE62, createIdFactory, createRng, type Rng } from './ids.ts'
import { DEFAULT_MAX_BODY_BYTES } from './http.ts'
import { createJournal } from './journal.ts'
import { authorizeClientId, oauthTokenEndpoint, registerOAuthRoutes } from './oauth.ts'
import { createSubscriptions } from './subscriptions.ts'
import { createTimers } from './timers.ts'
import { registerTokenEndpoint, tokenRequestKeys } from './token-endpoint.ts'
import { registerSandboxRoutes, renderControlError } from './sandbox.ts'
import type {
  SimContext,
  SimControl,
  SimEnv,
  Tenant,
  TenantBase,
  VendorDefinition,
} from './vendor.ts'

export type { SimControl } from './vendor.ts'
import { createOutbox } from './webhooks.ts'

export const TENANT_HEADER = 'x-vendorsim-tenant'
/** The header that carries the admin token on control routes (beside `Authorization: Bearer`). */
export const ADMIN_HEADER = 'x-vendorsim-admin'

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
export const DEFAULT_TENANT = 'default'

export interface SimOptions {
  /** Seed for every id and every generated value. Default `vendorsim`. */
  seed?: string | number
  /** Clock mode and start for every tenant. Default frozen at 2026-01-05T09:00:00Z. */
  clock?: ClockOptions
  webhooks?: {
    /** `deliver` POSTs over HTTP (default); `record` only records. */
    mode?: 'deliver' | 'record'
    fetch?: typeof fetch
    timeoutMs?: number
  }
  /** Real-time sleep used by latency faults. */
  sleep?: (ms: number) => Promise<void>
  /**
   * A path prefix the simulator is mounted under (`/digipix` on the server): stripped
   * before routing, without rebuilding the request.
   */
  basePath?: string
  /**
   * When set, every `/_sandbox` route requires it (`Authorization: Bearer <token>` or
   * `x-vendorsim-admin: <token>`). Unset, the control plane is open (fine on loopback for one developer).
   */
  adminToken?: string
  /** Minted tenants kept at most (default 1,000); past it the least recently used is evicted. The default tenant is never evicted. */
  maxTenants?: number
  /** Largest request body accepted, in bytes (default 1 MiB); larger ones answer 413 in the vendor's envelope. */
  maxBodyBytes?: number
  /** Where unexpected errors are reported (they are also answered as the vendor's 500). */
  onUnexpectedError?: (err: unknown) => void
}

export interface Sim<S = unknown, C extends Record<string, unknown> = Record<string, unknown>> {
  readonly vendor: VendorDefinition<S, C>
  /** The Hono app: routes of the vendor plus `/_sandbox/*`. */
  readonly app: Hono<SimEnv<S, C>>
  /** A `fetch` bound to the simulator; any host works, only the path and the host's environment matter. */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>
  readonly control: SimControl<S, C>
}

const TENANT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

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
  const seed = String(options.seed ?? 'vendorsim')
  const simRng = createRng(`${seed}:${vendor.id}`)
  const tokenIndex: TokenIndex = new Map()
  const credentialIndex = new Map<string, string>()
  const credentialsOf = new Map<string, C>()
  const built = new Map<string, Tenant<S, C>>()
  const sharedData = new Map<string, unknown>()
  const shared = <T>(key: string, make: (rng: Rng) => T): T => {
    if (!sharedData.has(key))
      sharedData.set(key, deepFreeze(make(createRng(`${seed}:${vendor.id}:shared:${key}`))))
    return sharedData.get(key) as T
  }
  const building = new Map<string, Promise<Tenant<S, C>>>()
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const webhookFetch =
    options.webhooks?.fetch ??
    ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))

  const register = (id: string, credentials: C) => {
    credentialsOf.set(id, credentials)
    for (const key of vendor.credentialKeys(credentials)) credentialIndex.set(key, id)
  }
  register(DEFAULT_TENANT, vendor.defaultCredentials)

  const build = async (id: string): Promise<Tenant<S, C>> => {
    const credentials = credentialsOf.get(id)!
    const rng = createRng(`${seed}:${vendor.id}:${id}`)
    const clock = createClock(options.clock)
    const ids = createIdFactory(rng.fork('ids'))
    const faults = createFaults(rng.fork('faults'))
    const outbox = createOutbox({
      clock,
      ids: createIdFactory(rng.fork('webhooks')),
      retrySchedule: vendor.webhooks.retrySchedule,
      sign: vendor.webhooks.sign ? (body, d) => vendor.webhooks.sign!(body, d, base) : undefined,
      fetch: webhookFetch,
      mode: options.webhooks?.mode ?? 'deliver',
      timeoutMs: options.webhooks?.timeoutMs,
    })
    const base: TenantBase<C> = {
      id,
      credentials,
      clock,
      rng: rng.fork('data'),
      ids,
      auth: createTokenKit({
        clock,
        ids: createIdFactory(rng.fork('tokens')),
        index: tokenIndex,
        tenantId: id,
      }),
      outbox,
      subscriptions: createSubscriptions({
        ids: createIdFactory(rng.fork('subscriptions')),
        outbox,
        faults,
        now: clock.now,
      }),
      timers: createTimers(clock),
      idempotency: createIdempotencyStore(),
      journal: createJournal(),
      faults,
      createdAt: clock.now(),
      shared,
    }
    const state = await vendor.createState(base)
    return { ...base, state }
  }

  // Minted tenants, least recently used first: past `maxTenants` the oldest is evicted (never the default one).
  const maxTenants = options.maxTenants ?? 1000
  const recent = new Set<string>()
  const evicted = new Set<string>()
  const touch = (id: string) => {
    if (id === DEFAULT_TENANT) return
    recent.delete(id)
    recent.add(id)
  }
  const evict = (id: string) => {
    const t = built.get(id)
    t?.auth.dropAll()
    t?.clock.reset()
    built.delete(id)
    building.delete(id)
    const creds = credentialsOf.get(id)
    if (creds)
      for (const key of vendor.credentialKeys(creds))
        if (credentialIndex.get(key) === id) credentialIndex.delete(key)
    credentialsOf.delete(id)
    recent.delete(id)
    evicted.add(id)
    if (evicted.size > 10_000) evicted.delete(evicted.values().next().value!)
  }

  const tenant = async (id: string = DEFAULT_TENANT): Promise<Tenant<S, C>> => {
    touch(id)
    const ready = built.get(id)
    if (ready) return ready
    if (!credentialsOf.has(id)) {
      if (evicted.has(id))
        throw new SimError(
          404,
          'tenant_evicted',
          `Tenant "${id}" was evicted: more than ${maxTenants} tenants were minted and it was the least recently used (raise --max-tenants, or mint a new one with POST /_sandbox/tenants).`,
        )
      throw new SimError(
        404,
        'unknown_tenant',
        `No tenant "${id}". Mint one with POST /_sandbox/tenants.`,
      )
    }
    let pending = building.get(id)
    if (!pending) {
      pending = build(id).then((t) => {
        built.set(id, t)
        building.delete(id)
        return t
      })
      building.set(id, pending)
    }
    return pending
  }

  const control: SimControl<S, C> = {
    tenant,
    async mintTenant(name) {
      let id = name
      if (id !== undefined) {
        if (!TENANT_NAME.test(id))
          throw new SimError(
            400,
            'validation_error',
            'tenant must be 1-64 letters, digits, "_" or "-", starting with a letter or digit',
          )
        if (credentialsOf.has(id))
          throw new SimError(409, 'tenant_exists', `Tenant "${id}" already exists`)
      } else {
        do id = `t_${simRng.string(12, BASE62)}`
        while (credentialsOf.has(id))
      }
      const credentials = vendor.mintCredentials(
        id,
        createRng(`${seed}:${vendor.id}:${id}:credentials`),
      )
      register(id, credentials)
      evicted.delete(id)
      touch(id)
      while (recent.size > maxTenants) evict(recent.values().next().value!)
      return { tenant: id, credentials }
    },
    async advance(seconds, tenantId) {
      const t = await tenant(tenantId)
      await t.clock.advance(Math.round(seconds * 1000))
    },
    async reset(tenantId = DEFAULT_TENANT) {
      const old = await tenant(tenantId)
      const fresh = await build(tenantId)
      old.auth.dropAll()
      old.clock.reset()
      built.set(tenantId, fresh)
    },
    async tick() {
      await Promise.all(
        [...built.values()].map((t) => (t.clock.hasDue() ? t.clock.settle() : undefined)),
      )
    },
    tenantIds: () => [...credentialsOf.keys()],
    credentials: (tenantId = DEFAULT_TENANT) => {
      const c = credentialsOf.get(tenantId)
      if (!c) throw new SimError(404, 'unknown_tenant', `No tenant "${tenantId}"`)
      return c
    },
    tenantOf: (key) => credentialIndex.get(key) ?? tokenIndex.get(key),
  }

  const prefix = options.basePath?.replace(/\/+$/, '') ?? ''
  const app = new Hono<SimEnv<S, C>>(
    prefix
      ? {
          getPath: (request) => {
            const path = getPath(request)
            return path.startsWith(prefix) ? path.slice(prefix.length) || '/' : path
          },
        }
      : {},
  )

  const isControl = (path: string) => path === '/_sandbox' || path.startsWith('/_sandbox/')

  const endpoints = [
    ...(vendor.auth.tokenEndpoints ?? []),
    ...(vendor.auth.oauth ? [oauthTokenEndpoint(vendor.auth.oauth)] : []),
  ]
  const tokenForms = vendor.auth.header ?? ['bearer']
  const keyHeaders = vendor.auth.keyHeaders ?? []
  const lookup = (key: string | undefined) =>
    key ? (credentialIndex.get(key) ?? tokenIndex.get(key)) : undefined

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
      const v = c.req.header(h)
      if (v) keys.push(v)
    }
    return keys
  }

  /**
   * The tenant of a vendor request: the one that issued its token, else the one its other
   * credentials name, else the `x-vendorsim-tenant` header's, else the default tenant. A token
   * or tenant header nobody issued is the vendor's 401, never the default tenant.
   */
  const resolveTenant = async (c: SimContext<S, C>, control: boolean): Promise<Tenant<S, C>> => {
    const header = c.req.header(TENANT_HEADER)
    if (control) return tenant(header ?? DEFAULT_TENANT)
    const token = tokenFromHeader(c.req.header('authorization'), tokenForms)
    if (token !== undefined) c.set('credential', token)
    const byToken = token ? tokenIndex.get(token) : undefined
    if (byToken) return tenant(byToken)
    for (const key of await requestKeys(c)) {
      const id = lookup(key)
      if (id) return tenant(id)
    }
    if (token !== undefined || (header !== undefined && !credentialsOf.has(header)))
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
      const given = c.req.header(ADMIN_HEADER) ?? bearerToken(c.req.header('authorization'))
      if (!given || !safeEqual(given, options.adminToken))
        return new SimError(
          401,
          'admin_token_required',
          `This server requires its admin token on /_sandbox routes: send "Authorization: Bearer <token>" or "${ADMIN_HEADER}: <token>"`,
        )
    }
    const method = c.req.method
    const length = c.req.header('content-length')
    const hasBody =
      length !== undefined
        ? length !== '0'
        : c.req.header('transfer-encoding') !== undefined || c.req.raw.body !== null
    if (
      hasBody &&
      method !== 'GET' &&
      method !== 'HEAD' &&
      !/^application\/json\b/i.test(c.req.header('content-type') ?? '')
    ) {
      return new SimError(
        415,
        'unsupported_media_type',
        'Control routes take JSON bodies only: send "content-type: application/json"',
      )
    }
    return undefined
  }

  /** Headers a guard asked for (rate limits, the request id) go on whatever the answer is. */
  const withResponseHeaders = (c: SimContext<S, C>) => {
    const extra = c.get('responseHeaders')
    if (!extra) return
    const headers = c.res.headers
    for (const k in extra) if (!headers.has(k)) headers.set(k, extra[k]!)
  }

  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  /** Paths whose bodies carry secrets: the journal keeps them only redacted. */
  const credentialPaths = new Set([
    ...endpoints.map((e) => e.path),
    ...(vendor.auth.oauth ? [vendor.auth.oauth.authorizePath] : []),
  ])
  app.use('*', async (c, next) => {
    const started = performance.now()
    c.set('maxBodyBytes', maxBodyBytes)
    const control = isControl(c.req.path)
    if (control) {
      const refused = guardControl(c)
      if (refused) return render(refused, c)
    }
    let t: Tenant<S, C>
    try {
      t = await resolveTenant(c, control)
    } catch (err) {
      return render(err, c)
    }
    c.set('tenant', t)
    // A body declared larger than the limit is refused before any route (or its auth) runs.
    const declared = Number(c.req.header('content-length'))
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      c.set('bodyTooLarge', true)
      return render(
        new SimError(
          413,
          'payload_too_large',
          `The request body is larger than ${maxBodyBytes} bytes`,
        ),
        c,
      )
    }
    if (vendor.requestId && !control) {
      const id = vendor.requestId.mint(t)
      c.set('requestId', id)
      c.set('responseHeaders', { [vendor.requestId.header]: id })
    }
    if (control) {
      await next()
      // A control route can cause effects too (a forced transition, a sandbox fulfilment): send what is due.
      if (t.clock.hasDue()) void t.clock.settle()
      return
    }

    let faultNote: string | undefined
    const fault = t.faults.match(c.req.method, c.req.path)
    if (fault) {
      faultNote = fault.id
      if (fault.latencyMs) await sleep(fault.latencyMs)
      if (fault.malformed) {
        c.res = new Response('{"malformed": tru', {
          status: fault.status ?? 200,
          headers: { 'content-type': 'application/json' },
        })
      } else if (fault.status) {
        const headers: Record<string, string> =
          fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {}
        const variant = fault.variant ? { variant: fault.variant } : {}
        c.res = render(
          new SimError(fault.status, 'fault_injected', `Injected fault ${fault.id}`, {
            headers,
            extra: { fault: true, ...variant },
          }),
          c,
        )
      }
    }
    if (!fault || (!fault.malformed && !fault.status)) await next()
    withResponseHeaders(c)

    const url = c.req.url
    const q = url.indexOf('?')
    t.journal.record({
      at: t.clock.now(),
      method: c.req.method,
      path: c.req.path,
      query: q === -1 ? '' : url.slice(q + 1),
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      requestText: c.get('bodyText'),
      requestType: c.req.header('content-type'),
      credentials: credentialPaths.has(c.req.path),
      response: c.get('responseBody'),
      fault: faultNote,
    })
    // Effects due now (a callback for a transition that just happened) go out right after the answer.
    if (t.clock.hasDue()) void t.clock.settle()
  })

  registerSandboxRoutes(app, control, vendor)
  vendor.sandbox?.(app)
  for (const e of endpoints) registerTokenEndpoint(app, e)
  if (vendor.auth.oauth) registerOAuthRoutes(app, vendor.auth.oauth)
  vendor.routes(app)

  app.notFound((c) =>
    render(new SimError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}`), c),
  )
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

  return { vendor, app, fetch: simFetch, control }
}

/** Freeze a value and everything it holds (shared seed data must never be written in place). */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value]
  while (stack.length) {
    const v = stack.pop()
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue
    Object.freeze(v)
    for (const child of Object.values(v)) stack.push(child)
  }
  return value
}

/** Relative URLs given to the in-process fetch resolve against a loopback origin. */
function absolute(url: string) {
  return /^[a-z][a-z0-9+.-]*:/i.test(url)
    ? url
    : `http://127.0.0.1${url.startsWith('/') ? '' : '/'}${url}`
}
