import { scopeAccount, warehouseAccountOf, type ShipHeroCtx, pick } from './context.ts'
import { invalid, notFound } from './errors.ts'
import { legacyIdOf, toGlobalId } from './ids.ts'
import { allocate, announceAllocations, deallocate } from './allocation.ts'
import { findProduct } from './inventory.ts'
import { isoDateTime } from './dates.ts'
import { nextId } from './store.ts'
import type { AccountRow, AllocationRecord, LineItemRecord, OrderRow } from './rows.ts'
import { orderFor, HOLDS } from './orders.ts'
import { accountKeys, emit } from './webhooks.ts'

/**
 * Order mutations: creation with line items that allocate stock where it is
 * available (the rest backordered), free-string `fulfillment_status`
 * ("pending", "partially_fulfilled", "fulfilled", "canceled", or anything a
 * client sets), cancellation releasing allocations, money kept as sent.
 * @see https://developer.shiphero.com/schema/ (Order, CreateOrderInput)
 */
type Input = Record<string, unknown>
type LineInput = {
  sku: string
  partner_line_item_id: string
  quantity: number
  price: string
  warehouse_id?: string | null
  [k: string]: unknown
}

const ORDER_FIELDS = [
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
const CLOSED = new Set(['canceled', 'fulfilled'])

const dates = (data: Input) => {
  const out: Input = {}
  for (const f of DATE_FIELDS)
    if (data[f] !== undefined)
      out[f] = typeof data[f] === 'number' ? isoDateTime(data[f] as number) : data[f]
  return out
}

/** Check new line items against the catalog and the order; returns the products by line. */
function checkLines(
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

function newLine(
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

/** Set an order's status with its effects; shared by order_update, order_cancel and order_update_fulfillment_status. */
async function setStatus(ctx: ShipHeroCtx, order: OrderRow, status: string, fields: Input = {}) {
  const lines = order.line_items.map((l) => ({ ...l }))
  let released: AllocationRecord[] = []
  if (status === 'canceled' || status === 'fulfilled')
    released = await deallocate(ctx, order, lines)
  if (status === 'canceled')
    for (const l of lines) {
      l.fulfillment_status = 'canceled'
      l.backorder_quantity = 0
    }
  const updated = await ctx.state.orders.update(order.id, (d) => {
    Object.assign(d, fields)
    d.fulfillment_status = status
    d.line_items = lines
    if (released.length) d.allocations = []
    d.updated_at = isoDateTime(ctx.now)
  })
  if (released.length) announceAllocations(ctx, updated, released, 'Order Deallocated')
  if (status === 'canceled' && order.fulfillment_status !== 'canceled') {
    emit(
      ctx.tenant,
      order.account_id,
      'Order Canceled',
      {
        test: '0',
        webhook_type: 'Order Canceled',
        ...accountKeys(order.account_id),
        order_id: order.id,
        order_uuid: toGlobalId('Order', order.id),
        order_number: order.order_number,
        partner_order_id: order.partner_order_id,
        fulfillment_status: 'canceled',
      },
      order.shop_name,
    )
  }
  return updated
}

export const orderMutations = {
  async order_create(
    _: unknown,
    {
      data,
    }: {
      data: Input & {
        customer_account_id?: string | null
        line_items?: Array<LineInput | null> | null
        tags?: Array<string | null> | null
      }
    },
    ctx: ShipHeroCtx,
  ) {
    const account = scopeAccount(ctx, data.customer_account_id)
    const inputs = (data.line_items ?? []).filter((l): l is LineInput => l != null)
    const checked = checkLines(ctx, account, inputs)
    const id = nextId(ctx.state, 'order')
    const now = isoDateTime(ctx.now)
    const records = checked.map((c) => ({
      record: newLine(ctx, id, c.line, c.lockedTo),
      productId: c.product.id,
    }))
    const holds: Record<string, boolean> = Object.fromEntries(
      HOLDS.map((h) => [h, Boolean((data.holds as Record<string, unknown> | undefined)?.[h])]),
    )
    const status =
      typeof data.fulfillment_status === 'string' && data.fulfillment_status.trim()
        ? data.fulfillment_status.trim()
        : 'pending'
    const groups = CLOSED.has(status) ? [] : await allocate(ctx, { id }, records)
    const order = await ctx.state.orders.insert({
      id,
      account_id: account.id,
      ...pick(data, ORDER_FIELDS),
      ...dates(data),
      shipping_address: data.shipping_address as Record<string, unknown>,
      order_number:
        typeof data.order_number === 'string' && data.order_number ? data.order_number : String(id),
      partner_order_id: (data.partner_order_id as string | undefined) ?? null,
      shop_name: typeof data.shop_name === 'string' && data.shop_name ? data.shop_name : 'Api',
      fulfillment_status: status,
      order_date: typeof data.order_date === 'number' ? isoDateTime(data.order_date) : now,
      holds,
      tags: (data.tags ?? []).filter((t): t is string => !!t),
      line_items: records.map((r) => r.record),
      allocations: groups,
      source: 'api',
      created_at: now,
      updated_at: now,
    })
    announceAllocations(ctx, order, groups, 'Order Allocated')
    return { order }
  },

  async order_update(
    _: unknown,
    { data }: { data: Input & { customer_account_id?: string | null; order_id: string } },
    ctx: ShipHeroCtx,
  ) {
    const order = orderFor(ctx, data)
    const fields: Input = { ...pick(data, ORDER_FIELDS), ...dates(data) }
    for (const f of ['order_number'] as const) if (typeof data[f] === 'string') fields[f] = data[f]
    if (data.tags !== undefined)
      fields.tags = ((data.tags as Array<string | null> | null) ?? []).filter(
        (t): t is string => !!t,
      )
    if (data.history_entry !== undefined)
      fields.history = [...((order.history as unknown[]) ?? []), data.history_entry]
    const status =
      typeof data.fulfillment_status === 'string' && data.fulfillment_status.trim()
        ? data.fulfillment_status.trim()
        : undefined
    if (status && status !== order.fulfillment_status)
      return { order: await setStatus(ctx, order, status, fields) }
    const updated = await ctx.state.orders.update(order.id, (d) => {
      Object.assign(d, fields)
      d.updated_at = isoDateTime(ctx.now)
    })
    return { order: updated }
  },

  async order_cancel(
    _: unknown,
    {
      data,
    }: {
      data: {
        customer_account_id?: string | null
        order_id: string
        reason?: string | null
        void_on_platform?: boolean | null
        force?: boolean | null
      }
    },
    ctx: ShipHeroCtx,
  ) {
    const order = orderFor(ctx, data)
    if (order.fulfillment_status === 'canceled') throw invalid('Order is already canceled')
    const shipped = order.line_items.some((l) => l.quantity_shipped > 0)
    if (shipped && !data.force)
      throw invalid(
        'Order has shipments and cannot be canceled; pass force: true to cancel what is left',
      )
    return {
      order: await setStatus(
        ctx,
        order,
        'canceled',
        data.reason ? { cancel_reason: data.reason } : {},
      ),
    }
  },

  async order_update_fulfillment_status(
    _: unknown,
    {
      data,
    }: {
      data: {
        customer_account_id?: string | null
        order_id: string
        fulfillment_status: string
        remove_inventory?: boolean | null
        reason?: string | null
      }
    },
    ctx: ShipHeroCtx,
  ) {
    const order = orderFor(ctx, data)
    const status = data.fulfillment_status.trim()
    if (!status) throw invalid('fulfillment_status must not be empty')
    if (data.remove_inventory)
      throw invalid(
        'remove_inventory is not supported by the simulator; create a shipment (shipment_create) to move stock',
      )
    return { order: await setStatus(ctx, order, status) }
  },

  async order_add_line_items(
    _: unknown,
    {
      data,
    }: {
      data: {
        customer_account_id?: string | null
        order_id: string
        line_items: Array<LineInput | null>
      }
    },
    ctx: ShipHeroCtx,
  ) {
    const order = orderFor(ctx, data)
    if (CLOSED.has(order.fulfillment_status))
      throw invalid(`Order is ${order.fulfillment_status}; line items cannot be added`)
    const inputs = data.line_items.filter((l): l is LineInput => l != null)
    if (!inputs.length) throw invalid('line_items must not be empty')
    const account = ctx.state.accounts.get(order.account_id)!
    const checked = checkLines(ctx, account, inputs, order.line_items)
    const records = checked.map((c) => ({
      record: newLine(ctx, order.id, c.line, c.lockedTo),
      productId: c.product.id,
    }))
    const groups = await allocate(ctx, order, records)
    const updated = await ctx.state.orders.update(order.id, (d) => {
      d.line_items = [...d.line_items, ...records.map((r) => r.record)]
      for (const g of groups) {
        const existing = d.allocations.find((a) => a.warehouse_id === g.warehouse_id)
        if (existing) existing.line_items.push(...g.line_items)
        else d.allocations.push(g)
      }
      d.updated_at = isoDateTime(ctx.now)
    })
    announceAllocations(ctx, updated, groups, 'Order Allocated')
    return { order: updated }
  },
}
