import { z } from 'zod'
import * as S from '../../../contracts/digikey/schemas.ts'
import { createRequestCore, systemClock, type ClientClock, type RequestInput } from '../../core/index.ts'
import { createDigiKeyAuth, describeDigiKeyError, type RefreshTokenStore } from './auth.ts'

/** DigiKey hosts: same paths, separate apps (client ids) per environment. */
export const DIGIKEY_BASE_URLS = { production: 'https://api.digikey.com', sandbox: 'https://sandbox-api.digikey.com' } as const

export interface DigiKeyClientOptions {
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
  fetch?: typeof fetch
  clock?: ClientClock
  /** Retries on 429 (waiting `Retry-After`) and 5xx (default 2). */
  maxRetries?: number
  /** Longest `Retry-After` wait accepted (default 60 s: a burst window). */
  maxRetryAfterMs?: number
  validate?: boolean
  random?: () => number
}

type Query = Record<string, string | number | boolean | undefined>

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
  const core = createRequestCore({
    vendor: 'digikey',
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    clock,
    maxRetries: options.maxRetries,
    maxRetryAfterMs: options.maxRetryAfterMs,
    validate: options.validate,
    random: options.random,
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
  const call = async <T extends z.ZodType>(legs: 2 | 3, method: RequestInput<T>['method'], path: string, schema: T, extra: { query?: Query; json?: unknown } = {}) =>
    (await auth.send(legs, { method, path, schema, headers: headers(), ...extra })).data
  const statusLegs = async () => options.orderStatusLegs ?? ((await auth.hasUser()) ? 3 : 2)
  const id = (n: number | string) => encodeURIComponent(String(n))
  const OM = '/OrderManagement/v1'

  return {
    auth,
    /** Ordering v3 (3-legged; the account needs a credit line). @see https://developer.digikey.com/products/ordering/ordering */
    ordering: {
      placeOrder: (order: S.OrderRequest) => call(3, 'POST', '/Ordering/v3/Orders', S.OrderResponse, { json: order }),
    },
    /** Order Status v4 (2- or 3-legged). @see https://developer.digikey.com/products/order-status/orderstatus */
    orderStatus: {
      searchOrders: async (q: { Shared?: boolean; StartDate?: string; EndDate?: string; PageNumber?: number; PageSize?: number } = {}) => call(await statusLegs(), 'GET', '/orderstatus/v4/orders', S.OrderSearchResponse, { query: q }),
      salesOrder: async (salesOrderId: number) => call(await statusLegs(), 'GET', `/orderstatus/v4/salesorder/${id(salesOrderId)}`, S.SalesOrder),
    },
    /** Packing List v1 (3-legged). @see https://developer.digikey.com/products/barcode/packinglist */
    packingList: {
      byInvoice: (invoiceId: number, o: { includePdf?: boolean } = {}) => call(3, 'GET', `/packinglist/v1/invoice/${id(invoiceId)}`, S.PackingList, { query: { includePdf: o.includePdf } }),
      bySalesOrder: (salesOrderId: number, o: { includePdf?: boolean } = {}) => call(3, 'GET', `/packinglist/v1/salesorderid/${id(salesOrderId)}`, z.array(S.PackingList), { query: { includePdf: o.includePdf } }),
      byPurchaseOrder: (poNumber: string, o: { includePdf?: boolean } = {}) => call(3, 'GET', `/packinglist/v1/purchaseordernumber/${id(poNumber)}`, z.array(S.PackingList), { query: { includePdf: o.includePdf } }),
    },
    /** Order Management v1 (3-legged; sub-paths are vendorsim proposals). @see https://developer.digikey.com/products/ordering/ordermanagement */
    orderManagement: {
      salesOrder: (salesOrderId: number) => call(3, 'GET', `${OM}/SalesOrders/${id(salesOrderId)}`, S.SalesOrderView),
      byPoNumber: (poNumber: string) => call(3, 'GET', `${OM}/SalesOrders`, z.array(S.SalesOrderView), { query: { poNumber } }),
      changeEligibility: (salesOrderId: number) => call(3, 'GET', `${OM}/SalesOrders/${id(salesOrderId)}/ChangeEligibility`, S.ChangeEligibility),
      details: (salesOrderId: number) => call(3, 'GET', `${OM}/SalesOrders/${id(salesOrderId)}/Details`, z.array(S.SalesOrderDetailView)),
      detail: (salesOrderId: number, detailId: number) => call(3, 'GET', `${OM}/SalesOrders/${id(salesOrderId)}/Details/${id(detailId)}`, S.SalesOrderDetailView),
      schedules: (salesOrderId: number) => call(3, 'GET', `${OM}/SalesOrders/${id(salesOrderId)}/Schedules`, S.SalesOrderSchedulesView),
      detailSchedules: (salesOrderId: number, detailId: number) => call(3, 'GET', `${OM}/SalesOrders/${id(salesOrderId)}/Details/${id(detailId)}/Schedules`, z.array(S.ScheduleView)),
      schedule: (salesOrderId: number, detailId: number, scheduleIndex: number) => call(3, 'GET', `${OM}/SalesOrders/${id(salesOrderId)}/Details/${id(detailId)}/Schedules/${id(scheduleIndex)}`, S.ScheduleView),
      /** Replace a detail's schedules; takes effect after a short delay (reads return the old ones until then). */
      replaceSchedules: (salesOrderId: number, detailId: number, schedules: Array<{ QuantityScheduled: number; ScheduledDate: string }>) =>
        call(3, 'PUT', `${OM}/SalesOrders/${id(salesOrderId)}/Details/${id(detailId)}/Schedules`, S.ScheduleChangeAccepted, { json: { Schedules: schedules } }),
      /** Move one schedule to another date. */
      updateSchedule: (salesOrderId: number, detailId: number, scheduleIndex: number, scheduledDate: string) =>
        call(3, 'PATCH', `${OM}/SalesOrders/${id(salesOrderId)}/Details/${id(detailId)}/Schedules/${id(scheduleIndex)}`, S.ScheduleView, { json: { ScheduledDate: scheduledDate } }),
      nextAvailableDeliveryDate: (shipMethod: S.ShipMethod) => call(3, 'GET', `${OM}/NextAvailableDeliveryDate`, S.NextAvailableDeliveryDate, { query: { shipMethod } }),
    },
  }
}
export type DigiKeyClient = ReturnType<typeof createDigiKeyClient>

export { memoryTokenStore, validationErrorsOf, type RefreshTokenStore } from './auth.ts'
export * from '../../core/errors.ts'
export type * from '../../../contracts/digikey/schemas.ts'
