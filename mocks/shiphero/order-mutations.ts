import { scopeAccount, type ShipHeroCtx, pick } from './context.ts'
import { invalid } from './errors.ts'
import { toGlobalId } from './ids.ts'
import { allocate, announceAllocations, deallocate } from './allocation.ts'
import { isoDateTime } from './dates.ts'
import { nextId } from './store.ts'
import type { AllocationRecord, OrderRow } from './rows.ts'
import { orderFor, HOLDS } from './orders.ts'
import {
  CLOSED,
  checkLines,
  dates,
  newLine,
  ORDER_FIELDS,
  type Input,
  type LineInput,
} from './order-input.ts'
import { accountKeys, emit } from './webhooks.ts'

/**
 * Order mutations: creation with line items that allocate stock where it is
 * available (the rest backordered), free-string `fulfillment_status`
 * ("pending", "partially_fulfilled", "fulfilled", "canceled", or anything a
 * client sets), cancellation releasing allocations, money kept as sent.
 * @see https://developer.shiphero.com/schema/ (Order, CreateOrderInput)
 */
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
