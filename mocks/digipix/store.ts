import { z } from 'zod'
import { Product, type OrderStatus, type ShippingOption } from '../../contracts/digipix/schemas.ts'
import { CATALOG } from '../../fixtures/digipix/catalog.ts'
import { createDigipixBuilders, type DigipixBuilders } from '../../fixtures/digipix/builders.ts'
import {
  createLock,
  createTable,
  HEX,
  type Lock,
  type Rng,
  type Table,
  type TenantBase,
} from '../core/index.ts'

/** Credentials of a Digipix tenant: one set per environment, as Digipix issues them. */
export interface DigipixCredentials extends Record<string, unknown> {
  clientId: string
  clientSecret: string
  production: { clientId: string; clientSecret: string }
  partnerName: string
}

export interface QuoteRecord {
  id: string
  zipCode: string
  items: Array<{ productId: string; quantity: number }>
  option: ShippingOption
  createdAt: number
  expiresAt: number
  usedBy?: string
}

export interface OrderItemRecord {
  productId: string
  name: string
  quantity: number
  unitPrice: number
  totalPrice: number
  parts?: unknown[]
  pages?: number
}

export interface OrderRecord {
  id: string
  environment: string
  partnerOrderID?: string
  status: OrderStatus
  createdAt: number
  updatedAt: number
  approvedAt?: number
  recipient: Record<string, unknown> & { address: Record<string, unknown> & { zipCode: string } }
  items: OrderItemRecord[]
  shipments: ShippingOption[]
  shipment?: ShippingOption & { trackingCode?: string; trackingUrl?: string }
  subtotal: number
  customData?: Record<string, unknown>
  statusNotificationUrl?: string
  cancelReason?: 'partner' | 'expired' | 'sandbox'
  history: Array<{ status: OrderStatus; at: number }>
}

const Row = z.looseObject({ id: z.string() })

export interface DigipixState {
  products: Table<Product>
  quotes: Table<QuoteRecord>
  orders: Table<OrderRecord>
  partner: { id: string; name: string; collect: boolean }
  /** Signing key of this tenant's JWTs. */
  jwtSecret: string
  builders: DigipixBuilders
  /** Draws the Correios tracking codes of shipped orders. */
  tracking: Rng
  lock: Lock
}

export async function createDigipixState(
  tenant: TenantBase<DigipixCredentials>,
): Promise<DigipixState> {
  const products = await createTable(Product)
  for (const p of tenant.shared('catalog', () => structuredClone(CATALOG)))
    products.seed(p as Product)
  return {
    products,
    quotes: (await createTable(Row)) as unknown as Table<QuoteRecord>,
    orders: (await createTable(Row)) as unknown as Table<OrderRecord>,
    partner: { id: tenant.ids.autoId(), name: tenant.credentials.partnerName, collect: false },
    jwtSecret: tenant.rng.string(48, HEX),
    builders: createDigipixBuilders(tenant.rng.seed()),
    tracking: tenant.rng.fork('tracking'),
    lock: createLock(),
  }
}
