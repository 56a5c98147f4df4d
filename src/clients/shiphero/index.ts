import { createClientCore, systemClock, type ClientTransportOptions } from '../../core/index.ts'
import { createAccount } from './account.ts'
import { createShipHeroAuth } from './auth.ts'
import { createInventory } from './inventory.ts'
import { createOrders } from './orders.ts'
import { createProducts } from './products.ts'
import { createShipments } from './shipments.ts'
import { createShipHeroGraphql } from './transport.ts'
import { createWebhooks } from './webhooks.ts'

export const SHIPHERO_BASE_URL = 'https://public-api.shiphero.com'

export interface ShipHeroClientOptions extends ClientTransportOptions {
  /** `https://public-api.shiphero.com`, `http://127.0.0.1:4010/shiphero`, ... */
  baseUrl?: string
  /** Log in with a (developer) user... */
  username?: string
  password?: string
  /** ...or start from a refresh token. */
  refreshToken?: string
  /** How many times to wait out `code: 30` (not enough credits) before giving up (default 3). */
  maxCreditWaits?: number
  /** Longest single wait for credits, in seconds (default 120). */
  maxCreditWaitSeconds?: number
}

/**
 * A small typed ShipHero client: password or refresh-token auth (refreshing
 * once on 401), typed operations for the simulator's coverage, an async
 * iterator over any connection, and throttling that waits out `code: 30`
 * for `time_remaining` and 429 for `Retry-After`, on the injected clock.
 * @example
 * const shiphero = createShipHeroClient({ baseUrl: 'http://127.0.0.1:4010/shiphero', username: 'dev@northwind-3pl.test', password: 'shiphero-dev-password' })
 * const product = await shiphero.products.get({ sku: '100100' })
 * for await (const p of shiphero.products.all({ pageSize: 50 })) console.log(p.sku)
 * @see https://developer.shiphero.com/getting-started/
 */
export function createShipHeroClient(options: ShipHeroClientOptions) {
  const clock = options.clock ?? systemClock
  const core = createClientCore(options, {
    vendor: 'shiphero',
    baseUrl: options.baseUrl ?? SHIPHERO_BASE_URL,
    describeError: (body) => {
      const b = body as
        | {
            error?: string
            error_description?: string
            errors?: Array<{ code?: number; message: string }>
          }
        | undefined
      if (b?.errors?.[0])
        return {
          code: b.errors[0].code !== undefined ? String(b.errors[0].code) : undefined,
          message: b.errors[0].message,
        }
      return { code: b?.error, message: b?.error_description }
    },
    userAgent: 'vendorsim-shiphero-client/0.1',
  })
  const auth = createShipHeroAuth(core, options, clock)
  const gql = createShipHeroGraphql(core, auth, options)
  return {
    auth,
    raw: gql.raw,
    query: gql.query,
    paginate: gql.paginate,
    ...createAccount(gql),
    products: createProducts(gql),
    inventory: createInventory(gql),
    orders: createOrders(gql),
    shipments: createShipments(gql),
    webhooks: createWebhooks(gql),
  }
}
export type ShipHeroClient = ReturnType<typeof createShipHeroClient>

export { verifyShipHeroWebhook } from './webhooks.ts'
export { shipHeroError, type ShipHeroErrorObject } from './transport.ts'
