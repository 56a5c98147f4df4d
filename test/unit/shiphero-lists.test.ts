import { beforeAll, describe, expect, it } from 'vitest'
import { createSim } from '../../mocks/core/index.ts'
import { shiphero } from '../../mocks/shiphero/index.ts'
import { skuKey } from '../../mocks/shiphero/store.ts'
import { shipheroClient } from '../../mocks/sim-clients.ts'

/**
 * ShipHero's lists and lookups read their rows from the tables' indexes (by account, order, SKU,
 * warehouse, barcode, id). Each answer here is checked against a pass over the whole table with
 * the list's own filter: the indexes must change the cost, never the rows.
 */
const W114 = 'V2FyZWhvdXNlOjExNA=='
const W1288 = 'V2FyZWhvdXNlOjEyODg='
/** Where the test orders go (ShipHero asks for no field of an address in particular). */
const ADDRESS = { first_name: 'Rui', city: 'Sparks', country: 'US' }

const sim = createSim(shiphero, { seed: 1 })
const client = shipheroClient(sim)
const state = async () => (await sim.control.tenant()).state
const legacy = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1])
const ids = (edges: Array<{ node: { id: string } }>) => edges.map((e) => legacy(e.node.id))
/** The first page (100 rows) of what a pass over a table finds. */
const firstPage = (rows: Array<{ id: number }>) => rows.slice(0, 100).map((r) => r.id)

/** A query's `data` connection under `root`, as legacy ids. */
async function listed(root: string, args: string): Promise<number[]> {
  const res = await client.query<
    Record<string, { data: { edges: Array<{ node: { id: string } }> } }>
  >(`{ ${root}${args ? `(${args})` : ''} { data(first: 100) { edges { node { id } } } } }`)
  return ids(res[root]!.data.edges)
}

const orders: Array<{ id: string; legacy_id: number; line: string }> = []
const shipmentIds: number[] = []
const account = async () => (await client.account()).data as { id: string; legacy_id: number }

beforeAll(async () => {
  // Two orders, three shipments, stock movements on two SKUs, a product with a barcode in two warehouses.
  for (const [n, sku] of [
    ['L-1', 'BOX-S'],
    ['L-2', 'BOX-M'],
  ] as const) {
    const order = await client.orders.create({
      order_number: n,
      shipping_address: ADDRESS,
      line_items: [{ sku, partner_line_item_id: `${n}-1`, quantity: 3, price: '1.00' }],
    })
    orders.push({
      id: order.id,
      legacy_id: order.legacy_id,
      line: order.line_items.edges[0]!.node.id,
    })
  }
  for (const [o, quantity] of [
    [0, 1],
    [0, 2],
    [1, 3],
  ] as const) {
    const shipment = await client.shipments.create({
      order_id: orders[o]!.id,
      warehouse_id: W114,
      address: { name: 'Ana Lima' },
      line_items: [{ line_item_id: orders[o]!.line, quantity }],
    })
    shipmentIds.push(shipment.legacy_id)
  }
  await client.inventory.add({ sku: 'BOX-M', warehouse_id: W114, quantity: 5, reason: 'recount' })
  await client.inventory.add({ sku: 'BOX-S', warehouse_id: W114, quantity: 2, reason: 'found' })
  await client.products.create({
    name: 'Barcoded',
    sku: 'BAR-1',
    barcode: '0123456789012',
    warehouse_products: [
      { warehouse_id: W114, on_hand: 1 },
      { warehouse_id: W1288, on_hand: 2 },
    ],
  })
})

