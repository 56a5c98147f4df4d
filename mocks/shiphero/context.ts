import { getNamedType, isLeafType, isObjectType, type GraphQLResolveInfo } from 'graphql'
import {
  connectionFromArray,
  parseSort,
  rootKeyOf,
  sortRows,
  type ConnectionArgs,
} from '../core/graphql/index.ts'
import type { Table, Tenant } from '../core/index.ts'
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

const sortableCache = new Map<string, string[]>()

/** Leaf fields of a connection's node type: what `sort` may name. */
function sortableFields(info: GraphQLResolveInfo): string[] {
  const connection = getNamedType(info.returnType)
  const cached = sortableCache.get(connection.name)
  if (cached) return cached
  let fields: string[] = []
  if (isObjectType(connection)) {
    const edge = getNamedType(connection.getFields().edges?.type)
    const node = edge && isObjectType(edge) ? getNamedType(edge.getFields().node?.type) : undefined
    if (node && isObjectType(node))
      fields = Object.values(node.getFields())
        .filter((f) => isLeafType(getNamedType(f.type)))
        .map((f) => f.name)
  }
  sortableCache.set(connection.name, fields)
  return fields
}

/**
 * A sorted, sliced connection of `rows`, metered against the root field's
 * cost (each row returned is one credit).
 */
export function page<T extends { id: number }>(
  ctx: ShipHeroCtx,
  info: GraphQLResolveInfo,
  rows: readonly T[],
  args: ConnectionArgs & { sort?: string | null },
) {
  const keys = parseSort(args.sort, sortableFields(info), String(CODES.invalidArgument))
  const sorted = sortRows(rows, keys, (row, field) =>
    field === 'legacy_id' ? row.id : (row as Record<string, unknown>)[field],
  )
  const connection = connectionFromArray(sorted, args, {
    defaultSize: 100,
    code: String(CODES.invalidArgument),
  })
  const meter = ctx.roots.get(rootKeyOf(info.path))
  if (meter) meter.rows += connection.edges.length
  return connection
}

/**
 * The rows a list's `ids` argument names, once each and in the order they were created (legacy ids
 * grow with creation): a lookup per id, not a pass over the table.
 */
export function byIds<T extends { id: number }>(table: Table<T>, ids: readonly number[]): T[] {
  const out: T[] = []
  for (const id of new Set(ids)) {
    const row = table.get(id)
    if (row) out.push(row)
  }
  return out.sort((a, b) => a.id - b.id)
}

/**
 * Whether a list's arguments filter beyond its account (`customer_account_id`) and `analyze`:
 * without a filter, the index a list starts from is its answer and a page of it costs the page.
 */
export const filters = (args: object): boolean =>
  Object.entries(args).some(([k, v]) => k !== 'customer_account_id' && k !== 'analyze' && v != null)

/** Inclusive date-range filter on an ISO field (inputs are ms from the ISODateTime scalar). */
export function inRange(iso: unknown, from: unknown, to: unknown): boolean {
  if (from == null && to == null) return true
  if (typeof iso !== 'string') return false
  const t = Date.parse(iso)
  if (typeof from === 'number' && t < from) return false
  if (typeof to === 'number' && t > to) return false
  return true
}
