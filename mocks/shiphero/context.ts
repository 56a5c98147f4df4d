import type { Tenant } from '../core/index.ts'
import { CODES, notFound, shipHeroError } from './errors.ts'
import { legacyIdOf } from './ids.ts'
import type { ShipHeroCredentials, ShipHeroState } from './store.ts'
import type { AccountRow, UserRow } from './rows.ts'

/** What a root field knows about its cost while the operation runs. */
export interface RootMeter {
  field: string
  estimate: number
  /** Rows returned by the connections under this root so far. */
  rows: number
  analyze: boolean
  /** Response keys of the `complexity` fields under this root, filled in once it has run. */
  complexityKeys?: string[]
}

/** The GraphQL context of one ShipHero request. */
export interface ShipHeroCtx {
  tenant: Tenant<ShipHeroState, ShipHeroCredentials>
  state: ShipHeroState
  user: UserRow
  account: AccountRow
  requestId: string
  now: number
  roots: Map<string, RootMeter>
  /** Webhooks created by this request: their secret is shown once, here. */
  revealSecrets: Set<number>
}

/** Accounts the user's token may act for: its own and, for a 3PL, its customers. */
export function scopeAccount(ctx: ShipHeroCtx, customerAccountId: unknown): AccountRow {
  if (customerAccountId === undefined || customerAccountId === null || customerAccountId === '')
    return ctx.account
  const id = legacyIdOf(customerAccountId, 'Account')
  if (id === undefined)
    throw shipHeroError(
      CODES.invalidArgument,
      `Invalid customer_account_id "${String(customerAccountId)}"`,
    )
  if (id === ctx.account.id) return ctx.account
  const target = ctx.state.accounts.get(id)
  if (!target || target.parent_id !== ctx.account.id)
    throw shipHeroError(
      CODES.permissionDenied,
      `You don't have access to customer account ${String(customerAccountId)}`,
    )
  return target
}

/** Warehouses an account works with: its own, or its 3PL's. */
export function warehouseAccountOf(account: AccountRow): number {
  return account.parent_id ?? account.id
}

/** Find a warehouse by id argument (global or legacy) for an account. */
export function findWarehouse(ctx: ShipHeroCtx, account: AccountRow, value: unknown) {
  const id = legacyIdOf(value, 'Warehouse')
  const warehouse = id !== undefined ? ctx.state.warehouses.get(id) : undefined
  if (!warehouse || warehouse.account_id !== warehouseAccountOf(account))
    throw notFound('Warehouse')
  return warehouse
}

export { skuKey } from './store.ts'

/** The fields of `fields` an input sets (`undefined` ones left out): what a mutation copies onto a row. */
export const pick = (data: Record<string, unknown>, fields: readonly string[]) => {
  const out: Record<string, unknown> = {}
  for (const f of fields) if (data[f] !== undefined) out[f] = data[f]
  return out
}
