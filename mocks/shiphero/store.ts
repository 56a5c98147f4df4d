import { z } from 'zod'
import { USERS } from '../../fixtures/shiphero/catalog.ts'
import {
  createLock,
  createTable,
  HEX,
  type Lock,
  type Table,
  type TenantBase,
} from '../core/index.ts'
import { isoDateTime } from './dates.ts'
import { seedCatalog, seedFixedRows } from './seed.ts'
import type {
  AccountRow,
  InventoryChangeRow,
  OrderRow,
  ProductRow,
  ShipmentRow,
  UserRow,
  WarehouseProductRow,
  WarehouseRow,
} from './rows.ts'

/** Credentials of a ShipHero tenant: a 3PL developer user, and one user per customer account. */
export interface ShipHeroCredentials extends Record<string, unknown> {
  username: string
  password: string
  customers: Array<{ username: string; password: string; account_id: number }>
}

/** Credits and request-cap settings of a tenant (changeable through `/_sandbox/throttle`). */
export interface ThrottleSettings {
  /** Bucket size per user (4004). */
  capacity: number
  /** Credits restored per second (60). */
  refillPerSecond: number
  /** Requests per window per user before HTTP 429 (7000). */
  requestCap: number
  /** The rolling window of the request cap, in seconds (300). */
  windowSeconds: number
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  capacity: 4004,
  refillPerSecond: 60,
  requestCap: 7000,
  windowSeconds: 300,
}

export interface ShipHeroState {
  lock: Lock
  jwtSecret: string
  accounts: Table<AccountRow>
  users: Table<UserRow>
  warehouses: Table<WarehouseRow>
  products: Table<ProductRow>
  warehouseProducts: Table<WarehouseProductRow>
  orders: Table<OrderRow>
  shipments: Table<ShipmentRow>
  inventoryChanges: Table<InventoryChangeRow>
  /** username → { password, user legacy id }. */
  logins: Map<string, { password: string; userId: number }>
  throttle: ThrottleSettings
  buckets: Map<number, { credits: number; at: number }>
  requestLog: Map<number, number[]>
  /** Next legacy id per entity. */
  next: Record<
    | 'product'
    | 'warehouseProduct'
    | 'order'
    | 'lineItem'
    | 'shipment'
    | 'shipmentLineItem'
    | 'label'
    | 'inventoryChange'
    | 'webhook'
    | 'case',
    number
  >
}

const row = <T>(shape: z.ZodRawShape) =>
  z.looseObject({ id: z.number().int().positive(), ...shape }) as unknown as z.ZodType<
    T & { id: number }
  >
const legacy = z.number().int().positive()
const count = z.number().int()
const AccountSchema = row<AccountRow>({
  parent_id: legacy.nullable(),
  email: z.string(),
  username: z.string(),
  is_3pl: z.boolean(),
})
const UserSchema = row<UserRow>({ account_id: legacy, email: z.string() })
const WarehouseSchema = row<WarehouseRow>({ account_id: legacy, identifier: z.string() })
const ProductSchema = row<ProductRow>({
  account_id: legacy,
  sku: z.string().min(1),
  name: z.string(),
  tags: z.array(z.string()),
})
const WarehouseProductSchema = row<WarehouseProductRow>({
  account_id: legacy,
  product_id: legacy,
  warehouse_id: legacy,
  on_hand: count,
  allocated: count.nonnegative(),
  reserve_inventory: count.nonnegative(),
})
const OrderSchema = row<OrderRow>({
  account_id: legacy,
  order_number: z.string(),
  fulfillment_status: z.string(),
  line_items: z.array(
    z.looseObject({ id: legacy, sku: z.string(), quantity: count.nonnegative() }),
  ),
})
const ShipmentSchema = row<ShipmentRow>({
  account_id: legacy,
  order_id: legacy,
  warehouse_id: legacy,
  line_items: z.array(z.looseObject({ line_item_id: legacy, quantity: count.positive() })),
})
const InventoryChangeSchema = row<InventoryChangeRow>({
  account_id: legacy,
  warehouse_id: legacy,
  sku: z.string(),
  previous_on_hand: count,
  change_in_on_hand: count,
})

export async function createShipHeroState(
  tenant: TenantBase<ShipHeroCredentials>,
): Promise<ShipHeroState> {
  const [
    accounts,
    users,
    warehouses,
    products,
    warehouseProducts,
    orders,
    shipments,
    inventoryChanges,
  ] = await Promise.all([
    createTable(AccountSchema),
    createTable(UserSchema),
    createTable(WarehouseSchema),
    createTable(
      ProductSchema,
      // Lookups by SKU or barcode and lists per account cost the rows they return, not the table.
      {
        account: (p) => p.account_id,
        sku: (p) => productKey(p.account_id, p.sku),
        barcode: (p) => (p.barcode ? barcodeKey(p.account_id, p.barcode) : undefined),
      },
    ),
    createTable(WarehouseProductSchema, {
      product: (w) => w.product_id,
      account: (w) => w.account_id,
      warehouse: (w) => w.warehouse_id,
    }),
    createTable(OrderSchema, {
      account: (o) => o.account_id,
      lineItem: (o) => o.line_items.map((l) => l.id),
    }),
    createTable(ShipmentSchema, {
      account: (s) => s.account_id,
      order: (s) => s.order_id,
      lineItem: (s) => s.line_items.map((l) => l.id),
    }),
    createTable(InventoryChangeSchema, {
      account: (r) => r.account_id,
      sku: (r) => productKey(r.account_id, r.sku),
    }),
  ])
  const now = isoDateTime(tenant.clock.now())
  const creds = tenant.credentials
  const logins = new Map<string, { password: string; userId: number }>()
  logins.set(creds.username.toLowerCase(), { password: creds.password, userId: USERS[0]!.id })
  for (const c of creds.customers) {
    const user = USERS.find((u) => u.accountId === c.account_id)
    if (user) logins.set(c.username.toLowerCase(), { password: c.password, userId: user.id })
  }

  seedFixedRows({ accounts, users, warehouses }, logins, now)
  const { productId, warehouseProductId } = seedCatalog(
    tenant,
    { products, warehouseProducts },
    now,
  )

  return {
    lock: createLock(),
    jwtSecret: tenant.rng.fork('jwt').string(48, HEX),
    accounts,
    users,
    warehouses,
    products,
    warehouseProducts,
    orders,
    shipments,
    inventoryChanges,
    logins,
    throttle: { ...DEFAULT_THROTTLE },
    buckets: new Map(),
    requestLog: new Map(),
    next: {
      product: productId,
      warehouseProduct: warehouseProductId,
      order: 512000001,
      lineItem: 1020000001,
      shipment: 315518042,
      shipmentLineItem: 420000001,
      label: 270000001,
      inventoryChange: 77000001,
      webhook: 4001,
      case: 501,
    },
  }
}

/** SKU matching is case-insensitive and ignores surrounding whitespace. */
export const skuKey = (sku: string) => sku.trim().toLowerCase()

/** The key a product is indexed under: its account and SKU. */
export const productKey = (accountId: number, sku: string) => `${accountId}|${skuKey(sku)}`

/** The key a product is indexed under by barcode: its account and the barcode as stored. */
export const barcodeKey = (accountId: number, barcode: string) => `${accountId}|${barcode}`

/** Take the next legacy id of an entity. */
export function nextId(state: ShipHeroState, entity: keyof ShipHeroState['next']): number {
  return state.next[entity]++
}
