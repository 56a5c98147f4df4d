import type { GraphQLResolveInfo } from 'graphql'
import { findWarehouse, scopeAccount, skuKey, type ShipHeroCtx } from './context.ts'
import { filters, inRange, narrowed, page } from './lists.ts'
import { invalid, notFound } from './errors.ts'
import { legacyIdOf, toGlobalId } from './ids.ts'
import { isoDateTime } from './dates.ts'
import { nextId, productKey } from './store.ts'
import type {
  AccountRow,
  InventoryChangeRow,
  ProductRow,
  WarehouseProductRow,
  WarehouseRow,
} from './rows.ts'
import { accountKeys, emit } from './webhooks.ts'

/**
 * Inventory: `on_hand` per (sku, warehouse), `allocated` by orders,
 * `available = on_hand − allocated − reserve_inventory` (never below 0), every
 * on-hand movement recorded as an InventoryChange and announced by the
 * "Inventory Update" and "Inventory Change" webhooks.
 * @see https://developer.shiphero.com/webhooks/ (Inventory Update, Inventory Change)
 */
export const availableOf = (wp: WarehouseProductRow) =>
  Math.max(0, wp.on_hand - wp.allocated - wp.reserve_inventory)

export function findProduct(
  ctx: ShipHeroCtx,
  account: AccountRow,
  sku: string,
): ProductRow | undefined {
  return ctx.state.products.lookup('sku', productKey(account.id, sku))[0]
}

export function requireProduct(ctx: ShipHeroCtx, account: AccountRow, sku: string): ProductRow {
  const product = findProduct(ctx, account, sku)
  if (!product) throw notFound('Product')
  return product
}

export function findWarehouseProduct(ctx: ShipHeroCtx, productId: number, warehouseId: number) {
  return ctx.state.warehouseProducts
    .lookup('product', productId)
    .find((w) => w.warehouse_id === warehouseId)
}

/**
 * Move on-hand stock by `delta` and record it. Callers check bounds first;
 * this only writes. Fires the inventory webhooks.
 */
export async function moveOnHand(
  ctx: ShipHeroCtx,
  wp: WarehouseProductRow,
  delta: number,
  reason: string,
  source = 'api',
  extra: (draft: WarehouseProductRow) => void = () => undefined,
) {
  const previous = wp.on_hand
  const now = isoDateTime(ctx.now)
  const updated = await ctx.state.warehouseProducts.update(wp.id, (d) => {
    d.on_hand += delta
    d.updated_at = now
    extra(d)
  })
  if (delta !== 0) {
    await ctx.state.inventoryChanges.insert({
      id: nextId(ctx.state, 'inventoryChange'),
      account_id: wp.account_id,
      user_id: ctx.user.id,
      warehouse_id: wp.warehouse_id,
      product_id: wp.product_id,
      sku: wp.sku,
      previous_on_hand: previous,
      change_in_on_hand: delta,
      reason,
      created_at: now,
    })
    announce(ctx, updated, previous, delta, reason, source)
  }
  return updated
}

/** The inventory webhooks for one movement. */
export function announce(
  ctx: ShipHeroCtx,
  wp: WarehouseProductRow,
  previous: number,
  delta: number,
  reason: string,
  source: string,
) {
  const warehouse = ctx.state.warehouses.get(wp.warehouse_id)!
  emit(ctx.tenant, wp.account_id, 'Inventory Update', {
    ...accountKeys(wp.account_id),
    webhook_type: 'Inventory Update',
    inventory: [
      {
        sku: wp.sku,
        inventory: String(availableOf(wp)),
        backorder_quantity: String(wp.backorder),
        on_hand: String(wp.on_hand),
        warehouse_id: wp.warehouse_id,
        warehouse_uuid: toGlobalId('Warehouse', wp.warehouse_id),
        warehouse_identifier: warehouse.identifier,
      },
    ],
  })
  emit(ctx.tenant, wp.account_id, 'Inventory Change', {
    webhook_type: 'Inventory Change',
    ...accountKeys(wp.account_id),
    warehouse_id: wp.warehouse_id,
    warehouse_uuid: toGlobalId('Warehouse', wp.warehouse_id),
    user_id: ctx.user.id,
    user_uuid: toGlobalId('User', ctx.user.id),
    sku: wp.sku,
    quantity: delta,
    location_name: null,
    previous_on_hand: previous,
    timestamp: isoDateTime(ctx.now).replace('T', ' ').slice(0, 19),
    reason,
    source,
  })
}

