import type { GraphQLResolveInfo } from 'graphql'
import { scopeAccount, skuKey, type ShipHeroCtx } from './context.ts'
import { byIds, filters, inRange, page } from './lists.ts'
import { invalid, notFound } from './errors.ts'
import { legacyIdOf } from './ids.ts'
import { availableOf, findProduct } from './inventory.ts'
import { barcodeKey, productKey } from './store.ts'
import type { ProductRow, WarehouseProductRow, WarehouseRow } from './rows.ts'

/**
 * Products (account-wide: sku, name, descriptive fields) and warehouse products (per warehouse:
 * on_hand, price, value, bins): reading them, and their fields. Writes are in
 * product-mutations.ts.
 * @see https://developer.shiphero.com/schema/ (Product, WarehouseProduct)
 */
type ProductsArgs = {
  sku?: string | null
  created_from?: number | null
  created_to?: number | null
  updated_from?: number | null
  updated_to?: number | null
  customer_account_id?: string | null
  has_kits?: boolean | null
  tag?: Array<string | null> | null
  tag_not_in?: Array<string | null> | null
}
type WarehouseProductsArgs = {
  ids?: Array<string | null> | null
  warehouse_id?: string | null
  active?: boolean | null
  sku?: string | null
  customer_account_id?: string | null
  created_from?: number | null
  created_to?: number | null
  updated_from?: number | null
  updated_to?: number | null
}

export const productQueries = {
  product(
    _: unknown,
    args: {
      id?: string | null
      sku?: string | null
      barcode?: string | null
      customer_account_id?: string | null
    },
    ctx: ShipHeroCtx,
  ) {
    const account = scopeAccount(ctx, args.customer_account_id)
    if (args.id == null && args.sku == null && args.barcode == null)
      throw invalid('Provide one of id, sku or barcode')
    let product: ProductRow | undefined
    if (args.id != null) {
      const id = legacyIdOf(args.id, 'Product')
      const found = id !== undefined ? ctx.state.products.get(id) : undefined
      product = found?.account_id === account.id ? found : undefined
    } else if (args.sku != null) product = findProduct(ctx, account, args.sku)
    else if (args.barcode != null)
      product = ctx.state.products.lookup('barcode', barcodeKey(account.id, args.barcode))[0]
    if (!product) throw notFound('Product')
    return { data: product }
  },

  products(_: unknown, args: ProductsArgs, ctx: ShipHeroCtx) {
    const account = scopeAccount(ctx, args.customer_account_id)
    const sku = args.sku != null ? skuKey(args.sku) : undefined
    const tags = args.tag?.filter((t): t is string => !!t)
    const notTags = args.tag_not_in?.filter((t): t is string => !!t)
    return {
      data: (a: Record<string, unknown>, c: ShipHeroCtx, info: GraphQLResolveInfo) => {
        // The account's (or the SKU's) rows from the index; a page of them costs the page when nothing else filters.
        const base =
          sku !== undefined
            ? { index: 'sku', key: productKey(account.id, sku) }
            : { index: 'account', key: account.id }
        const filtered =
          args.has_kits != null ||
          tags?.length ||
          notTags?.length ||
          args.created_from != null ||
          args.created_to != null ||
          args.updated_from != null ||
          args.updated_to != null
        const where = !filtered
          ? undefined
          : (p: ProductRow) =>
              (args.has_kits == null || Boolean(p.kit) === args.has_kits) &&
              (!tags?.length || tags.some((t) => p.tags.includes(t))) &&
              (!notTags?.length || !notTags.some((t) => p.tags.includes(t))) &&
              inRange(p.created_at, args.created_from, args.created_to) &&
              inRange(p.updated_at, args.updated_from, args.updated_to)
        return page(c, info, { table: ctx.state.products, ...base, where }, a)
      },
    }
  },

  warehouse_products(_: unknown, args: WarehouseProductsArgs, ctx: ShipHeroCtx) {
    const account = scopeAccount(ctx, args.customer_account_id)
    const warehouseId =
      args.warehouse_id != null ? (legacyIdOf(args.warehouse_id, 'Warehouse') ?? -1) : undefined
    const ids = args.ids
      ?.filter((i): i is string => i != null)
      .map((i) => legacyIdOf(i, 'WarehouseProduct') ?? -1)
    const named = ids && new Set(ids)
    const sku = args.sku != null ? skuKey(args.sku) : undefined
    return {
      data: (a: Record<string, unknown>, c: ShipHeroCtx, info: GraphQLResolveInfo) => {
        // The rows named, the SKU's product's or the account's, from their index: a page of the
        // account's costs the page when nothing else filters.
        const where = !filters(args)
          ? undefined
          : (w: WarehouseProductRow) =>
              w.account_id === account.id &&
              (warehouseId === undefined || w.warehouse_id === warehouseId) &&
              (!named || named.has(w.id)) &&
              (args.active == null || w.active === args.active) &&
              (sku === undefined || skuKey(w.sku) === sku) &&
              inRange(w.created_at, args.created_from, args.created_to) &&
              inRange(w.updated_at, args.updated_from, args.updated_to)
        const table = ctx.state.warehouseProducts
        if (!ids && sku === undefined)
          return page(c, info, { table, index: 'account', key: account.id, where }, a)
        const product = sku !== undefined ? findProduct(ctx, account, sku) : undefined
        const base = ids ? byIds(table, ids) : product ? table.lookup('product', product.id) : []
        return page(c, info, where ? base.filter(where) : base, a)
      },
    }
  },
}

