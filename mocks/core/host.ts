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
}

export function createHost(vendors: ReadonlyArray<VendorDefinition<any, any>>, options: SimOptions & { baseUrl?: () => string } = {}): Host {
  const sims = new Map<string, Sim<any, any>>()
  for (const vendor of vendors) sims.set(vendor.id, createSim(vendor, options))

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
      const url = new URL(request.url)
      const slash = url.pathname.indexOf('/', 1)
      const prefix = slash === -1 ? url.pathname.slice(1) : url.pathname.slice(1, slash)
      const sim = sims.get(prefix)
      if (!sim) {
        if (url.pathname === '/' || url.pathname === '') return Response.json(index(url.origin))
        return Response.json({ error: { code: 'not_found', message: `No vendor at ${url.pathname}; vendors: ${[...sims.keys()].map((k) => `/${k}`).join(', ')}` } }, { status: 404 })
      }
      url.pathname = slash === -1 ? '/' : url.pathname.slice(slash)
      return sim.app.fetch(new Request(url, request))
    },
    async tick() {
      await Promise.all([...sims.values()].map((s) => s.control.tick()))
    },
  }
}
