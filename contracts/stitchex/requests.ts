import { z } from 'zod'

/**
 * What Stitchex accepts: the bodies of its writes (sales orders, customers, payments, stock
 * operations), as the simulator checks them before anything is stored, and the webhook events a
 * subscription names. Writes are loose objects (unknown fields are ignored, as Rails does); ids
 * and decimals may come as strings. The simulator loads this file, not the response schemas of
 * `schemas.ts` (which re-exports it): those are for clients and the contract suite.
 * @see https://help.uphance.com/en/articles/2532044-uphance-api-for-developers
 */

/** A positive integer id, as a JSON number or a string of digits. */
export const Id = z.union([
  z.number().int().positive(),
  z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
])
const decimal = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d{1,10}(\.\d{1,4})?$/)
      .transform(Number),
  ])
  .pipe(z.number().min(0).max(1e9))
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .nullish()
const text = (max: number) => z.string().max(max).nullish()

// ── sales orders ─────────────────────────────────────────────────────────────

export const LineInput = z.looseObject({
  product_id: Id.optional(),
  variation_id: Id.optional(),
  unit_price: decimal.optional(),
  tax_level: decimal.pipe(z.number().max(100)).optional(),
  percentage_discount: decimal.pipe(z.number().max(100)).optional(),
  line_quantities: z
    .array(z.looseObject({ sku_id: Id, quantity: z.number().int().min(1).max(100_000) }))
    .min(1)
    .max(200),
})
/** A sales order as sent to create or update one (`{"sales_order": {...}}` or bare). */
export const OrderInput = z.looseObject({
  company_id: Id.optional(),
  status: z.enum(['draft', 'confirmed', 'cancelled']).optional(),
  channel_id: Id.nullish(),
  season_id: Id.nullish(),
  purchase_order_ref: text(100),
  notes: text(5000),
  internal_notes: text(5000),
  start_ship_date: date,
  cancel_ship_date: date,
  shipping_cost: decimal.optional(),
  line_items: z.array(LineInput).max(500).optional(),
})
export type OrderInput = z.output<typeof OrderInput>

// ── customers ────────────────────────────────────────────────────────────────

/** A contact person: with an `id`, an edit of that person; without, a new one. */
export const PersonInput = z.looseObject({
  id: z.number().int().optional(),
  first_name: text(100),
  last_name: text(100),
  position: text(100),
  phone_1: text(50),
  phone_2: text(50),
  email: z.email().max(200).nullish(),
  notes: text(2000),
  buyer: z.boolean().optional(),
  shipping: z.boolean().optional(),
  billing: z.boolean().optional(),
})
/** An address: with an `id`, an edit of that address; without, a new one. */
export const AddressInput = z.looseObject({
  id: z.number().int().optional(),
  line_1: text(200),
  line_2: text(200),
  line_3: text(200),
  city: text(100),
  state: text(100),
  country: text(100),
  postcode: text(20),
  default_for_shipping: z.boolean().optional(),
  default_for_billing: z.boolean().optional(),
})
/** A customer as sent to create or update one (`{"customer": {...}}` or bare). */
export const CustomerInput = z.looseObject({
  name: z.string().trim().min(1).max(200).optional(),
  company_type: z.enum(['customer', 'supplier']).optional(),
  customer_type: z.enum(['wholesale', 'retail', 'distributor']).optional(),
  country: text(100),
  city: text(100),
  vat_number: text(50),
  channel_id: z.number().int().nullish(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  notes: text(5000),
  reference: text(100),
  people: z.array(PersonInput).max(100).optional(),
  addresses: z.array(AddressInput).max(100).optional(),
})

// ── payments ─────────────────────────────────────────────────────────────────

/** `POST /payments`: the amount as a number or a decimal string ("12.34"). */
export const PaymentInput = z.looseObject({
  amount: z
    .union([
      z.number(),
      z
        .string()
        .regex(/^\d{1,10}(\.\d{1,2})?$/, 'must be a decimal like "12.34"')
        .transform(Number),
    ])
    .pipe(z.number().positive().max(1e9)),
  reference: z.string().max(200).nullish(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
    .nullish(),
  created_at: z.string().max(40).nullish(),
  sale_id: z.number().int().positive().nullish(),
  company_id: z.number().int().positive().nullish(),
  invoice_id: z.number().int().positive().nullish(),
  source: z.string().max(100).nullish(),
})

// ── stock ────────────────────────────────────────────────────────────────────

/** Quantities per SKU: positive adds stock, negative removes it. */
export const LineQuantities = z
  .array(z.looseObject({ sku_id: Id, quantity: z.number().int().min(-1_000_000).max(1_000_000) }))
  .min(1)
  .max(1000)
/** `POST /stock_operations`; a repeated `idempotency_key` answers the first operation again. */
export const StockOperationInput = z.looseObject({
  stock_operation: z.looseObject({
    source: z.string().max(200).nullish(),
    external_ref: z.string().max(200).nullish(),
    external_url: z.string().max(2000).nullish(),
    comments: z.string().max(5000).nullish(),
    line_quantities: LineQuantities,
  }),
  idempotency_key: z.string().min(1).max(128).optional(),
})

// ── webhooks ─────────────────────────────────────────────────────────────────

export const WEBHOOK_RESOURCES = [
  'pick_ticket',
  'receiving_ticket',
  'product',
  'invoice',
  'credit_note',
] as const
export const WEBHOOK_EVENTS = WEBHOOK_RESOURCES.flatMap((r) =>
  (['create', 'update', 'delete'] as const).map((a) => `${r}_${a}`),
)
