import { findWarehouse, scopeAccount, type ShipHeroCtx, pick } from './context.ts'
import { invalid, notFound } from './errors.ts'
import { findProduct, findWarehouseProduct, moveOnHand, requireProduct } from './inventory.ts'
import { isoDateTime } from './dates.ts'
import { nextId } from './store.ts'
import type { ProductRow, WarehouseProductRow, WarehouseRow } from './rows.ts'
import {
  checkReserve,
  dims,
  PRODUCT_FIELDS,
  WAREHOUSE_PRODUCT_FIELDS,
  type Input,
} from './product-input.ts'

/**
 * Product mutations: products (account-wide: sku, name, descriptive fields) and warehouse
 * products (per warehouse: on_hand, price, value, bins).
 * @see https://developer.shiphero.com/schema/ (Product, WarehouseProduct)
 */
async function addToWarehouse(
  ctx: ShipHeroCtx,
  product: ProductRow,
  warehouse: WarehouseRow,
  data: Input,
  reason: string,
) {
  const now = isoDateTime(ctx.now)
  const onHand = typeof data.on_hand === 'number' ? data.on_hand : 0
  const wp: WarehouseProductRow = {
    id: nextId(ctx.state, 'warehouseProduct'),
    account_id: product.account_id,
    product_id: product.id,
    sku: product.sku,
    warehouse_id: warehouse.id,
    on_hand: 0,
    allocated: 0,
    reserve_inventory: 0,
    backorder: 0,
    non_sellable_quantity: 0,
    price: '0.00',
    value: '0.00',
    value_currency: 'USD',
    active: true,
    custom: false,
    inventory_bin: null,
    ...pick(data, WAREHOUSE_PRODUCT_FIELDS),
    created_at: now,
    updated_at: now,
  }
  const inserted = await ctx.state.warehouseProducts.insert(wp)
  return onHand ? moveOnHand(ctx, inserted, onHand, reason) : inserted
}

/** The product (by SKU) and the warehouse a warehouse-product mutation names, in the caller's scope. */
function stockPlace(
  ctx: ShipHeroCtx,
  data: { customer_account_id?: string | null; sku: string; warehouse_id: string },
) {
  const account = scopeAccount(ctx, data.customer_account_id)
  return {
    product: requireProduct(ctx, account, data.sku),
    warehouse: findWarehouse(ctx, account, data.warehouse_id),
  }
}

