import type { ShipHeroCtx } from './context.ts'
import { toGlobalId } from './ids.ts'
import { availableOf, findProduct, findWarehouseProduct } from './inventory.ts'
import type { AllocationRecord, LineItemRecord, OrderRow, WarehouseProductRow } from './rows.ts'
import { isoDateTime } from './dates.ts'
import { accountKeys, emit } from './webhooks.ts'

/**
 * Allocation: an order's lines take stock from the warehouse with the most available (or the one
 * a line is locked to), the rest is backordered, and releasing an order gives its stock back. Each
 * change fires ShipHero's Order Allocated / Order Deallocated webhook per warehouse.
 * @see https://developer.shiphero.com/webhooks (Order Allocated, Order Deallocated)
 */

/**
 * Plan allocations for lines: each line takes what it can from the warehouse
 * with the most available stock (or the one it is locked to). Pure: the
 * caller applies the plan.
 */
function planAllocations(
  ctx: ShipHeroCtx,
  lines: Array<{ record: LineItemRecord; productId: number }>,
) {
  const taken = new Map<number, number>()
  const plan: Array<{
    record: LineItemRecord
    wp: WarehouseProductRow | undefined
    quantity: number
  }> = []
  for (const { record, productId } of lines) {
    const candidates = ctx.state.warehouseProducts
      .lookup('product', productId)
      .filter(
        (w) =>
          w.active &&
          (record.locked_to_warehouse_id === null ||
            w.warehouse_id === record.locked_to_warehouse_id),
      )
      .map((w) => ({ w, free: availableOf(w) - (taken.get(w.id) ?? 0) }))
      .sort((a, b) => b.free - a.free || a.w.warehouse_id - b.w.warehouse_id)
    const best = candidates[0]
    const quantity = best
      ? Math.max(
          0,
          Math.min(
            record.quantity - record.quantity_allocated - record.quantity_shipped,
            best.free,
          ),
        )
      : 0
    if (best && quantity > 0) taken.set(best.w.id, (taken.get(best.w.id) ?? 0) + quantity)
    plan.push({ record, wp: best?.w, quantity })
  }
  return plan
}

/** Apply an allocation plan to stock and to the order's lines; fires Order Allocated per warehouse. */
export async function allocate(
  ctx: ShipHeroCtx,
  order: Pick<OrderRow, 'id'>,
  lines: Array<{ record: LineItemRecord; productId: number }>,
) {
  const plan = planAllocations(ctx, lines)
  const now = isoDateTime(ctx.now)
  const byWarehouse = new Map<number, AllocationRecord>()
  for (const step of plan) {
    const pending =
      step.record.quantity - step.record.quantity_allocated - step.record.quantity_shipped
    if (step.wp && step.quantity > 0) {
      await ctx.state.warehouseProducts.update(step.wp.id, (d) => {
        d.allocated += step.quantity
        d.updated_at = now
      })
      step.record.quantity_allocated += step.quantity
      step.record.warehouse_id = step.wp.warehouse_id
      let group = byWarehouse.get(step.wp.warehouse_id)
      if (!group)
        byWarehouse.set(
          step.wp.warehouse_id,
          (group = {
            warehouse_id: step.wp.warehouse_id,
            allocated_at: now,
            allocation_reference: `${order.id}-${step.wp.warehouse_id}`,
            ready_to_ship: true,
            line_items: [],
          }),
        )
      group.line_items.push({
        line_item_id: step.record.id,
        sku: step.record.sku,
        quantity_allocated: step.quantity,
      })
    }
    step.record.backorder_quantity = Math.max(0, pending - step.quantity)
  }
  return [...byWarehouse.values()]
}

export function announceAllocations(
  ctx: ShipHeroCtx,
  order: OrderRow,
  groups: AllocationRecord[],
  name: 'Order Allocated' | 'Order Deallocated',
) {
  for (const g of groups) {
    emit(
      ctx.tenant,
      order.account_id,
      name,
      {
        webhook_type: name,
        allocation_reference: g.allocation_reference,
        ...accountKeys(order.account_id),
        warehouse_id: g.warehouse_id,
        warehouse_uuid: toGlobalId('Warehouse', g.warehouse_id),
        [name === 'Order Allocated' ? 'allocated_at' : 'deallocated_at']: isoDateTime(ctx.now),
        order_number: order.order_number,
        order_id: order.id,
        order_uuid: toGlobalId('Order', order.id),
        partner_order_id: order.partner_order_id,
        line_items: g.line_items.map((l) => ({
          line_item_id: l.line_item_id,
          line_item_uuid: toGlobalId('LineItem', l.line_item_id),
          sku: l.sku,
          quantity: l.quantity_allocated,
        })),
        ready_to_ship: g.ready_to_ship,
      },
      order.shop_name,
    )
  }
}

/** Release every allocation of an order (cancel, fulfilled without shipments). */
export async function deallocate(ctx: ShipHeroCtx, order: OrderRow, lines: LineItemRecord[]) {
  const groups = new Map<number, AllocationRecord>()
  for (const line of lines) {
    if (line.quantity_allocated <= 0 || line.warehouse_id === null) continue
    const product = findProduct(ctx, ctx.state.accounts.get(order.account_id)!, line.sku)
    const wp = product ? findWarehouseProduct(ctx, product.id, line.warehouse_id) : undefined
    if (wp)
      await ctx.state.warehouseProducts.update(
        wp.id,
        (d) => void (d.allocated = Math.max(0, d.allocated - line.quantity_allocated)),
      )
    let g = groups.get(line.warehouse_id)
    if (!g)
      groups.set(
        line.warehouse_id,
        (g = {
          warehouse_id: line.warehouse_id,
          allocated_at: isoDateTime(ctx.now),
          allocation_reference: `${order.id}-${line.warehouse_id}`,
          ready_to_ship: false,
          line_items: [],
        }),
      )
    g.line_items.push({
      line_item_id: line.id,
      sku: line.sku,
      quantity_allocated: line.quantity_allocated,
    })
    line.quantity_allocated = 0
  }
  return [...groups.values()]
}
