import { warehouseAccountOf, type ShipHeroCtx, pick } from './context.ts'
import { isoDateTime } from './dates.ts'
import { invalid, notFound } from './errors.ts'
import { legacyIdOf } from './ids.ts'
import { findProduct } from './inventory.ts'
import type { AccountRow, LineItemRecord } from './rows.ts'
import { nextId } from './store.ts'

/**
 * What an order input carries (the fields copied as sent, the dates, line items) and how new
 * line items are checked against the catalog and the order, for `order-mutations.ts`.
 * @see https://developer.shiphero.com/schema/ (CreateOrderInput, CreateLineItemInput)
 */

export type Input = Record<string, unknown>
export type LineInput = {
  sku: string
  partner_line_item_id: string
  quantity: number
  price: string
  warehouse_id?: string | null
  [k: string]: unknown
}

export const ORDER_FIELDS = [
  'partner_order_id',
  'total_tax',
  'subtotal',
  'total_discounts',
  'total_price',
  'box_name',
  'currency',
  'ready_to_ship',
  'insurance_amount',
  'gift_note',
  'gift_invoice',
  'require_signature',
  'adult_signature_required',
  'alcohol',
  'insurance',
  'allow_partial',
  'allow_split',
  'custom_invoice_url',
  'email',
  'profile',
  'packing_note',
  'auto_print_return_label',
  'incoterms',
  'tax_id',
  'tax_type',
  'flagged',
  'saturday_delivery',
  'ignore_address_validation_errors',
  'skip_address_validation',
  'priority_flag',
  'allocation_priority',
  'dry_ice_weight_in_lbs',
  'ftr_exemption',
  'address_is_business',
  'tote_qa',
  'do_not_print_invoice',
  'ignore_payment_capture_errors',
  'service_point_id',
  'partner_source_name',
  'shipping_lines',
  'shipping_address',
  'billing_address',
  'third_party_shipper',
  'note_attributes',
] as const
const DATE_FIELDS = ['order_date', 'required_ship_date', 'hold_until_date'] as const
const LINE_FIELDS = [
  'product_name',
  'option_title',
  'custom_options',
  'custom_barcode',
  'eligible_for_return',
  'customs_value',
  'barcode',
] as const
export const CLOSED = new Set(['canceled', 'fulfilled'])

/** The date fields an order input sets, as ShipHero stores them. */
export const dates = (data: Input) => {
  const out: Input = {}
  for (const f of DATE_FIELDS)
    if (data[f] !== undefined)
      out[f] = typeof data[f] === 'number' ? isoDateTime(data[f] as number) : data[f]
  return out
}

/** Check new line items against the catalog and the order; returns the products by line. */
export function checkLines(
  ctx: ShipHeroCtx,
  account: AccountRow,
  lines: LineInput[],
  existing: LineItemRecord[] = [],
) {
  const seen = new Set(existing.map((l) => l.partner_line_item_id))
  return lines.map((line, i) => {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0)
      throw invalid(`line_items[${i}].quantity must be a positive integer`)
    if (!line.partner_line_item_id.trim())
      throw invalid(`line_items[${i}].partner_line_item_id must not be empty`)
    if (seen.has(line.partner_line_item_id))
      throw invalid(`Duplicate partner_line_item_id "${line.partner_line_item_id}"`)
    seen.add(line.partner_line_item_id)
    const product = findProduct(ctx, account, line.sku)
    if (!product)
      throw invalid(
        `line_items[${i}]: no product with sku "${line.sku}"; create it with product_create first`,
      )
    let lockedTo: number | null = null
    if (line.warehouse_id != null) {
      const wid = legacyIdOf(line.warehouse_id, 'Warehouse')
      const warehouse = wid !== undefined ? ctx.state.warehouses.get(wid) : undefined
      if (!warehouse || warehouse.account_id !== warehouseAccountOf(account))
        throw notFound('Warehouse')
      lockedTo = warehouse.id
    }
    return { line, product, lockedTo }
  })
}

/** A new line item of order `orderId`, nothing allocated or shipped yet. */
export function newLine(
  ctx: ShipHeroCtx,
  orderId: number,
  line: LineInput,
  lockedTo: number | null,
): LineItemRecord {
  const now = isoDateTime(ctx.now)
  return {
    id: nextId(ctx.state, 'lineItem'),
    order_id: orderId,
    sku: line.sku.trim(),
    partner_line_item_id: line.partner_line_item_id,
    quantity: line.quantity,
    price: line.price,
    product_name: (line.product_name as string | undefined) ?? null,
    ...pick(line, LINE_FIELDS),
    fulfillment_status: (line.fulfillment_status as string | undefined) ?? 'pending',
    quantity_pending_fulfillment: line.quantity,
    quantity_shipped: 0,
    quantity_allocated: 0,
    backorder_quantity: 0,
    warehouse_id: null,
    locked_to_warehouse_id: lockedTo,
    created_at: now,
    updated_at: now,
  }
}
