import { ACCOUNTS, productFixtures, USERS, WAREHOUSES } from '../../fixtures/shiphero/catalog.ts'
import type { Table, TenantBase } from '../core/index.ts'
import type { AccountRow, ProductRow, UserRow, WarehouseProductRow, WarehouseRow } from './rows.ts'

/**
 * The default rows of a ShipHero tenant, filed with `table.seed` (the seed test checks them
 * against the tables' schemas): the 3PL and its customer accounts, their users, the warehouses,
 * and the product catalogue with its stock.
 */

/** The accounts, users (each with the email its login uses) and warehouses. */
export function seedFixedRows(
  {
    accounts,
    users,
    warehouses,
  }: {
    accounts: Table<AccountRow>
    users: Table<UserRow>
    warehouses: Table<WarehouseRow>
  },
  logins: ReadonlyMap<string, { userId: number }>,
  now: string,
) {
  for (const a of ACCOUNTS)
    accounts.seed({
      id: a.id,
      parent_id: a.parentId,
      email: a.email,
      username: a.username,
      name: a.name,
      status: 'active',
      is_3pl: a.is3pl,
      created_at: now,
    })
  for (const u of USERS) {
    const login = [...logins].find(([, l]) => l.userId === u.id)?.[0]
    users.seed({
      id: u.id,
      account_id: u.accountId,
      email: login ?? u.email,
      first_name: u.firstName,
      last_name: u.lastName,
      is_admin: u.isAdmin,
      is_developer: u.isDeveloper,
      is_active: true,
      created_at: now,
      updated_at: now,
    })
  }
  for (const w of WAREHOUSES) {
    warehouses.seed({
      id: w.id,
      account_id: ACCOUNTS[0]!.id,
      identifier: w.identifier,
      company_name: w.company,
      address: w.address,
      return_address: w.address,
      phone_number: w.address.phone,
      invoice_email: `billing+${w.id}@northwind-3pl.test`,
      profile: 'default',
      active: true,
      dynamic_slotting: false,
    })
  }
}

/**
 * The product catalogue and its stock: the same for every tenant of a simulator, built once and
 * shared until a tenant writes; returns the next legacy ids after it.
 */
export function seedCatalog(
  tenant: Pick<TenantBase, 'shared'>,
  {
    products,
    warehouseProducts,
  }: {
    products: Table<ProductRow>
    warehouseProducts: Table<WarehouseProductRow>
  },
  now: string,
) {
  const catalog = tenant.shared(`catalog:${now}`, (rng) => catalogRows(rng.fork('catalog'), now))
  for (const row of catalog.products) products.seed(row)
  for (const row of catalog.warehouseProducts) warehouseProducts.seed(row)
  return { productId: catalog.nextProduct, warehouseProductId: catalog.nextWarehouseProduct }
}

/** The seeded products and their stock (rows as stored), and the next legacy ids after them. */
function catalogRows(rng: Parameters<typeof productFixtures>[0], now: string) {
  const products: ProductRow[] = []
  const warehouseProducts: WarehouseProductRow[] = []
  let productId = 1234
  let warehouseProductId = 9001
  for (const p of productFixtures(rng)) {
    const id = productId++
    products.push({
      id,
      account_id: p.accountId,
      sku: p.sku,
      name: p.name,
      barcode: p.barcode,
      tags: p.tags,
      images: [],
      cases: [],
      dimensions: { weight: p.weight, height: '4', width: '6', length: '8' },
      country_of_manufacture: 'US',
      kit: false,
      kit_build: false,
      virtual: false,
      created_at: now,
      updated_at: now,
    })
    for (const [warehouse, onHand] of Object.entries(p.stock)) {
      warehouseProducts.push({
        id: warehouseProductId++,
        account_id: p.accountId,
        product_id: id,
        sku: p.sku,
        warehouse_id: Number(warehouse),
        on_hand: onHand,
        allocated: 0,
        reserve_inventory: 0,
        backorder: 0,
        non_sellable_quantity: 0,
        price: p.price,
        value: p.value,
        value_currency: 'USD',
        active: true,
        custom: false,
        inventory_bin: null,
        created_at: now,
        updated_at: now,
      })
    }
  }
  return {
    products,
    warehouseProducts,
    nextProduct: productId,
    nextWarehouseProduct: warehouseProductId,
  }
}