export const productFields = {
  Product: {
    warehouse_products: (p: ProductRow, _: unknown, ctx: ShipHeroCtx) =>
      ctx.state.warehouseProducts.lookup('product', p.id),
    // Deprecated account-level fields: what was sent, else the first warehouse's.
    price: (p: ProductRow, _: unknown, ctx: ShipHeroCtx) =>
      (p.price as string | null | undefined) ??
      ctx.state.warehouseProducts.lookup('product', p.id)[0]?.price ??
      null,
    value: (p: ProductRow, _: unknown, ctx: ShipHeroCtx) =>
      (p.value as string | null | undefined) ??
      ctx.state.warehouseProducts.lookup('product', p.id)[0]?.value ??
      null,
    value_currency: (p: ProductRow, _: unknown, ctx: ShipHeroCtx) =>
      ctx.state.warehouseProducts.lookup('product', p.id)[0]?.value_currency ?? null,
    active: (p: ProductRow, _: unknown, ctx: ShipHeroCtx) =>
      ctx.state.warehouseProducts.lookup('product', p.id).find((w) => w.active) !== undefined,
  },
  WarehouseProduct: {
    available: availableOf,
    warehouse: (w: WarehouseProductRow, _: unknown, ctx: ShipHeroCtx) =>
      ctx.state.warehouses.get(w.warehouse_id),
    warehouse_identifier: (w: WarehouseProductRow, _: unknown, ctx: ShipHeroCtx) =>
      ctx.state.warehouses.get(w.warehouse_id)?.identifier ?? null,
    product: (w: WarehouseProductRow, _: unknown, ctx: ShipHeroCtx) =>
      ctx.state.products.get(w.product_id),
  },
  Warehouse: {
    products: (
      w: WarehouseRow,
      args: Record<string, unknown>,
      ctx: ShipHeroCtx,
      info: GraphQLResolveInfo,
    ) => {
      // Stock in this warehouse: all of it for the 3PL that runs it, a customer's own for a customer.
      const isOperator = ctx.account.parent_id === null
      const ids = ctx.state.warehouseProducts
        .lookup('warehouse', w.id)
        .filter((x) => isOperator || x.account_id === ctx.account.id)
        .map((x) => x.product_id)
      return page(ctx, info, byIds(ctx.state.products, ids), args)
    },
  },
}
