import type { GraphQLResolveInfo } from 'graphql'
import { scopeAccount, skuKey, type ShipHeroCtx } from './context.ts'
import { byIds, filters, inRange, narrowed, page } from './lists.ts'
import { invalid, notFound } from './errors.ts'
import { legacyIdOf } from './ids.ts'
import { findProduct } from './inventory.ts'
import type { AccountRow, LineItemRecord, OrderRow } from './rows.ts'

/**
 * Orders: reading them (`order`, `orders` with its filters) and the fields of an order, its
 * line items, shipments and allocations. Writes are in order-mutations.ts.
 * @see https://developer.shiphero.com/schema/ (Order)
 */
/** The holds an order may carry (set and read by name). */
export const HOLDS = [
  'fraud_hold',
  'address_hold',
  'shipping_method_hold',
  'operator_hold',
  'payment_hold',
  'client_hold',
] as const

/** The order an id argument names, if the caller's account (or its 3PL) may see it. */
export function findOrder(ctx: ShipHeroCtx, value: unknown, account?: AccountRow): OrderRow {
  const id = legacyIdOf(value, 'Order')
  const order = id !== undefined ? ctx.state.orders.get(id) : undefined
  if (!order || !canSee(ctx, order.account_id, account)) throw notFound('Order')
  return order
}

/** The order a mutation's `order_id` names, looked for within `customer_account_id` when it gives one. */
export const orderFor = (
  ctx: ShipHeroCtx,
  data: { order_id: string; customer_account_id?: string | null },
): OrderRow =>
  findOrder(
    ctx,
    data.order_id,
    data.customer_account_id != null ? scopeAccount(ctx, data.customer_account_id) : undefined,
  )

/** An account sees its own data; a 3PL also its customers' unless scoped to one. */
export function canSee(ctx: ShipHeroCtx, accountId: number, scoped?: AccountRow): boolean {
  if (scoped) return accountId === scoped.id
  if (accountId === ctx.account.id) return true
  return ctx.state.accounts.get(accountId)?.parent_id === ctx.account.id
}

type OrdersArgs = Record<string, unknown>
const strList = (v: unknown) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined

export const orderQueries = {
  order(_: unknown, args: { id: string }, ctx: ShipHeroCtx) {
    return { data: findOrder(ctx, args.id) }
  },

  orders(_: unknown, args: OrdersArgs, ctx: ShipHeroCtx) {
    const scoped =
      args.customer_account_id != null ? scopeAccount(ctx, args.customer_account_id) : ctx.account
    const ids = strList(args.ids)?.map((i) => legacyIdOf(i, 'Order') ?? -1)
    const named = ids && new Set(ids)
    const wid =
      args.warehouse_id != null ? (legacyIdOf(args.warehouse_id, 'Warehouse') ?? -1) : undefined
    const awid =
      args.allocated_warehouse_id != null
        ? (legacyIdOf(args.allocated_warehouse_id, 'Warehouse') ?? -1)
        : undefined
    const notIn = strList(args.fulfillment_status_not_in)
    const sku = typeof args.sku === 'string' ? skuKey(args.sku) : undefined
    const eq = (field: string, value: unknown, row: OrderRow) =>
      value == null || row[field] === value
    const hold = (name: string, row: OrderRow) =>
      args[name] == null || Boolean(row.holds[name]) === args[name]
    // The orders named, or the account's, from their index; with no other filter a page costs the page.
    const base = ids
      ? byIds(ctx.state.orders, ids)
      : { table: ctx.state.orders, index: 'account', key: scoped.id }
    const match = (o: OrderRow) =>
      o.account_id === scoped.id &&
      (!named || named.has(o.id)) &&
      eq('shop_name', args.shop_name, o) &&
      eq('partner_order_id', args.partner_order_id, o) &&
      eq('order_number', args.order_number, o) &&
      eq('fulfillment_status', args.fulfillment_status, o) &&
      eq('email', args.email, o) &&
      eq('profile', args.profile, o) &&
      !notIn?.includes(o.fulfillment_status) &&
      (wid === undefined ||
        o.line_items.some((l) => l.warehouse_id === wid || l.locked_to_warehouse_id === wid)) &&
      (awid === undefined || o.allocations.some((a) => a.warehouse_id === awid)) &&
      (sku === undefined || o.line_items.some((l) => skuKey(l.sku) === sku)) &&
      (args.tag == null || o.tags.includes(args.tag as string)) &&
      (args.has_hold == null || HOLDS.some((h) => o.holds[h]) === args.has_hold) &&
      hold('operator_hold', o) &&
      hold('address_hold', o) &&
      hold('payment_hold', o) &&
      hold('fraud_hold', o) &&
      (args.ready_to_ship == null ||
        (o.allocations.length > 0 && o.line_items.every((l) => l.backorder_quantity === 0)) ===
          args.ready_to_ship) &&
      (args.has_backorder == null ||
        o.line_items.some((l) => l.backorder_quantity > 0) === args.has_backorder) &&
      (args.is_wholesale_order == null || args.is_wholesale_order === false) &&
      (args.pause_shipping == null || args.pause_shipping === false) &&
      inRange(o.updated_at, args.updated_from, args.updated_to) &&
      inRange(o.order_date, args.order_date_from, args.order_date_to) &&
      inRange(o.created_at, args.created_from, args.created_to) &&
      inRange(o.required_ship_date, args.required_ship_date_from, args.required_ship_date_to) &&
      (args.allocated_from == null && args.allocated_to == null
        ? true
        : o.allocations.some((a) =>
            inRange(a.allocated_at, args.allocated_from, args.allocated_to),
          ))
    return {
      data: (a: Record<string, unknown>, c: ShipHeroCtx, info: GraphQLResolveInfo) =>
        page(c, info, narrowed(base, filters(args) ? match : undefined), a),
    }
  },
}

export const orderFields = {
  Order: {
    line_items: (
      o: OrderRow,
      args: Record<string, unknown>,
      ctx: ShipHeroCtx,
      info: GraphQLResolveInfo,
    ) => {
      if (args.search != null)
        throw invalid('line_items(search:) is not supported by the simulator')
      return page(ctx, info, o.line_items, args)
    },
    shipments: (o: OrderRow, _: unknown, ctx: ShipHeroCtx) =>
      ctx.state.shipments.lookup('order', o.id),
    allocations: (o: OrderRow) =>
      o.allocations.map((a) => ({
        ...a,
        order_id: o.id,
        line_items: a.line_items.map((l) => ({
          ...l,
          order_id: o.id,
          warehouse_id: a.warehouse_id,
          allocated_at: a.allocated_at,
          allocation_reference: a.allocation_reference,
          is_kit_component: false,
        })),
      })),
    ready_to_ship: (o: OrderRow) =>
      o.allocations.length > 0 && o.line_items.every((l) => l.backorder_quantity === 0),
  },
  LineItem: {
    product: (l: LineItemRecord, _: unknown, ctx: ShipHeroCtx) => {
      const order = ctx.state.orders.get(l.order_id as number)
      const account = order ? ctx.state.accounts.get(order.account_id) : undefined
      return account ? (findProduct(ctx, account, l.sku) ?? null) : null
    },
    warehouse: (l: LineItemRecord, _: unknown, ctx: ShipHeroCtx) =>
      l.warehouse_id !== null
        ? (ctx.state.warehouses.get(l.warehouse_id)?.identifier ?? null)
        : null,
    subtotal: (l: LineItemRecord) => {
      const n = Number(l.price)
      return Number.isFinite(n) ? (n * l.quantity).toFixed(2) : null
    },
  },
}