type UpdateInventoryInput = {
  customer_account_id?: string | null
  sku: string
  warehouse_id: string
  quantity: number
  reason?: string | null
  location_id?: string | null
  lpn_id?: string | null
  includes_non_sellable?: boolean | null
}

function target(
  ctx: ShipHeroCtx,
  data: UpdateInventoryInput,
): { product: ProductRow; warehouse: WarehouseRow; wp: WarehouseProductRow } {
  const account = scopeAccount(ctx, data.customer_account_id)
  if (data.location_id || data.lpn_id)
    throw invalid(
      'location_id and lpn_id are not supported by the simulator (no bin locations); leave them out',
    )
  const product = requireProduct(ctx, account, data.sku)
  const warehouse = findWarehouse(ctx, account, data.warehouse_id)
  const wp = findWarehouseProduct(ctx, product.id, warehouse.id)
  if (!wp) throw notFound('Warehouse product')
  return { product, warehouse, wp }
}

export const inventoryMutations = {
  async inventory_add(_: unknown, { data }: { data: UpdateInventoryInput }, ctx: ShipHeroCtx) {
    if (data.quantity <= 0) throw invalid('quantity must be a positive integer')
    const { wp } = target(ctx, data)
    return {
      warehouse_product: await moveOnHand(ctx, wp, data.quantity, data.reason ?? 'inventory_add'),
    }
  },
  async inventory_subtract(_: unknown, { data }: { data: UpdateInventoryInput }, ctx: ShipHeroCtx) {
    if (data.quantity <= 0) throw invalid('quantity must be a positive integer')
    const { wp } = target(ctx, data)
    if (data.quantity > wp.on_hand)
      throw invalid(`Cannot subtract ${data.quantity}: only ${wp.on_hand} on hand for ${wp.sku}`)
    return {
      warehouse_product: await moveOnHand(
        ctx,
        wp,
        -data.quantity,
        data.reason ?? 'inventory_subtract',
      ),
    }
  },
  async inventory_replace(_: unknown, { data }: { data: UpdateInventoryInput }, ctx: ShipHeroCtx) {
    if (data.quantity < 0) throw invalid('quantity must not be negative')
    const { wp } = target(ctx, data)
    return {
      warehouse_product: await moveOnHand(
        ctx,
        wp,
        data.quantity - wp.on_hand,
        data.reason ?? 'inventory_replace',
      ),
    }
  },
}

type InventoryChangesArgs = {
  sku?: string | null
  warehouse_id?: string | null
  location_id?: string | null
  location_name?: string | null
  date_from?: number | null
  date_to?: number | null
  customer_account_id?: string | null
  reason?: string | null
}

export const inventoryQueries = {
  inventory_changes(_: unknown, args: InventoryChangesArgs, ctx: ShipHeroCtx) {
    const account = scopeAccount(ctx, args.customer_account_id)
    const warehouseId =
      args.warehouse_id != null ? (legacyIdOf(args.warehouse_id, 'Warehouse') ?? -1) : undefined
    const sku = args.sku != null ? skuKey(args.sku) : undefined
    return {
      data: (a: Record<string, unknown>, c: ShipHeroCtx, info: GraphQLResolveInfo) => {
        // Locations are not simulated: a location filter matches nothing. The SKU's changes or the
        // account's come from their index; a page of the account's costs the page when nothing
        // else filters.
        const base = {
          table: ctx.state.inventoryChanges,
          ...(sku !== undefined
            ? { index: 'sku', key: productKey(account.id, sku) }
            : { index: 'account', key: account.id }),
        }
        const rows =
          args.location_id != null || args.location_name != null
            ? []
            : narrowed(
                base,
                !filters(args)
                  ? undefined
                  : (r: InventoryChangeRow) =>
                      r.account_id === account.id &&
                      (sku === undefined || skuKey(r.sku) === sku) &&
                      (warehouseId === undefined || r.warehouse_id === warehouseId) &&
                      (args.reason == null || r.reason === args.reason) &&
                      inRange(r.created_at, args.date_from, args.date_to),
              )
        return page(c, info, rows, a)
      },
    }
  },
}
