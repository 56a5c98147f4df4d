import { yieldToEventLoop } from './clock.ts'
import type { Sim } from './sim.ts'
import type { SimOptions } from './sim-options.ts'
import type { VendorDefinition } from './vendor.ts'

/** A vendor the host knows by name before loading it (its module loads on the first request). */
export interface LazyVendor {
  id: string
  title: string
  protocol: 'rest' | 'graphql'
  load(): Promise<VendorDefinition<any, any>>
}

/**
 * Several simulators behind one `fetch`, each under its own path prefix
 * (`/digipix/v1/...`), with a JSON index at `/`. This is what the server hosts.
 * Vendors given lazily are loaded, and their simulator built, on their first request
 * (or by `warm()`), so the host answers before every vendor's code is loaded.
 */
export interface Host {
  /** The simulators built so far. */
  readonly sims: ReadonlyMap<string, Sim<any, any>>
  /**
   * Answer a request. `env` is what the HTTP adapter gives the app (`@hono/node-server`'s
   * `{ incoming, outgoing }`): simulators then read headers and bodies from Node directly.
   */
  fetch(request: Request, env?: unknown): Response | Promise<Response>
  tick(): Promise<void>
  /** Load every vendor and build its default tenant (the server calls it once listening). */
  warm(): Promise<void>
}

export function createHost(
  vendors: ReadonlyArray<VendorDefinition<any, any> | LazyVendor>,
  options: SimOptions = {},
): Host {
  const sims = new Map<string, Sim<any, any>>()
  const pending = new Map<string, Promise<Sim<any, any>>>()
  const entries = new Map(vendors.map((v) => [v.id, v]))
  const simOf = (id: string): Sim<any, any> | Promise<Sim<any, any>> => {
    const ready = sims.get(id)
    if (ready) return ready
    let loading = pending.get(id)
    if (!loading) {
      const entry = entries.get(id)!
      // The simulator kit itself loads with the first vendor: the index at `/` answers without it.
      const definition =
        'load' in entry && typeof entry.load === 'function'
          ? entry.load()
          : Promise.resolve(entry as VendorDefinition<any, any>)
      loading = Promise.all([definition, import('./sim.ts')]).then(([vendor, { createSim }]) => {
        const sim = createSim(vendor, { ...options, basePath: `/${id}` })
        sims.set(id, sim)
        pending.delete(id)
        return sim
      })
      pending.set(id, loading)
    }
    return loading
  }
  // Definitions given eagerly are built at once.
  for (const v of vendors) if (!('load' in v && typeof v.load === 'function')) void simOf(v.id)

  const index = (origin: string) => ({
    name: 'vendorsim',
    vendors: [...entries.values()].map((v) => {
      const sim = sims.get(v.id)
      return {
        id: v.id,
        title: v.title,
        protocol: v.protocol,
        baseUrl: `${origin}/${v.id}`,
        sandbox: `${origin}/${v.id}/_sandbox`,
        ...(sim ? { realHosts: sim.vendor.hosts, docs: sim.vendor.docs } : {}),
      }
    }),
  })

  return {
    sims,
    fetch(request, env) {
      // String work only: the request reaches the simulator as it came (no copy).
      const url = request.url
      const start = url.indexOf('/', url.indexOf('://') + 3)
      let end = url.length
      if (start !== -1)
        for (let i = start; i < url.length; i++) {
          const ch = url.charCodeAt(i)
          if (ch === 63 /* ? */ || ch === 35 /* # */) {
            end = i
            break
          }
        }
      const path = start === -1 ? '/' : url.slice(start, end)
      const slash = path.indexOf('/', 1)
      const id = slash === -1 ? path.slice(1) : path.slice(1, slash)
      if (entries.has(id)) {
        const sim = sims.get(id)
        return sim
          ? sim.app.fetch(request, env)
          : Promise.resolve(simOf(id)).then((s) => s.app.fetch(request, env))
      }
      const origin = start === -1 ? url : url.slice(0, start)
      if (path === '/') return Response.json(index(origin))
      return Response.json(
        {
          error: {
            code: 'not_found',
            message: `No vendor at ${path}; vendors: ${[...entries.keys()].map((k) => `/${k}`).join(', ')}`,
          },
        },
        { status: 404 },
      )
    },
    async warm() {
      // One vendor, then one tenant, at a time, yielding in between: a request that arrives
      // meanwhile is answered before the next load, instead of after all five.
      for (const id of entries.keys()) {
        await yieldToEventLoop()
        const sim = await simOf(id)
        await yieldToEventLoop()
        await sim.control.tenant()
      }
    },
    async tick() {
      await Promise.all([...sims.values()].map((s) => s.control.tick()))
    },
  }
}