export const productMutations = {
  async product_create(
    _: unknown,
    {
      data,
    }: {
      data: Input & {
        customer_account_id?: string | null
        name: string
        sku: string
        warehouse_products: Array<Input | null>
      }
    },
    ctx: ShipHeroCtx,
  ) {
    const account = scopeAccount(ctx, data.customer_account_id)
    const sku = data.sku.trim()
    if (!sku) throw invalid('sku must not be empty')
    if (!data.name.trim()) throw invalid('name must not be empty')
    if (findProduct(ctx, account, sku)) throw invalid(`A product with sku "${sku}" already exists`)
    // Check every warehouse line before writing anything.
    const lines = data.warehouse_products.filter((w): w is Input => w != null)
    const warehouses = lines.map((w) => findWarehouse(ctx, account, w.warehouse_id))
    if (new Set(warehouses.map((w) => w.id)).size !== warehouses.length)
      throw invalid('warehouse_products names the same warehouse twice')
    lines.forEach(checkReserve)
    const now = isoDateTime(ctx.now)
    const product = await ctx.state.products.insert({
      id: nextId(ctx.state, 'product'),
      account_id: account.id,
      sku,
      ...pick(data, PRODUCT_FIELDS),
      name: data.name,
      barcode: (data.barcode as string | undefined) ?? null,
      tags: ((data.tags as Array<string | null> | undefined) ?? []).filter((t): t is string => !!t),
      images: ((data.images as Array<{ src: string; position?: number | null }> | undefined) ?? [])
        .filter(Boolean)
        .map((i) => ({ src: i.src, position: i.position ?? null })),
      cases: (
        (data.cases as Array<{ case_barcode: string; case_quantity: number }> | undefined) ?? []
      )
        .filter(Boolean)
        .map((c) => ({
          id: nextId(ctx.state, 'case'),
          case_barcode: c.case_barcode,
          case_quantity: c.case_quantity,
        })),
      dimensions: dims(data.dimensions),
      // Deprecated account-level price/value, kept as sent.
      price: (data.price as string | undefined) ?? null,
      value: (data.value as string | undefined) ?? null,
      created_at: now,
      updated_at: now,
    })
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!
      await addToWarehouse(
        ctx,
        product,
        warehouses[i]!,
        { price: data.price, value: data.value, ...line },
        'Product created',
      )
    }
    return { product }
  },

  async product_update(
    _: unknown,
    { data }: { data: Input & { customer_account_id?: string | null; sku: string } },
    ctx: ShipHeroCtx,
  ) {
    const account = scopeAccount(ctx, data.customer_account_id)
    const product = requireProduct(ctx, account, data.sku)
    if (typeof data.name === 'string' && !data.name.trim()) throw invalid('name must not be empty')
    const updated = await ctx.state.products.update(product.id, (d) => {
      Object.assign(d, pick(data, PRODUCT_FIELDS))
      if (data.dimensions !== undefined)
        d.dimensions = { ...d.dimensions, ...dims(data.dimensions) }
      // "Fully replaces existing tags."
      if (data.tags !== undefined)
        d.tags = ((data.tags as Array<string | null> | null) ?? []).filter((t): t is string => !!t)
      if (data.images !== undefined)
        d.images = ((data.images as Array<{ src: string; position?: number | null }> | null) ?? [])
          .filter(Boolean)
          .map((i) => ({ src: i.src, position: i.position ?? null }))
      if (data.cases !== undefined)
        d.cases = (
          (data.cases as Array<{ case_barcode: string; case_quantity: number }> | null) ?? []
        )
          .filter(Boolean)
          .map((c) => ({
            id: nextId(ctx.state, 'case'),
            case_barcode: c.case_barcode,
            case_quantity: c.case_quantity,
          }))
      d.updated_at = isoDateTime(ctx.now)
    })
    return { product: updated }
  },

  async product_delete(
    _: unknown,
    { data }: { data: { customer_account_id?: string | null; sku: string } },
    ctx: ShipHeroCtx,
  ) {
    const account = scopeAccount(ctx, data.customer_account_id)
    const product = requireProduct(ctx, account, data.sku)
    const stock = [...ctx.state.warehouseProducts.lookup('product', product.id)]
    if (stock.some((w) => w.allocated > 0))
      throw invalid(
        `Product ${product.sku} is allocated to open orders; cancel or fulfil them first`,
      )
    for (const w of stock) ctx.state.warehouseProducts.remove(w.id)
    ctx.state.products.remove(product.id)
    return {}
  },

  async product_add_to_warehouse(
    _: unknown,
    {
      data,
    }: { data: Input & { customer_account_id?: string | null; sku: string; warehouse_id: string } },
    ctx: ShipHeroCtx,
  ) {
    const { product, warehouse } = stockPlace(ctx, data)
    if (findWarehouseProduct(ctx, product.id, warehouse.id))
      throw invalid(`Product ${product.sku} is already in warehouse ${warehouse.identifier}`)
    checkReserve(data)
    return {
      warehouse_product: await addToWarehouse(ctx, product, warehouse, data, 'Added to warehouse'),
    }
  },

  async warehouse_product_update(
    _: unknown,
    {
      data,
    }: { data: Input & { customer_account_id?: string | null; sku: string; warehouse_id: string } },
    ctx: ShipHeroCtx,
  ) {
    const { product, warehouse } = stockPlace(ctx, data)
    const wp = findWarehouseProduct(ctx, product.id, warehouse.id)
    if (!wp) throw notFound('Warehouse product')
    checkReserve(data)
    const fields = pick(data, WAREHOUSE_PRODUCT_FIELDS)
    const apply = (d: WarehouseProductRow) => Object.assign(d, fields)
    if (typeof data.on_hand === 'number' && data.on_hand !== wp.on_hand)
      return {
        warehouse_product: await moveOnHand(
          ctx,
          wp,
          data.on_hand - wp.on_hand,
          'warehouse_product_update',
          'api',
          apply,
        ),
      }
    const updated = await ctx.state.warehouseProducts.update(wp.id, (d) => {
      apply(d)
      d.updated_at = isoDateTime(ctx.now)
    })
    return { warehouse_product: updated }
  },
}
