import { createClientCore, systemClock, type ClientTransportOptions } from '../../core/index.ts'
import { createDigiKeyAuth, describeDigiKeyError, type RefreshTokenStore } from './auth.ts'
import type { Call } from './call.ts'
import { createOrderManagement } from './order-management.ts'
import { createOrderStatus } from './order-status.ts'
import { createOrdering } from './ordering.ts'
import { createPackingList } from './packing-list.ts'

/** DigiKey hosts: same paths, separate apps (client ids) per environment. */
export const DIGIKEY_BASE_URLS = {
  production: 'https://api.digikey.com',
  sandbox: 'https://sandbox-api.digikey.com',
} as const

export interface DigiKeyClientOptions extends ClientTransportOptions {
  /** `https://sandbox-api.digikey.com`, `http://127.0.0.1:4010/digikey`, ... */
  baseUrl: string
  clientId: string
  clientSecret: string
  /** The app's registered callback URL (3-legged). */
  redirectUri?: string
  /** A refresh token from an earlier authorization (3-legged). */
  refreshToken?: string
  /** Where rotated refresh tokens are saved (default: in memory). */
  tokenStore?: RefreshTokenStore
  /** `X-DIGIKEY-Account-ID`: required with 2-legged tokens, optional (choose among accounts) with 3-legged ones. */
  accountId?: number
  /** `X-DIGIKEY-Locale-*` headers. */
  locale?: { site?: string; language?: string; currency?: string }
  /** Order Status with a 2- or 3-legged token (default: 3 when a user is authorized, else 2). */
  orderStatusLegs?: 2 | 3
}

/**
 * A small typed DigiKey client: 2- and 3-legged OAuth with refresh rotation,
 * `X-DIGIKEY-*` headers on every call, retries that wait out burst limits
 * (`Retry-After`, on the injected clock), responses parsed with
 * `contracts/digikey`, typed errors carrying DigiKey's request id.
 * @example
 * const dk = createDigiKeyClient({ baseUrl: 'http://127.0.0.1:4010/digikey', clientId: 'digikey-sandbox-client', clientSecret: 'digikey-sandbox-secret', redirectUri: 'http://127.0.0.1:4010/digikey/_sandbox/oauth/callback' })
 * console.log(dk.auth.authorizeUrl({ state: 'xyz' }))   // open in a browser, approve
 * await dk.auth.exchangeCode(code)
 * const { SalesOrderId } = await dk.ordering.placeOrder({ PurchaseOrderNumber: 'PO-1', Currency: 'USD', ShippingContact, LineItems: [{ DigiKeyPartNumber: '311-10.0KHRCT-ND', RequestedQuantity: 100 }] })
 * const order = await dk.orderStatus.salesOrder(SalesOrderId)
 * @see https://developer.digikey.com/products/ordering
 */
export function createDigiKeyClient(options: DigiKeyClientOptions) {
  const clock = options.clock ?? systemClock
  const core = createClientCore(options, {
    vendor: 'digikey',
    baseUrl: options.baseUrl,
    describeError: describeDigiKeyError,
    requestIdHeader: 'x-digikey-request-id',
    userAgent: 'vendorsim-digikey-client/0.1',
  })
  const auth = createDigiKeyAuth(core, options, clock)

  const headers = (): Record<string, string> => {
    const h: Record<string, string> = { 'X-DIGIKEY-Client-Id': options.clientId }
    if (options.accountId !== undefined) h['X-DIGIKEY-Account-ID'] = String(options.accountId)
    if (options.locale?.site) h['X-DIGIKEY-Locale-Site'] = options.locale.site
    if (options.locale?.language) h['X-DIGIKEY-Locale-Language'] = options.locale.language
    if (options.locale?.currency) h['X-DIGIKEY-Locale-Currency'] = options.locale.currency
    return h
  }
  const call: Call = async (legs, method, path, schema, extra = {}) =>
    (await auth.send(legs, { method, path, schema, headers: headers(), ...extra })).data
  const statusLegs = async () => options.orderStatusLegs ?? ((await auth.hasUser()) ? 3 : 2)

  return {
    auth,
    ordering: createOrdering(call),
    orderStatus: createOrderStatus(call, statusLegs),
    packingList: createPackingList(call),
    orderManagement: createOrderManagement(call),
  }
}
export type DigiKeyClient = ReturnType<typeof createDigiKeyClient>

export { memoryTokenStore, validationErrorsOf, type RefreshTokenStore } from './auth.ts'
export * from '../../core/errors.ts'
export type * from '../../../contracts/digikey/schemas.ts'
