import { z } from 'zod'

/**
 * Zod contracts of the Stitchex (Uphance) wire format: the token response, organisations, the
 * `meta` list envelope, every resource the simulator serves, error bodies and webhook payloads.
 * Loose objects: Stitchex may add fields. Money and decimals are JSON strings.
 * @see https://help.uphance.com/en/articles/2532044-uphance-api-for-developers
 */
/** What Stitchex accepts (its write bodies, the webhook events), which the simulator loads alone: `requests.ts`. */
export * from './requests.ts'

export const Money = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string')
export const Timestamp = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:\d{2})$/,
    'a timestamp with milliseconds',
  )
export const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
export const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, '64 hex characters')

export const TokenResponse = z.looseObject({
  access_token: Hex64,
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
  refresh_token: Hex64.optional(),
  created_at: z.number().int(),
})
/** Doorkeeper's error body (token endpoint and refused tokens). */
export const OAuthErrorBody = z.looseObject({
  error: z.string(),
  error_description: z.string().optional(),
})
/** Every other error: a `message`, and per-field `errors` on 422. */
export const ErrorBody = z.looseObject({
  message: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
})
export const Organisations = z.object({
  organisations: z.array(z.looseObject({ id: z.number().int(), name: z.string() })),
})
export const SetCurrentOrg = z.object({ Status: z.literal('Updated') })

export const Meta = z.object({
  current_page: z.number().int().positive(),
  next_page: z.number().int().nullable(),
  prev_page: z.number().int().nullable(),
  total_pages: z.number().int().positive(),
  total_count: z.number().int().nonnegative(),
})
/** A list page: `{ "<plural>": [...], "meta": {...} }`. */
export const listOf = <K extends string, T extends z.ZodType>(key: K, item: T) =>
  z.looseObject({ [key]: z.array(item), meta: Meta } as { [P in K]: z.ZodArray<T> } & {
    meta: typeof Meta
  })

export const Sku = z.looseObject({
  id: z.number().int(),
  color: z.string().nullable(),
  size: z.string().nullable(),
  ean: z.string().nullable(),
  in_stock: z.number().int(),
  available_to_sell: z.number().int(),
  available_to_sell_from_stock: z.number().int(),
})
export const Price = z.looseObject({
  wsp_money: Money,
  msrp_money: Money,
  name: z.string(),
  currency: z.string(),
})
export const Variation = z.looseObject({
  id: z.number().int(),
  color: z.string().nullable(),
  textile_content: z.string().nullable(),
  prices: z.array(Price),
  skus: z.array(Sku),
})
export const Product = z.looseObject({
  id: z.number().int(),
  product_identifier: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  season_id: z.number().int().nullable(),
  variations: z.array(Variation),
  created_at: Timestamp,
  updated_at: Timestamp,
})
export const Season = z.looseObject({ id: z.number().int(), name: z.string() })
export const Channel = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  currency: z.string(),
})
export const Address = z.looseObject({
  id: z.number().int(),
  line_1: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  postcode: z.string().nullable(),
  default_for_shipping: z.boolean(),
  default_for_billing: z.boolean(),
})
export const Person = z.looseObject({
  id: z.number().int(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  email: z.string().nullable(),
})
export const Customer = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  company_type: z.string(),
  currency: z.string(),
  people: z.array(Person),
  addresses: z.array(Address),
})
export const LineQuantity = z.looseObject({
  id: z.number().int(),
  size: z.string().nullable(),
  quantity: z.number().int(),
  sku_id: z.number().int(),
})
export const LineItem = z.looseObject({
  id: z.number().int(),
  product_id: z.number().int(),
  variation_id: z.number().int(),
  unit_price: Money,
  unit_tax: Money,
  line_quantities: z.array(LineQuantity),
})
const totals = {
  items_total: Money,
  items_tax: Money,
  subtotal: Money,
  total_tax: Money,
  grand_total: Money,
  total_quantity: z.number().int(),
}
export const SalesOrder = z.looseObject({
  id: z.number().int(),
  order_number: z.string(),
  status: z.enum(['draft', 'confirmed', 'cancelled']),
  fulfillment_status: z.enum(['not_shipped', 'partially_shipped', 'shipped']),
  financial_status: z.enum(['not_paid', 'partially_paid', 'paid']),
  company_id: z.number().int(),
  organisation_id: z.number().int(),
  currency: z.string(),
  line_items: z.array(LineItem),
  created_at: Timestamp,
  ...totals,
})
export const Invoice = z.looseObject({
  id: z.number().int(),
  invoice_number: z.number().int(),
  sale_id: z.number().int(),
  company_id: z.number().int(),
  total_paid: Money,
  total_credited: Money,
  amount_outstanding: Money,
  due_date: DateOnly,
  ...totals,
})
export const CreditNote = z.looseObject({
  id: z.number().int(),
  credit_note_number: z.number().int(),
  invoice_id: z.number().int().nullable(),
  sale_id: z.number().int().nullable(),
  grand_total: Money,
})
export const Payment = z.looseObject({
  id: z.number().int(),
  amount: Money,
  reference: z.string().nullable(),
  date: DateOnly,
  sale_id: z.number().int().nullable(),
  company_id: z.number().int().nullable(),
  invoice_id: z.number().int().nullable(),
  source: z.string().nullable(),
})
export const StockOperation = z.looseObject({
  id: z.number().int(),
  line_quantities: z.array(z.object({ sku_id: z.number().int(), quantity: z.number().int() })),
})
export const PickTicket = z.looseObject({
  id: z.number().int(),
  order_id: z.number().int(),
  order_number: z.string(),
  status: z.string(),
  tracking_number: z.string().nullable(),
  carrier: z.string().nullable(),
  shipment_number: z.string(),
  line_items: z.array(LineItem.partial({ unit_price: true, unit_tax: true })),
})
export const ReceivingTicket = z.looseObject({
  id: z.number().int(),
  status: z.string(),
  production_order_id: z.number().int().nullable(),
  line_items: z.array(z.looseObject({ line_quantities: z.array(LineQuantity) })),
})

/** A webhook body: `{ "event": "<resource>_<action>", "<resource>": { full object } }`. */
export const WebhookPayload = z.looseObject({
  event: z
    .string()
    .regex(/^(pick_ticket|receiving_ticket|product|invoice|credit_note)_(create|update|delete)$/),
})
