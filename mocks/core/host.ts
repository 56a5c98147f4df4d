import { createSim, type Sim, type SimOptions } from './sim.ts'
import type { VendorDefinition } from './vendor.ts'

/**
 * Several simulators behind one `fetch`, each under its own path prefix
 * (`/digipix/v1/...`), with a JSON index at `/`. This is what the server hosts.
 */
export interface Host {
  readonly sims: ReadonlyMap<string, Sim<any, any>>
  fetch(request: Request): Promise<Response>
  tick(): Promise<void>
  /** Build every default tenant now (the server calls it, unawaited, once listening). */
  warm(): Promise<void>
}

export function createHost(
  vendors: ReadonlyArray<VendorDefinition<any, any>>,
  options: SimOptions & { baseUrl?: () => string } = {},
): Host {
  const sims = new Map<string, Sim<any, any>>()
  for (const vendor of vendors)
    sims.set(vendor.id, createSim(vendor, { ...options, basePath: `/${vendor.id}` }))

  const index = (origin: string) => ({
    name: 'vendorsim',
    vendors: [...sims.values()].map((s) => ({
      id: s.vendor.id,
      title: s.vendor.title,
      protocol: s.vendor.protocol,
      baseUrl: `${origin}/${s.vendor.id}`,
      sandbox: `${origin}/${s.vendor.id}/_sandbox`,
      realHosts: s.vendor.hosts,
      docs: s.vendor.docs,
    })),
  })

  return {
    sims,
    async fetch(request) {
      // String work only: the request reaches the simulator as it came (no copy).
      const url = request.url
      const start = url.indexOf('/', url.indexOf('://') + 3)
      const path = start === -1 ? '/' : url.slice(start).replace(/[?#].*$/, '')
      const slash = path.indexOf('/', 1)
      const sim = sims.get(slash === -1 ? path.slice(1) : path.slice(1, slash))
      if (sim) return sim.app.fetch(request)
      const origin = start === -1 ? url : url.slice(0, start)
      if (path === '/') return Response.json(index(origin))
      return Response.json(
        {
          error: {
            code: 'not_found',
            message: `No vendor at ${path}; vendors: ${[...sims.keys()].map((k) => `/${k}`).join(', ')}`,
          },
        },
        { status: 404 },
      )
    },
    async warm() {
      await Promise.all([...sims.values()].map((s) => s.control.tenant()))
    },
    async tick() {
      await Promise.all([...sims.values()].map((s) => s.control.tick()))
    },
  }
}
