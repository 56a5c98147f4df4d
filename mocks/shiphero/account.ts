import type { GraphQLResolveInfo } from 'graphql'
import { warehouseAccountOf, type ShipHeroCtx } from './context.ts'
import { page } from './lists.ts'
import { CODES, notFound, shipHeroError } from './errors.ts'
import { fromGlobalId, toGlobalId } from './ids.ts'
import { creditsOf } from './throttle.ts'
import type { AccountRow, UserRow } from './rows.ts'

/**
 * Who is calling: `account` (with a 3PL's `customers` and the warehouses),
 * `me`, `user_quota`, and the id helpers `uuid` and `node`.
 * @see https://developer.shiphero.com/getting-started/ (3PLs, Converting legacy ids)
 */
const ENTITY_TABLES = {
  Account: 'accounts',
  User: 'users',
  Warehouse: 'warehouses',
  Product: 'products',
  WarehouseProduct: 'warehouseProducts',
  Order: 'orders',
  Shipment: 'shipments',
} as const

/** Whether an entity with this legacy id exists for the caller (types the simulator keeps). */
function exists(ctx: ShipHeroCtx, entity: string, legacyId: number): boolean | undefined {
  if (entity === 'LineItem') return ctx.state.orders.lookup('lineItem', legacyId).length > 0
  if (entity === 'ShippedLineItem')
    return ctx.state.shipments.lookup('lineItem', legacyId).length > 0
  const table = ENTITY_TABLES[entity as keyof typeof ENTITY_TABLES]
  if (!table) return undefined
  return ctx.state[table].get(legacyId) !== undefined
}

export const accountQueries = {
  account: (_: unknown, __: unknown, ctx: ShipHeroCtx) => ({ data: ctx.account }),
  me: (_: unknown, __: unknown, ctx: ShipHeroCtx) => ({ data: ctx.user }),
  user_quota: (_: unknown, __: unknown, ctx: ShipHeroCtx) => ({
    is_expired: false,
    expiration_date: null,
    time_remaining: null,
    credits_remaining: Math.floor(creditsOf(ctx.state, ctx.user.id, ctx.now)),
    max_available: ctx.state.throttle.capacity,
    increment_rate: ctx.state.throttle.refillPerSecond,
  }),
  uuid(_: unknown, args: { legacy_id: number; entity: string }, ctx: ShipHeroCtx) {
    const found = exists(ctx, args.entity, args.legacy_id)
    if (found === false) throw notFound(args.entity)
    return { data: { legacy_id: args.legacy_id, id: toGlobalId(args.entity, args.legacy_id) } }
  },
  node(_: unknown, args: { id: string }, ctx: ShipHeroCtx) {
    const decoded = fromGlobalId(args.id)
    if (!decoded || !exists(ctx, decoded.type, decoded.legacyId)) throw notFound('Node')
    // ShipHero's public schema declares `Node` but no type implementing it, so there is nothing to return it as.
    throw shipHeroError(
      CODES.invalidArgument,
      `node(id) cannot resolve ${decoded.type}:${decoded.legacyId}: no type implements Node in ShipHero's public schema. Use the ${decoded.type.toLowerCase()} query instead.`,
    )
  },
}

export const accountFields = {
  Account: {
    customers: (
      a: AccountRow,
      args: Record<string, unknown>,
      ctx: ShipHeroCtx,
      info: GraphQLResolveInfo,
    ) => {
      // A warehouse filter keeps customers with stock there.
      const wid =
        typeof args.warehouse_id === 'string'
          ? (fromGlobalId(args.warehouse_id)?.legacyId ?? Number(args.warehouse_id))
          : undefined
      const rows = ctx.state.accounts.filter(
        (c) =>
          c.parent_id === a.id &&
          (wid === undefined ||
            ctx.state.warehouseProducts
              .lookup('account', c.id)
              .some((w) => w.warehouse_id === wid)),
      )
      return page(ctx, info, rows, args)
    },
    warehouses: (a: AccountRow, _: unknown, ctx: ShipHeroCtx) =>
      ctx.state.warehouses.filter((w) => w.account_id === warehouseAccountOf(a)),
    is_multi_warehouse: (a: AccountRow, _: unknown, ctx: ShipHeroCtx) =>
      ctx.state.warehouses.filter((w) => w.account_id === warehouseAccountOf(a)).length > 1,
    dynamic_slotting: () => false,
    cycle_count_enabled: () => false,
    ship_backorders: () => false,
  },
  AuthenticatedUser: {
    account: (u: UserRow, _: unknown, ctx: ShipHeroCtx) => ctx.state.accounts.get(u.account_id),
    allowed_warehouses: (u: UserRow, _: unknown, ctx: ShipHeroCtx) =>
      ctx.state.warehouses.filter(
        (w) => w.account_id === warehouseAccountOf(ctx.state.accounts.get(u.account_id)!),
      ),
    default_warehouse_id: (u: UserRow, _: unknown, ctx: ShipHeroCtx) => {
      const w = ctx.state.warehouses.find(
        (x) => x.account_id === warehouseAccountOf(ctx.state.accounts.get(u.account_id)!),
      )
      return w ? toGlobalId('Warehouse', w.id) : null
    },
    stores: () => [],
    scopes: () => ['openid', 'profile', 'offline_access'],
  },
}
