import { http, type HttpHandler } from 'msw'
import { createSim, type Sim, type SimOptions } from './core/index.ts'
import { VENDORS } from './vendors.ts'

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
 * @see https://mswjs.io/docs/api/setup-server
 */
export function createVendorHandlers(
  options: SimOptions & { vendors?: string[] } = {},
): VendorHandlers {
  const ids = options.vendors ?? Object.keys(VENDORS)
  const handlers: HttpHandler[] = []
  const sims: Record<string, Sim<any, any>> = {}
  for (const id of ids) {
    const vendor = VENDORS[id]
    if (!vendor)
      throw new Error(
        `vendorsim: unknown vendor "${id}"; known: ${Object.keys(VENDORS).join(', ')}`,
      )
    const sim = createSim(vendor, options)
    sims[id] = sim
    for (const host of [...vendor.hosts.production, ...vendor.hosts.sandbox]) {
      handlers.push(http.all(`${host}/*`, ({ request }) => sim.fetch(request)))
    }
  }
  return { handlers, sims }
}
