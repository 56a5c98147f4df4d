import { DIGIT_PERMISSION_KEYS } from '../../contracts/digit/permissions.ts'
import { COMPANY, ITEMS, ORDERS, UOMS, type UomFixture } from '../../fixtures/digit/catalog.ts'
import {
  createLock,
  createRateWindows,
  createTable,
  type Lock,
  type Table,
  type TenantBase,
} from '../core/index.ts'
import { CompanyRow, ItemRow, LocationRow, OrderRow } from './rows.ts'

/** One Digit account's API token and Clerk organization. */
export interface DigitAccountCredentials {
  token: string
  organizationId: string
}

/**
 * Credentials of a Digit tenant: the primary account's token and organization at the top level,
 * the SANDBOX account's under `sandbox`. Both tokens hold every permission.
 */
export interface DigitCredentials extends Record<string, unknown>, DigitAccountCredentials {
  sandbox: DigitAccountCredentials
}

export type AccountKey = 'primary' | 'sandbox'

export interface DigitAccount {
  key: AccountKey
  organizationId: string
  name: string
  currency: string
  /** The user API tokens act as (the one who generated them in Settings > API Tokens). */
  user: { id: string; username: string; email: string }
  /** The next order number of this organization. */
  nextOrderNumber: number
}

/** Per-tenant settings the sandbox routes change: the rate limit (off by default) and query limits. */
export interface DigitSettings {
  rateLimit: { limit: number; windowSeconds: number } | null
  /** Deepest selection nesting accepted (`QUERY_TOO_DEEP` past it). */
  maxDepth: number
  /** Highest estimated cost accepted (`QUERY_TOO_EXPENSIVE` past it). */
  maxCost: number
}

export const DEFAULT_SETTINGS: DigitSettings = { rateLimit: null, maxDepth: 15, maxCost: 50_000 }

export interface DigitState {
  accounts: Record<AccountKey, DigitAccount>
  uoms: readonly UomFixture[]
  items: Table<ItemRow>
  companies: Table<CompanyRow>
  locations: Table<LocationRow>
  orders: Table<OrderRow>
  settings: DigitSettings
  rate: ReturnType<typeof createRateWindows>
  lock: Lock
}

/** Where a row is filed: its account, and (for lookups by SKU) account + lower-case SKU. */
const byAccount = (r: { account: string }) => r.account

/** Register an account's API token with every permission (the credentials printed by the server). */
export function registerToken(
  tenant: TenantBase<DigitCredentials>,
  account: DigitAccount,
  token: string,
  o: { id: string; name: string; permissions: readonly string[] },
) {
  return tenant.auth.issueStatic({
    clientId: account.organizationId,
    subject: account.user.id,
    scopes: o.permissions,
    environment: account.key,
    format: { kind: 'given', token },
    meta: { id: o.id, name: o.name, account: account.key },
  })
}

/** Build a tenant: two accounts, each seeded with items, a customer company and orders. */
export async function createDigitState(tenant: TenantBase<DigitCredentials>): Promise<DigitState> {
  const now = tenant.clock.now()
  const ids = tenant.ids
  const state: DigitState = {
    accounts: {
      primary: {
        key: 'primary',
        organizationId: tenant.credentials.organizationId,
        name: 'Northwind Goods',
        currency: 'USD',
        user: { id: ids.uuidv7(now), username: 'api-dev', email: 'dev@northwind-goods.test' },
        nextOrderNumber: 1001,
      },
      sandbox: {
        key: 'sandbox',
        organizationId: tenant.credentials.sandbox.organizationId,
        name: 'Northwind Goods (Sandbox)',
        currency: 'USD',
        user: { id: ids.uuidv7(now), username: 'api-dev', email: 'dev@northwind-goods.test' },
        nextOrderNumber: 1001,
      },
    },
    uoms: UOMS,
    items: await createTable(ItemRow, {
      account: byAccount,
      sku: (r) => (r.sku === null ? undefined : `${r.account}|${r.sku.toLowerCase()}`),
    }),
    companies: await createTable(CompanyRow, { account: byAccount }),
    locations: await createTable(LocationRow, { company: (r) => r.companyId }),
    orders: await createTable(OrderRow, { account: byAccount }),
    settings: { ...DEFAULT_SETTINGS },
    rate: createRateWindows(),
    lock: createLock(),
  }
  const DAY = 86_400_000
  for (const key of ['primary', 'sandbox'] as const) {
    const account = state.accounts[key]
    const mark = key === 'sandbox' ? ' (Sandbox)' : ''
    const token = key === 'primary' ? tenant.credentials : tenant.credentials.sandbox
    registerToken(tenant, account, token.token, {
      id: ids.uuidv7(now),
      name: `vendorsim ${key} token`,
      permissions: DIGIT_PERMISSION_KEYS,
    })
    const items: ItemRow[] = []
    for (const f of ITEMS) {
      const t = now - 40 * DAY
      items.push(
        state.items.seed({
          id: ids.uuidv7(t),
          account: key,
          name: f.name + mark,
          sku: f.sku,
          description: null,
          itemTypes: f.itemTypes ?? ['sell'],
          status: 'active',
          trackingMethod: f.trackingMethod ?? 'none',
          uomId: UOMS.find((u) => u.name === f.uom)!.id,
          price: { amount: f.price, currency: account.currency },
          createdAt: t,
          updatedAt: t,
        }),
      )
    }
    const companyAt = now - 35 * DAY
    const company = state.companies.seed({
      id: ids.uuidv7(companyAt),
      account: key,
      name: COMPANY.name + mark,
      type: ['customer'],
      kind: 'company',
      createdAt: companyAt,
    })
    const locations: LocationRow[] = []
    for (const l of COMPANY.locations)
      locations.push(
        state.locations.seed({
          id: ids.uuidv7(companyAt),
          account: key,
          companyId: company.id,
          addressLineTwo: null,
          createdAt: companyAt,
          ...l,
        }),
      )
    for (const o of ORDERS) {
      const at = now - o.daysAgo * DAY
      state.orders.seed({
        id: ids.uuidv7(at),
        account: key,
        number: account.nextOrderNumber++,
        orderDate: at,
        status: o.status,
        paymentStatus: o.paymentStatus,
        customerId: company.id,
        shippingAddressId: locations[0]!.id,
        billingAddressId: locations[1]!.id,
        reference: o.reference ?? null,
        notes: null,
        requestedDeliveryDate: null,
        lines: o.lines.map(([i, quantity, fulfilled]) => ({
          id: ids.uuidv7(at),
          itemId: items[i]!.id,
          quantity,
          fulfilled,
          costAmount: items[i]!.price!.amount,
          currency: account.currency,
        })),
        createdAt: at,
        updatedAt: at,
      })
    }
  }
  return state
}