describe('ShipHero lists answer from indexes what a pass over the table answers', () => {
  it('shipments: by order, by ids, all of the account; Order.shipments', async () => {
    const { shipments } = await state()
    const me = (await account()).legacy_id
    const [first, second] = orders
    expect(await listed('shipments', `order_id: "${first!.id}"`)).toEqual(
      shipments.filter((s) => s.order_id === first!.legacy_id).map((s) => s.id),
    )
    expect(await listed('shipments', `order_id: "${first!.id}"`)).toEqual(shipmentIds.slice(0, 2))
    expect(await listed('shipments', '')).toEqual(
      shipments.filter((s) => s.account_id === me).map((s) => s.id),
    )
    const named = [shipmentIds[2]!, shipmentIds[0]!, shipmentIds[2]!].map(String)
    expect(await listed('shipments', `ids: ${JSON.stringify(named)}`)).toEqual([
      shipmentIds[0],
      shipmentIds[2],
    ])
    expect(
      await listed('shipments', `ids: ${JSON.stringify(named)}, order_id: "${second!.id}"`),
    ).toEqual([shipmentIds[2]])
    const order = await client.query<{ order: { data: { shipments: Array<{ id: string }> } } }>(
      `{ order(id: "${first!.id}") { data { shipments { id } } } }`,
    )
    expect(order.order.data.shipments.map((s) => legacy(s.id))).toEqual(shipmentIds.slice(0, 2))
  })

  it('orders: by ids (once each, in the order they were made), and all of the account', async () => {
    const all = (await state()).orders
    const me = (await account()).legacy_id
    const [first, second] = orders
    const named = [second!.id, first!.id, String(first!.legacy_id), 'T3JkZXI6OTk5OTk5']
    expect(await listed('orders', `ids: ${JSON.stringify(named)}`)).toEqual([
      first!.legacy_id,
      second!.legacy_id,
    ])
    expect(await listed('orders', `ids: ${JSON.stringify(named)}, order_number: "L-2"`)).toEqual([
      second!.legacy_id,
    ])
    expect(await listed('orders', '')).toEqual(firstPage(all.filter((o) => o.account_id === me)))
  })

  it('inventory_changes: by SKU (any case), and all of the account', async () => {
    const { inventoryChanges } = await state()
    const me = (await account()).legacy_id
    const bySku = await listed('inventory_changes', 'sku: " box-m "')
    expect(bySku).toEqual(
      inventoryChanges
        .filter((r) => r.account_id === me && skuKey(r.sku) === 'box-m')
        .map((r) => r.id),
    )
    expect(bySku.length).toBeGreaterThan(0)
    expect(await listed('inventory_changes', '')).toEqual(
      inventoryChanges.filter((r) => r.account_id === me).map((r) => r.id),
    )
    expect(await listed('inventory_changes', 'sku: "NOPE"')).toEqual([])
  })

  it('warehouse_products: by SKU, by ids, by warehouse, all of the account', async () => {
    const { warehouseProducts } = await state()
    const me = (await account()).legacy_id
    const mine = warehouseProducts.filter((w) => w.account_id === me)
    expect(mine.length).toBeGreaterThan(100)
    expect(await listed('warehouse_products', '')).toEqual(firstPage(mine))
    const bar = mine.filter((w) => skuKey(w.sku) === 'bar-1').map((w) => w.id)
    expect(bar).toHaveLength(2)
    expect(await listed('warehouse_products', 'sku: "bar-1"')).toEqual(bar)
    expect(await listed('warehouse_products', `sku: "BAR-1", warehouse_id: "${W1288}"`)).toEqual([
      bar[1],
    ])
    expect(
      await listed('warehouse_products', `ids: ${JSON.stringify([String(bar[1]), '999999'])}`),
    ).toEqual([bar[1]])
  })

  it('uuid: a line item or a shipped line item is found by its own id, through its order or shipment', async () => {
    const { shipments } = await state()
    const line = legacy(orders[1]!.line)
    expect(await client.uuid(line, 'LineItem')).toEqual({
      legacy_id: line,
      id: Buffer.from(`LineItem:${line}`).toString('base64'),
    })
    const shipped = shipments.get(shipmentIds[2]!)!.line_items[0]!.id
    expect((await client.uuid(shipped, 'ShippedLineItem')).legacy_id).toBe(shipped)
    await expect(client.uuid(999_999, 'LineItem')).rejects.toThrow(/not found/i)
    await expect(client.uuid(line, 'ShippedLineItem')).rejects.toThrow(/not found/i)
  })

  it('Account.customers(warehouse_id:): the customers with stock in that warehouse', async () => {
    const { accounts, warehouseProducts } = await state()
    const me = (await account()).legacy_id
    let found = 0
    for (const w of [W114, W1288]) {
      const res = await client.query<{
        account: { data: { customers: { edges: Array<{ node: { id: string } }> } } }
      }>(`{ account { data { customers(warehouse_id: "${w}") { edges { node { id } } } } } }`)
      found += res.account.data.customers.edges.length
      expect(ids(res.account.data.customers.edges)).toEqual(
        accounts
          .filter(
            (c) =>
              c.parent_id === me &&
              warehouseProducts.find(
                (x) => x.account_id === c.id && x.warehouse_id === legacy(w),
              ) !== undefined,
          )
          .map((c) => c.id),
      )
    }
    expect(found).toBeGreaterThan(0)
  })

  it('product(barcode:) finds the product with that barcode, and only in its account', async () => {
    const found = await client.products.get({ barcode: '0123456789012' })
    expect(found.sku).toBe('BAR-1')
    await expect(client.products.get({ barcode: '0123456789013' })).rejects.toThrow()
  })

  it('Warehouse.products: the products stocked in a warehouse, in the order they were made', async () => {
    const { warehouseProducts, products } = await state()
    const res = await client.query<{
      account: {
        data: {
          warehouses: Array<{ id: string; products: { edges: Array<{ node: { id: string } }> } }>
        }
      }
    }>('{ account { data { warehouses { id products(first: 100) { edges { node { id } } } } } } }')
    for (const w of res.account.data.warehouses) {
      const stocked = new Set(
        warehouseProducts.filter((x) => x.warehouse_id === legacy(w.id)).map((x) => x.product_id),
      )
      expect(ids(w.products.edges)).toEqual(firstPage(products.filter((p) => stocked.has(p.id))))
    }
    expect(res.account.data.warehouses.length).toBeGreaterThan(1)
  })
})
