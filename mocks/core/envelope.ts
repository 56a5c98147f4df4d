import type { Handler } from 'hono'
import type { Result, Router } from 'hono/router'
import { RegExpRouter } from 'hono/router/reg-exp-router'
import { SmartRouter } from 'hono/router/smart-router'
import { TrieRouter } from 'hono/router/trie-router'
import type { RouterRoute } from 'hono/types'
import { SimError } from './errors.ts'
import { requestHeader } from './request.ts'
import type { SimContext, SimEnv, Tenant, VendorDefinition } from './vendor.ts'

/** What the envelope needs from the simulator it wraps. */
export interface EnvelopeParts<S, C extends Record<string, unknown>> {
  vendor: VendorDefinition<S, C>
  maxBodyBytes: number
  /** Paths whose bodies carry secrets: the journal keeps them only redacted. */
  credentialPaths: ReadonlySet<string>
  isControl(path: string): boolean
  /** The control plane's refusal of a request (admin token, JSON only), if any. */
  guardControl(c: SimContext<S, C>): SimError | undefined
  /** The request's tenant; a promise only when it must be built (or the body read) first. */
  resolveTenant(c: SimContext<S, C>, control: boolean): Tenant<S, C> | Promise<Tenant<S, C>>
  /** An error as the vendor's (or the control plane's) answer. */
  render(err: unknown, c: SimContext<S, C>): Response
  sleep(ms: number): Promise<void>
}

type Answer = Response | void | undefined | Promise<Response | void | undefined>
export type Envelope<S, C extends Record<string, unknown>> = (
  handler: Handler<SimEnv<S, C>>,
) => Handler<SimEnv<S, C>>

/**
 * What every request goes through around its route: the control guard, the tenant (by token,
 * credentials or header), the declared body size, the request id and faults before; the
 * response headers a guard asked for, the journal and the effects now due after. The first
 * handler of a route runs it; handlers after it in a chain (their context already has its
 * tenant) run bare. Synchronous until something needs a turn (a tenant to build, a body to
 * read, a fault's latency).
 */
export function createEnvelope<S, C extends Record<string, unknown>>(
  parts: EnvelopeParts<S, C>,
): Envelope<S, C> {
  const {
    vendor,
    maxBodyBytes,
    credentialPaths,
    isControl,
    guardControl,
    resolveTenant,
    render,
    sleep,
  } = parts

  const around = (c: SimContext<S, C>, run: () => Answer): Response | Promise<Response> => {
    const started = performance.now()
    c.set('maxBodyBytes', maxBodyBytes)
    const control = isControl(c.req.path)
    if (control) {
      const refused = guardControl(c)
      if (refused) return render(refused, c)
    }
    let found: Tenant<S, C> | Promise<Tenant<S, C>>
    try {
      found = resolveTenant(c, control)
    } catch (err) {
      return render(err, c)
    }
    return found instanceof Promise
      ? found.then(
          (t) => within(c, t, control, started, run),
          (err) => render(err, c),
        )
      : within(c, found, control, started, run)
  }

  const within = (
    c: SimContext<S, C>,
    t: Tenant<S, C>,
    control: boolean,
    started: number,
    run: () => Answer,
  ): Response | Promise<Response> => {
    c.set('tenant', t)
    // A body declared larger than the limit is refused before any route (or its auth) runs.
    const length = requestHeader(c, 'content-length')
    if (length !== undefined && Number(length) > maxBodyBytes) {
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
    if (control) {
      // A control route can cause effects too (a forced transition, a sandbox fulfilment): send what is due.
      return then(answer(c, run), (res) => {
        if (t.clock.hasDue()) void t.clock.settle()
        return res
      })
    }
    if (vendor.requestId) {
      const id = vendor.requestId.mint(t)
      c.set('requestId', id)
      c.set('responseHeaders', { [vendor.requestId.header]: id })
    }
    const fault = t.faults.match(c.req.method, c.req.path)
    const res = fault ? faulted(c, fault, run) : answer(c, run)
    return then(res, (r) => done(c, t, r, started, fault?.id))
  }

  /** The route's answer, errors rendered in the vendor's shape (a chain's answer is on the context). */
  const answer = (c: SimContext<S, C>, run: () => Answer): Response | Promise<Response> => {
    let out: Answer
    try {
      out = run()
    } catch (err) {
      return render(err, c)
    }
    return out instanceof Promise
      ? out.then(
          (r) => r ?? c.res,
          (err) => render(err, c),
        )
      : (out ?? c.res)
  }

  const faulted = async (
    c: SimContext<S, C>,
    fault: NonNullable<ReturnType<Tenant<S, C>['faults']['match']>>,
    run: () => Answer,
  ): Promise<Response> => {
    if (fault.latencyMs) await sleep(fault.latencyMs)
    if (fault.malformed)
      return new Response('{"malformed": tru', {
        status: fault.status ?? 200,
        headers: { 'content-type': 'application/json' },
      })
    if (fault.status) {
      const headers: Record<string, string> =
        fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {}
      const variant = fault.variant ? { variant: fault.variant } : {}
      return render(
        new SimError(fault.status, 'fault_injected', `Injected fault ${fault.id}`, {
          headers,
          extra: { fault: true, ...variant },
        }),
        c,
      )
    }
    return answer(c, run)
  }

  /** After the answer: the headers guards asked for, the journal entry, the effects now due. */
  const done = (
    c: SimContext<S, C>,
    t: Tenant<S, C>,
    res: Response,
    started: number,
    faultNote: string | undefined,
  ): Response => {
    const extra = c.get('responseHeaders')
    if (extra) {
      const headers = res.headers
      for (const k in extra) if (!headers.has(k)) headers.set(k, extra[k]!)
    }
    const url = c.req.url
    const q = url.indexOf('?')
    t.journal.record({
      seq: 0,
      at: t.clock.now(),
      method: c.req.method,
      path: c.req.path,
      query: q === -1 ? '' : url.slice(q + 1),
      status: res.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      requestText: c.get('bodyText'),
      requestType: requestHeader(c, 'content-type'),
      credentials: credentialPaths.has(c.req.path),
      responseSent: c.get('responseSent'),
      fault: faultNote,
    })
    // Effects due now (a callback for a transition that just happened) go out right after the answer.
    if (t.clock.hasDue()) void t.clock.settle()
    return res
  }

  return (handler) => (c, next) => {
    if (c.get('tenant') !== undefined) return handler(c, next)
    return around(c, () => handler(c, next) as Answer)
  }
}

/**
 * Hono's default router, filing every handler enveloped: the vendor's routes, its sub-apps and the
 * core's own routes all get the envelope, and a route that is one synchronous handler is answered
 * synchronously (a `*` middleware would make every answer wait for Hono's async compose).
 */
export function envelopedRouter<S, C extends Record<string, unknown>>(
  envelope: Envelope<S, C>,
): Router<[Handler<SimEnv<S, C>>, RouterRoute]> {
  type Entry = [Handler<SimEnv<S, C>>, RouterRoute]
  const routes = new SmartRouter<Entry>({ routers: [new RegExpRouter(), new TrieRouter()] })
  return {
    name: 'vendorsim',
    add: (method, path, [handler, route]) => routes.add(method, path, [envelope(handler), route]),
    match: (method, path): Result<Entry> => routes.match(method, path),
  }
}

/** `f` of a value, at once, or once a promise of it settles. */
const then = <T, U>(value: T | Promise<T>, f: (v: T) => U): U | Promise<U> =>
  value instanceof Promise ? value.then(f) : f(value)
