import type { Scope } from '../../../contracts/digipix/schemas.ts'
import { createClientCore, systemClock, type ClientTransportOptions } from '../../core/index.ts'
import { createDigipixAuth, describeDigipixError } from './auth.ts'
import { createOrders } from './orders.ts'
import { createProducts } from './products.ts'
import { createQuote } from './quote.ts'

/** Digipix hosts: production and development have different credentials. */
export const DIGIPIX_BASE_URLS = {
  production: 'https://api.digipix.io',
  development: 'https://api.digipix.dev',
} as const

export interface DigipixClientOptions extends ClientTransportOptions {
  /** `https://api.digipix.dev`, `http://127.0.0.1:4010/digipix`, ... */
  baseUrl: string
  clientId: string
  clientSecret: string
  /** Scopes to request (default all: orders, quote, products). */
  scopes?: readonly Scope[]
}

/**
 * A small typed Digipix client: token handling, one method per endpoint,
 * responses parsed with `contracts/digipix`, typed errors, retries on 429/5xx.
 * @example
 * const digipix = createDigipixClient({ baseUrl: 'http://127.0.0.1:4010/digipix', clientId: 'digipix-dev-client', clientSecret: 'digipix-dev-secret' })
 * const options = await digipix.quote.create({ zipCode: '01311-100', items: [{ productId: 'photobook', quantity: 1 }] })
 * const order = await digipix.orders.create({ recipient, items, shipmentId: options[0].id })
 * @see https://api.digipix.io/docs
 */
export function createDigipixClient(options: DigipixClientOptions) {
  const clock = options.clock ?? systemClock
  const core = createClientCore(options, {
    vendor: 'digipix',
    baseUrl: options.baseUrl,
    describeError: describeDigipixError,
    userAgent: 'vendorsim-digipix-client/0.1',
  })
  const auth = createDigipixAuth(core, options, clock)
  return {
    auth,
    products: createProducts(auth),
    quote: createQuote(auth),
    orders: createOrders(auth),
  }
}
export type DigipixClient = ReturnType<typeof createDigipixClient>

export { parseStatusCallback } from './callbacks.ts'
export * from '../../core/errors.ts'
export type * from '../../../contracts/digipix/schemas.ts'
