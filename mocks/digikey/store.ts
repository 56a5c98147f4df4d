import { z } from 'zod'
import type { SalesOrderStatus, ShipMethod } from '../../contracts/digikey/schemas.ts'
import { DEFAULT_USER, PARTS, type Part } from '../../fixtures/digikey/catalog.ts'
import {
  createLock,
  createOAuthRegistry,
  createRateWindows,
  createTable,
  type Lock,
  type OAuthRegistry,
  type RateWindows,
  type Table,
  type TableIndexes,
  type TenantBase,
} from '../core/index.ts'

/** One app's credentials in one DigiKey environment (sandbox and production apps are separate). */
export interface DigiKeyApp {
  clientId: string
  clientSecret: string
  /** Registered OAuth callback URLs (matched exactly, trailing `/` included). */
  redirectUris: string[]
}

/** A tenant's credentials: the sandbox app at the top level, the production app under `production`. */
export interface DigiKeyCredentials extends DigiKeyApp, Record<string, unknown> {
  production: DigiKeyApp
  appName: string
  /** The account id to send as `X-DIGIKEY-Account-ID` with 2-legged tokens. */
  accountId: number
}

/** The APIs ("products") DigiKey subscribes apps to and rate-limits separately. */
export const API_PRODUCTS = ['ordering', 'orderstatus', 'packinglist', 'ordermanagement'] as const
export type ApiProduct = (typeof API_PRODUCTS)[number]

export interface RateLimit {
  perMinute: number
  /** `null`: no daily cap (Ordering). */
  perDay: number | null
}

export interface Account {
  id: number
  name: string
  creditLine: boolean
}

export interface ScheduleRecord {
  quantity: number
  /** `yyyy-MM-dd`. */
  date: string
}

export interface LineRecord {
  detailId: number
  partId: string
  mpn: string
  description: string
  packType: Part['PackType']
  countryOfOrigin: string
  requested: number
  unitPrice: number
  totalPrice: number
  customerReference: string | null
  shipped: number
  reserved: number
  backorder: number
  /** When backordered stock arrives (epoch ms), or null. */
  backorderAt: number | null
  schedules: ScheduleRecord[]
  /** A replaced schedule waiting to take effect (ReplaceSchedule is not immediately visible). */
  pendingSchedules: { schedules: ScheduleRecord[]; at: number } | null
}

export interface ShipmentRecord {
  invoiceId: number
  at: number
  carrier: string
  trackingNumber: string
  expectedDeliveryAt: number
  lines: Array<{ detailId: number; quantity: number }>
}

export interface SalesOrderRecord {
  id: number
  orderNumber: number
  customerId: number
  accountId: number
  environment: string
  purchaseOrder: string
  currency: string
  shipMethod: ShipMethod
  shipControl: 'Immediate' | 'Single'
  packagingPreference: 'DKR' | 'CT' | null
  status: SalesOrderStatus
  enteredAt: number
  /** When processing started (null while Received). */
  processingAt: number | null
  contact: { FirstName: string | null; LastName: string | null; Email: string | null }
  address: {
    FirstName: string | null
    LastName: string | null
    CompanyName: string | null
    AddressLine1: string | null
    AddressLine2: string | null
    City: string | null
    State: string | null
    ZipCode: string | null
    IsoCode: string | null
    Phone: string | null
  }
  marketplace: { PartnerId: number; PartnerName: string } | null
  lines: LineRecord[]
  shipments: ShipmentRecord[]
  history: Array<{ status: SalesOrderStatus; at: number }>
}

export interface DigiKeySettings {
  /** Answer new orders with SalesOrderId -1 and create them `asyncDelaySeconds` later. */
  asyncOrders: boolean
  asyncDelaySeconds: number
  /** Answer Order Status with DigiKey's fixed sandbox data, whatever the input. */
  canned: boolean
  /** Answer 401s in the other error envelope (DigiKey sometimes does). */
  swapEnvelopeOn401: boolean
  /** APIs the app is subscribed to; others answer 401 Invalid Client-Id. */
  subscriptions: ApiProduct[]
  rateLimits: Record<ApiProduct, RateLimit> & { enabled: boolean }
  /** Lifecycle delays (seconds): Received → Processing, Processing → first shipment. */
  delays: { processingSeconds: number; shipSeconds: number; marketplaceShipSeconds: number }
  /** ReplaceSchedule takes effect after this many seconds ("may take up to a minute"). */
  scheduleApplySeconds: number
}

