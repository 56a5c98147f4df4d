import type { GraphQLResolveInfo } from 'graphql'
import { scopeAccount, type ShipHeroCtx } from './context.ts'
import { byIds, filters, inRange, narrowed, page } from './lists.ts'
import { invalid, notFound } from './errors.ts'
import { legacyIdOf } from './ids.ts'
import { canSee } from './orders.ts'
import type { ShipmentRow } from './rows.ts'

/**
 * Shipments: reading them (`shipment`, `shipments` with its filters) and the fields of a
 * shipment and its line items. Creating one is in shipment-mutations.ts.
 * @see https://developer.shiphero.com/schema/ (Shipment)
 */
type ShipmentsArgs = {
  ids?: Array<string | null> | null
  customer_account_id?: string | null
  order_id?: string | null
  date_from?: number | null
  date_to?: number | null
  order_date_from?: number | null
  order_date_to?: number | null
  tracking_number?: string | null
  alternate_tracking_id?: string | null
  voided?: boolean | null
}

export const shipmentQueries = {
  shipment(_: unknown, args: { id?: string | null }, ctx: ShipHeroCtx) {
    if (args.id == null) throw invalid('Provide the shipment id')
    const id = legacyIdOf(args.id, 'Shipment')
    const shipment = id !== undefined ? ctx.state.shipments.get(id) : undefined
    if (!shipment || !canSee(ctx, shipment.account_id)) throw notFound('Shipment')
    return { data: shipment }
  },
  shipments(_: unknown, args: ShipmentsArgs, ctx: ShipHeroCtx) {
    const account = scopeAccount(ctx, args.customer_account_id)
    const ids = args.ids
      ?.filter((i): i is string => i != null)
      .map((i) => legacyIdOf(i, 'Shipment') ?? -1)
    const named = ids && new Set(ids)
    const orderId = args.order_id != null ? (legacyIdOf(args.order_id, 'Order') ?? -1) : undefined
    return {
      data: (a: Record<string, unknown>, c: ShipHeroCtx, info: GraphQLResolveInfo) => {
        // The shipments named, an order's, or the account's, from their index: a page of the
        // account's costs the page when nothing else filters.
        const base = ids
          ? byIds(ctx.state.shipments, ids)
          : orderId !== undefined
            ? ctx.state.shipments.lookup('order', orderId)
            : { table: ctx.state.shipments, index: 'account', key: account.id }
        const rows =
          args.voided === true || args.alternate_tracking_id != null
            ? [] // labels are never voided here, and carry no alternate tracking ids
            : narrowed(
                base,
                !filters(args)
                  ? undefined
                  : (s: ShipmentRow) => {
                      if (
                        s.account_id !== account.id ||
                        (named && !named.has(s.id)) ||
                        (orderId !== undefined && s.order_id !== orderId)
                      )
                        return false
                      if (
                        args.tracking_number != null &&
                        !s.labels.some((l) => l.tracking_number === args.tracking_number)
                      )
                        return false
                      if (!inRange(s.created_date, args.date_from, args.date_to)) return false
                      if (args.order_date_from != null || args.order_date_to != null)
                        return inRange(
                          ctx.state.orders.get(s.order_id)?.order_date,
                          args.order_date_from,
                          args.order_date_to,
                        )
                      return true
                    },
              )
        return page(c, info, rows, a)
      },
    }
  },
}

export const shipmentFields = {
  Shipment: {
    line_items: (
      s: ShipmentRow,
      args: Record<string, unknown>,
      ctx: ShipHeroCtx,
      info: GraphQLResolveInfo,
    ) =>
      page(
        ctx,
        info,
        s.line_items.map((l) => ({ ...l, shipment_id: s.id, order_id: s.order_id })),
        args,
      ),
    shipping_labels: (s: ShipmentRow) =>
      s.labels.map((l) => ({
        ...l,
        shipment_id: s.id,
        order_id: s.order_id,
        account_id: s.account_id,
        warehouse_id: s.warehouse_id,
      })),
    warehouse: (s: ShipmentRow, _: unknown, ctx: ShipHeroCtx) =>
      ctx.state.warehouses.get(s.warehouse_id),
    order: (s: ShipmentRow, _: unknown, ctx: ShipHeroCtx) => ctx.state.orders.get(s.order_id),
    total_packages: (s: ShipmentRow) => Math.max(1, s.labels.length),
    completed: () => true,
    delivered: () => false,
    picked_up: () => false,
    refunded: () => false,
    needs_refund: () => false,
    dropshipment: () => false,
  },
  ShipmentLineItem: {
    line_item: (l: { line_item_id: number; order_id: number }, _: unknown, ctx: ShipHeroCtx) =>
      ctx.state.orders.get(l.order_id)?.line_items.find((x) => x.id === l.line_item_id) ?? null,
  },
  ShippingLabel: {
    order: (l: { order_id: number }, _: unknown, ctx: ShipHeroCtx) =>
      ctx.state.orders.get(l.order_id),
    order_number: (l: { order_id: number }, _: unknown, ctx: ShipHeroCtx) =>
      ctx.state.orders.get(l.order_id)?.order_number ?? null,
    warehouse: (l: { warehouse_id: number }, _: unknown, ctx: ShipHeroCtx) =>
      ctx.state.warehouses.get(l.warehouse_id)?.identifier ?? null,
  },
}
