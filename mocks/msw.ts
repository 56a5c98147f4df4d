import { http, type HttpHandler } from 'msw'
import { createSim, type Sim, type SimOptions } from './core/index.ts'
import { VENDORS } from './vendors.ts'

/** Where one vendor's handlers answer. */
export interface VendorHandlerOptions {
  /** Answer on these base URLs instead of the vendor's real hosts (`https://staging-proxy.test/digipix`). */
  baseUrls?: string[]
  /** Answer on these as well. */
  extraBaseUrls?: string[]
}

export interface VendorHandlers {
  /** Pass to `setupServer(...handlers)`. */
  handlers: HttpHandler[]
  /** The simulators behind the handlers, by vendor id: drive their clock, read their state. */
  sims: Record<string, Sim<any, any>>
}

/**
 * MSW handlers for every vendor's real hosts (production and sandbox), backed by
 * the same simulators the server hosts. Requests to `https://api.digipix.io/...`
 * and `https://api.digipix.dev/...` reach the Digipix simulator in-process.
 * @example
 * import { setupServer } from 'msw/node'
 * import { createVendorHandlers } from 'vendorsim/msw'
 * const { handlers, sims } = createVendorHandlers({ vendors: ['digipix'] })
 * const server = setupServer(...handlers)
 * beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }))
 * afterAll(() => server.close())
 * // ... your code calls https://api.digipix.dev; then:
 * await sims.digipix.control.advance(86400)
 * // A client configured with another base URL (a proxy, an env var): point the handlers there.
 * createVendorHandlers({ vendors: { digipix: { baseUrls: ['https://gateway.test/digipix'] } } })
 * @see https://mswjs.io/docs/api/setup-server
 */
export function createVendorHandlers(
  options: SimOptions & { vendors?: string[] | Record<string, VendorHandlerOptions> } = {},
): VendorHandlers {
  const picked = options.vendors ?? Object.keys(VENDORS)
  const entries: Array<[string, VendorHandlerOptions]> = Array.isArray(picked)
    ? picked.map((id) => [id, {}])
    : Object.entries(picked)
  const handlers: HttpHandler[] = []
  const sims: Record<string, Sim<any, any>> = {}
  for (const [id, o] of entries) {
    const vendor = VENDORS[id]
    if (!vendor)
      throw new Error(
        `vendorsim: unknown vendor "${id}"; known: ${Object.keys(VENDORS).join(', ')}`,
      )
    const sim = createSim(vendor, options)
    sims[id] = sim
    const bases = [
      ...(o.baseUrls ?? [...vendor.hosts.production, ...vendor.hosts.sandbox]),
      ...(o.extraBaseUrls ?? []),
    ]
    for (const raw of bases) {
      let base: URL
      try {
        base = new URL(raw)
      } catch {
        throw new Error(`vendorsim: ${id}: "${raw}" is not an absolute URL (https://host[/path])`)
      }
      const prefix = base.pathname.replace(/\/+$/, '')
      const root = `${base.origin}${prefix}`
      handlers.push(
        http.all(`${root}/*`, async ({ request }) => {
          if (!prefix) return sim.fetch(request)
          // A base URL with a path (a proxy, `https://gateway.test/digipix`): the simulator sees the rest.
          const url = new URL(request.url)
          url.pathname = url.pathname.slice(prefix.length) || '/'
          const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
          return sim.fetch(
            new Request(url, {
              method: request.method,
              headers: request.headers,
              body: hasBody ? await request.arrayBuffer() : undefined,
            }),
          )
        }),
      )
    }
  }
  return { handlers, sims }
}
