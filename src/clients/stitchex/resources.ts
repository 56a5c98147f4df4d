import { z } from 'zod'
import {
  Channel,
  CreditNote,
  Customer,
  Invoice,
  listOf,
  Payment,
  PickTicket,
  Product,
  ReceivingTicket,
  SalesOrder,
  Season,
  Sku,
  StockOperation,
} from '../../../contracts/stitchex/schemas.ts'
import { iteratePages } from '../../core/index.ts'
import type { StitchexAuth } from './auth.ts'

type Query = Record<string, string | number | boolean | undefined>

/**
 * A `meta`-paged collection: `page(n)` for one page, `all()` for every row, pages fetched one
 * after another (never in parallel, as Stitchex asks).
 */
function collection<K extends string, T extends z.ZodType>(
  auth: StitchexAuth,
  path: string,
  key: K,
  item: T,
) {
  const schema = listOf(key, item)
  const page = (n = 1, query: Query = {}) =>
    auth.send({ method: 'GET', path, query: { ...query, page: n }, schema }) as Promise<
      { [P in K]: Array<z.output<T>> } & {
        meta: {
          next_page: number | null
          total_count: number
          total_pages: number
          current_page: number
          prev_page: number | null
        }
      }
    >
  return {
    page,
    all: (query: Query = {}) =>
      iteratePages(
        (n) => page(n, query),
        (body) => body[key],
        (body) => body.meta.next_page,
      ),
  }
}

const one = <K extends string, T extends z.ZodType>(key: K, item: T) =>
  z.object({ [key]: item } as { [P in K]: T })

export interface LineQuantityInput {
  sku_id: number
  quantity: number
}
export interface SalesOrderInput {
  company_id?: number
  status?: 'draft' | 'confirmed' | 'cancelled'
  channel_id?: number | null
  season_id?: number | null
  purchase_order_ref?: string | null
  notes?: string | null
  shipping_cost?: string | number
  start_ship_date?: string | null
  cancel_ship_date?: string | null
  line_items?: Array<{
    product_id?: number
    variation_id?: number
    unit_price?: string | number
    tax_level?: string | number
    percentage_discount?: string | number
    line_quantities: LineQuantityInput[]
  }>
}
export interface PaymentInput {
  /** A decimal string, `"12.34"`. */
  amount: string
  reference?: string
  date?: string
  sale_id?: number
  company_id?: number
  invoice_id?: number
  source?: string
}