export const DEFAULT_RATE_LIMITS: Record<ApiProduct, RateLimit> = {
  ordering: { perMinute: 10, perDay: null },
  orderstatus: { perMinute: 120, perDay: 1000 },
  packinglist: { perMinute: 120, perDay: 1000 },
  ordermanagement: { perMinute: 120, perDay: 1000 },
}

export interface DigiKeyState {
  parts: Table<Part>
  salesOrders: Table<SalesOrderRecord>
  accounts: Account[]
  customerId: number
  user: typeof DEFAULT_USER & { subject: string }
  oauth: OAuthRegistry
  settings: DigiKeySettings
  windows: RateWindows
  /** Next ids: sales orders, web order numbers, invoices. */
  seq: { salesOrder: number; orderNumber: number; invoice: number }
  lock: Lock
}

const Row = z.looseObject({ id: z.number() })
const PartRow = z.looseObject({ id: z.string() })

/** The key of an account's orders in an environment (the `account` and `po` indexes). */
export const accountKey = (environment: string, accountId: number) => `${environment}|${accountId}`

const SALES_ORDER_INDEXES: TableIndexes<SalesOrderRecord> = {
  account: (o) => accountKey(o.environment, o.accountId),
  po: (o) => `${accountKey(o.environment, o.accountId)}|${o.purchaseOrder}`,
  invoice: (o) => o.shipments.map((s) => s.invoiceId),
}

export async function createDigiKeyState(
  tenant: TenantBase<DigiKeyCredentials>,
): Promise<DigiKeyState> {
  const parts = (await createTable(PartRow)) as unknown as Table<Part>
  for (const part of tenant.shared('parts', () => structuredClone(PARTS))) parts.seed(part)
  const creds = tenant.credentials
  const customerId = creds.accountId
  const name = creds.appName
  return {
    parts,
    // Who may see an order is decided by its account, environment and customer: lists read these
    // indexes (an account's orders, its orders of one PO number), and a packing list its invoice's.
    salesOrders: (await createTable(
      Row,
      SALES_ORDER_INDEXES as unknown as TableIndexes<z.output<typeof Row>>,
    )) as unknown as Table<SalesOrderRecord>,
    accounts: [
      { id: customerId, name: `${DEFAULT_USER.CompanyName} (net 30 terms)`, creditLine: true },
      {
        id: customerId + 1,
        name: `${DEFAULT_USER.CompanyName} (prepaid, no credit line)`,
        creditLine: false,
      },
    ],
    customerId,
    user: { ...DEFAULT_USER, subject: `user-${customerId}` },
    oauth: createOAuthRegistry({
      clients: [
        {
          clientId: creds.clientId,
          clientSecret: creds.clientSecret,
          environment: 'sandbox',
          redirectUris: creds.redirectUris,
          name,
        },
        {
          clientId: creds.production.clientId,
          clientSecret: creds.production.clientSecret,
          environment: 'production',
          redirectUris: creds.production.redirectUris,
          name,
        },
      ],
      // The current OAuth FAQ: code 1 min, access 30 min (1799 s answered), refresh 90 days; 2-legged tokens 599 s as observed.
      lifetimes: {
        codeSeconds: 60,
        clientCredentialsSeconds: 599,
        accessSeconds: 1799,
        refreshSeconds: 7_776_000,
      },
    }),
    settings: {
      asyncOrders: false,
      asyncDelaySeconds: 30,
      canned: false,
      swapEnvelopeOn401: false,
      subscriptions: [...API_PRODUCTS],
      rateLimits: { enabled: true, ...structuredClone(DEFAULT_RATE_LIMITS) },
      delays: { processingSeconds: 300, shipSeconds: 7200, marketplaceShipSeconds: 86_400 },
      scheduleApplySeconds: 60,
    },
    windows: createRateWindows(),
    seq: {
      salesOrder: 88_152_456 + tenant.rng.int(0, 9_000) * 10,
      orderNumber: 9_910_000_347_672_270 + tenant.rng.int(0, 9_000) * 14,
      invoice: 61_203_000 + tenant.rng.int(0, 90_000),
    },
    lock: createLock(),
  }
}
