import { findWarehouse, type ShipHeroCtx } from './context.ts'
import { invalid } from './errors.ts'
import { legacyIdOf, toGlobalId } from './ids.ts'
import { findProduct, findWarehouseProduct, moveOnHand } from './inventory.ts'
import { orderFor } from './orders.ts'
import { isoDateTime } from './dates.ts'
import { nextId } from './store.ts'
import type {
  AddressRecord,
  LineItemRecord,
  OrderRow,
  ShipmentRow,
  ShippingLabelRecord,
  WarehouseRow,
} from './rows.ts'
import { emit } from './webhooks.ts'

/**
 * Shipment mutations: `shipment_create` ships line items from a warehouse (on_hand and
 * allocated go down, each movement is an InventoryChange), labels carry the
 * tracking, the order becomes "fulfilled" once every unit has shipped, and the
 * "Shipment Update" webhook fires.
 * @see https://developer.shiphero.com/webhooks/ (Shipment Update)
 */
export interface ShipmentRequest {
  order: OrderRow
  warehouse: WarehouseRow
  address: AddressRecord
  lines: Array<{ line_item_id: string | number; quantity: number }>
  labels: Array<Record<string, unknown>>
  profile?: string | null
  shippedOffShipHero?: boolean | null
}

/** Validate everything, then write: stock, order lines, the shipment, the webhooks. */
export async function createShipment(ctx: ShipHeroCtx, req: ShipmentRequest): Promise<ShipmentRow> {
  const { order, warehouse } = req
  if (order.fulfillment_status === 'canceled') throw invalid('Order is canceled')
  if (!req.lines.length) throw invalid('line_items must not be empty')
  const account = ctx.state.accounts.get(order.account_id)!
  const wanted = new Map<number, number>()
  for (const [i, l] of req.lines.entries()) {
    const id = legacyIdOf(l.line_item_id, 'LineItem')
    const line = order.line_items.find((x) => x.id === id)
    if (!line)
      throw invalid(
        `line_items[${i}]: line item ${String(l.line_item_id)} is not in order ${order.order_number}`,
      )
    if (!Number.isInteger(l.quantity) || l.quantity <= 0)
      throw invalid(`line_items[${i}].quantity must be a positive integer`)
    wanted.set(line.id, (wanted.get(line.id) ?? 0) + l.quantity)
  }
  const steps = [...wanted].map(([id, quantity]) => {
    const line = order.line_items.find((x) => x.id === id)!
    const pending = line.quantity - line.quantity_shipped
    if (quantity > pending)
      throw invalid(`Line item ${line.sku}: ${quantity} requested but only ${pending} left to ship`)
    const product = findProduct(ctx, account, line.sku)
    const wp = product ? findWarehouseProduct(ctx, product.id, warehouse.id) : undefined
    if (!wp) throw invalid(`${line.sku} is not stocked in warehouse ${warehouse.identifier}`)
    if (wp.on_hand < quantity)
      throw invalid(
        `Not enough inventory of ${line.sku} in ${warehouse.identifier}: ${wp.on_hand} on hand, ${quantity} to ship`,
      )
    const fromAllocation =
      line.warehouse_id === warehouse.id ? Math.min(line.quantity_allocated, quantity) : 0
    return { line, wp, quantity, fromAllocation }
  })
  const labelLineIds = req.labels.flatMap((l) =>
    ((l.line_item_ids as unknown[]) ?? []).map((x) => legacyIdOf(x, 'LineItem')),
  )
  if (labelLineIds.some((id) => id === undefined || !wanted.has(id)))
    throw invalid('labels[].line_item_ids must name line items of this shipment')

  const now = isoDateTime(ctx.now)
  const shipmentId = nextId(ctx.state, 'shipment')
  for (const s of steps) {
    await moveOnHand(
      ctx,
      s.wp,
      -s.quantity,
      `Shipped order ${order.order_number} (shipment ${shipmentId})`,
      'shipment',
      (d) => {
        d.allocated = Math.max(0, d.allocated - s.fromAllocation)
      },
    )
  }
  const lines: LineItemRecord[] = order.line_items.map((l) => {
    const s = steps.find((x) => x.line.id === l.id)
    if (!s) return l
    const shipped = l.quantity_shipped + s.quantity
    return {
      ...l,
      quantity_shipped: shipped,
      quantity_pending_fulfillment: l.quantity - shipped,
      quantity_allocated: l.quantity_allocated - s.fromAllocation,
      backorder_quantity: Math.max(
        0,
        l.quantity - shipped - (l.quantity_allocated - s.fromAllocation),
      ),
      fulfillment_status: shipped >= l.quantity ? 'fulfilled' : l.fulfillment_status,
      updated_at: now,
    }
  })
  const done = lines.every((l) => l.quantity_shipped >= l.quantity)
  await ctx.state.orders.update(order.id, (d) => {
    d.line_items = lines
    d.fulfillment_status = done ? 'fulfilled' : 'partially_fulfilled'
    if (done) d.allocations = []
    d.updated_at = now
  })
  const labels: ShippingLabelRecord[] = req.labels.map((l) => ({
    id: nextId(ctx.state, 'label'),
    carrier: String(l.carrier),
    shipping_name: String(l.shipping_name),
    shipping_method: String(l.shipping_method),
    cost: String(l.cost),
    tracking_number: (l.tracking_number as string | undefined) ?? null,
    tracking_url: (l.tracking_url as string | undefined) ?? null,
    status: 'valid',
    created_date: now,
    address: (l.address as AddressRecord) ?? req.address,
    dimensions: (l.dimensions as Record<string, unknown>) ?? {},
    line_item_ids: ((l.line_item_ids as unknown[]) ?? []).map((x) => legacyIdOf(x, 'LineItem')!),
  }))
  const shipment = await ctx.state.shipments.insert({
    id: shipmentId,
    account_id: order.account_id,
    order_id: order.id,
    user_id: ctx.user.id,
    warehouse_id: warehouse.id,
    address: req.address,
    line_items: steps.map((s) => ({
      id: nextId(ctx.state, 'shipmentLineItem'),
      line_item_id: s.line.id,
      quantity: s.quantity,
    })),
    labels,
    profile: req.profile ?? 'default',
    shipped_off_shiphero: req.shippedOffShipHero ?? false,
    created_date: now,
  })
  const first = labels[0]
  emit(
    ctx.tenant,
    order.account_id,
    'Shipment Update',
    {
      test: '0',
      webhook_type: 'Shipment Update',
      fulfillment: {
        shipment_id: shipment.id,
        shipment_uuid: toGlobalId('Shipment', shipment.id),
        warehouse: warehouse.identifier,
        warehouse_id: warehouse.id,
        warehouse_uuid: toGlobalId('Warehouse', warehouse.id),
        partner_order_id: order.partner_order_id,
        order_number: order.order_number,
        order_uuid: toGlobalId('Order', order.id),
        tracking_number: first?.tracking_number ?? '',
        custom_tracking_url: first?.tracking_url ?? '',
        package_number: 1,
        total_packages: Math.max(1, labels.length),
        shipping_method: first?.shipping_method ?? '',
        shipping_carrier: first?.carrier ?? '',
        shipping_address: req.address,
        line_items: steps.map((s) => ({
          id: s.line.partner_line_item_id,
          shiphero_id: s.line.id,
          quantity: s.quantity,
          sku: s.line.sku,
          serial_numbers: [],
          customs_description: '',
          package: 1,
          lot_id: null,
          lot_name: null,
          lot_expiration: null,
        })),
      },
      packages: labels.map((l, i) => ({
        name: `Package ${i + 1}`,
        weight_in_oz: null,
        width: l.dimensions.width ?? null,
        length: l.dimensions.length ?? null,
        height: l.dimensions.height ?? null,
        line_items: l.line_item_ids.map((id) => ({ shiphero_id: id })),
        tracking_number: l.tracking_number,
      })),
    },
    order.shop_name,
  )
  return shipment
}

export const shipmentMutations = {
  async shipment_create(
    _: unknown,
    {
      data,
    }: {
      data: {
        customer_account_id?: string | null
        order_id: string
        warehouse_id: string
        address: AddressRecord
        line_items: Array<{ line_item_id: string; quantity: number } | null>
        labels?: Array<Record<string, unknown> | null> | null
        profile?: string | null
        shipped_off_shiphero?: boolean | null
      }
    },
    ctx: ShipHeroCtx,
  ) {
    const order = orderFor(ctx, data)
    const warehouse = findWarehouse(
      ctx,
      ctx.state.accounts.get(order.account_id)!,
      data.warehouse_id,
    )
    const shipment = await createShipment(ctx, {
      order,
      warehouse,
      address: data.address,
      lines: data.line_items.filter(
        (l): l is { line_item_id: string; quantity: number } => l != null,
      ),
      labels: (data.labels ?? []).filter((l): l is Record<string, unknown> => l != null),
      profile: data.profile,
      shippedOffShipHero: data.shipped_off_shiphero,
    })
    return { shipment }
  },
}