/** Every resource the client covers, one small object each. */
export function createResources(auth: StitchexAuth) {
  const get = <S extends z.ZodType>(path: string, schema: S, query?: Query) =>
    auth.send({ method: 'GET', path, schema, query })
  const write = <S extends z.ZodType>(
    method: 'POST' | 'PUT',
    path: string,
    json: unknown,
    schema: S,
    query?: Query,
  ) => auth.send({ method, path, json, schema, query })
  return {
    products: {
      ...collection(auth, '/products', 'products', Product),
      get: async (id: number) => (await get(`/products/${id}`, one('product', Product))).product,
      byIdentifier: (identifier: string) =>
        collection(auth, '/products', 'products', Product).page(1, {
          'filter[product_identifier]': identifier,
        }),
    },
    skus: {
      ...collection(auth, '/skus', 'skus', Sku),
      get: async (id: number) => (await get(`/skus/${id}`, one('sku', Sku))).sku,
    },
    seasons: collection(auth, '/seasons', 'seasons', Season),
    channels: collection(auth, '/channels', 'channels', Channel),
    customers: {
      ...collection(auth, '/customers', 'customers', Customer),
      get: async (id: number) =>
        (await get(`/customers/${id}`, one('customer', Customer))).customer,
      create: async (customer: Record<string, unknown>) =>
        (await write('POST', '/customers', { customer }, one('customer', Customer))).customer,
      update: async (id: number, customer: Record<string, unknown>) =>
        (await write('PUT', `/customers/${id}`, { customer }, one('customer', Customer))).customer,
    },
    salesOrders: {
      ...collection(auth, '/sales_orders', 'sales_orders', SalesOrder),
      get: async (id: number) =>
        (await get(`/sales_orders/${id}`, one('sales_order', SalesOrder))).sales_order,
      byOrderNumber: (orderNumber: string) =>
        collection(auth, '/sales_orders', 'sales_orders', SalesOrder).page(1, {
          by_order_number: orderNumber,
        }),
      create: async (sales_order: SalesOrderInput) =>
        (await write('POST', '/sales_orders', { sales_order }, one('sales_order', SalesOrder)))
          .sales_order,
      update: async (id: number, sales_order: SalesOrderInput) =>
        (await write('PUT', `/sales_orders/${id}`, { sales_order }, one('sales_order', SalesOrder)))
          .sales_order,
      confirm: async (id: number) =>
        (
          await write(
            'PUT',
            `/sales_orders/${id}`,
            { sales_order: { status: 'confirmed' } },
            one('sales_order', SalesOrder),
          )
        ).sales_order,
    },
    invoices: {
      ...collection(auth, '/invoices', 'invoices', Invoice),
      /** One invoice, as real clients fetch it: `GET /invoices?invoice_id=`. */
      get: async (id: number) =>
        (await get('/invoices', listOf('invoices', Invoice), { invoice_id: id })).invoices[0],
    },
    creditNotes: {
      ...collection(auth, '/credit_notes', 'credit_notes', CreditNote),
      /** One credit note: Stitchex answers it under the plural key. */
      get: async (id: number) =>
        (await get(`/credit_notes/${id}`, one('credit_notes', CreditNote))).credit_notes,
    },
    payments: {
      ...collection(auth, '/payments', 'payments', Payment),
      get: async (id: number) => (await get(`/payments/${id}`, one('payment', Payment))).payment,
      create: async (payment: PaymentInput) =>
        (await write('POST', '/payments', payment, one('payment', Payment))).payment,
    },
    stockOperations: {
      /** Adjust stock; with an `idempotencyKey`, a retry applies nothing twice. */
      create: async (
        op: {
          line_quantities: LineQuantityInput[]
          source?: string
          external_ref?: string
          comments?: string
        },
        o: { idempotencyKey?: string } = {},
      ) =>
        (
          await auth.send({
            method: 'POST',
            path: '/stock_operations',
            json: { stock_operation: op, idempotency_key: o.idempotencyKey },
            schema: one('stock_operation', StockOperation),
            retry: o.idempotencyKey !== undefined,
          })
        ).stock_operation,
    },
    pickTickets: {
      ...collection(auth, '/pick_tickets', 'pick_tickets', PickTicket),
      get: async (id: number) =>
        (await get(`/pick_tickets/${id}`, one('pick_ticket', PickTicket))).pick_ticket,
      /** `PUT /pick_tickets/{id}?tracking_number=…&carrier=…` (no body, as real integrations send it). */
      setTracking: async (id: number, t: { trackingNumber: string; carrier: string }) =>
        (
          await write('PUT', `/pick_tickets/${id}`, undefined, one('pick_ticket', PickTicket), {
            tracking_number: t.trackingNumber,
            carrier: t.carrier,
          })
        ).pick_ticket,
      setService: async (id: number, service: string) =>
        (
          await write('PUT', `/pick_tickets/${id}`, undefined, one('pick_ticket', PickTicket), {
            service,
          })
        ).pick_ticket,
      /** Mark shipped (after tracking and carrier). */
      ship: async (id: number) =>
        (await write('PUT', `/pick_tickets/${id}/ship`, undefined, one('pick_ticket', PickTicket)))
          .pick_ticket,
    },
    receivingTickets: {
      ...collection(auth, '/receiving_tickets', 'receiving_tickets', ReceivingTicket),
      get: async (id: number) =>
        (await get(`/receiving_tickets/${id}`, one('receiving_ticket', ReceivingTicket)))
          .receiving_ticket,
      receive: async (id: number) =>
        (
          await write(
            'PUT',
            `/receiving_tickets/${id}/receive`,
            undefined,
            one('receiving_ticket', ReceivingTicket),
          )
        ).receiving_ticket,
    },
  }
}
