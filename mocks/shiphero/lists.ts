import { getNamedType, isLeafType, isObjectType, type GraphQLResolveInfo } from 'graphql'
import {
  connectionFromArray,
  parseSort,
  rootKeyOf,
  sortRows,
  type ConnectionArgs,
} from '../core/graphql/index.ts'
import type { Table } from '../core/index.ts'
import { rowOrder } from '../core/sort.ts'
import type { ShipHeroCtx } from './context.ts'
import { CODES } from './errors.ts'

/**
 * ShipHero's lists: a connection page of rows (sorted, sliced and metered), the rows an `ids`
 * argument names, whether a list's arguments filter at all, and date ranges.
 * @see https://developer.shiphero.com/getting-started/ (paging, and the credits a page costs)
 */

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
 * A list's rows as one key of a table's index gives them, filtered by `where` when the list's
 * arguments filter: sorted, they come from the order the table keeps for the index key (a page
 * costs the page), then the filter.
 */
export interface IndexedRows<T extends { id: number }> {
  table: Table<T>
  index: string
  key: unknown
  where?: (row: T) => boolean
}

/** `rows` narrowed by `match` (none: all of them): an array now, an index key's rows once sorted. */
export function narrowed<T extends { id: number }>(
  rows: readonly T[] | IndexedRows<T>,
  match: ((row: T) => boolean) | undefined,
): readonly T[] | IndexedRows<T> {
  if (!match) return rows
  return 'table' in rows ? { ...rows, where: match } : rows.filter(match)
}

/** `legacy_id` is the row's id; every other sort field is the row's own. */
const readField = (row: { id: number }, field: string) =>
  field === 'legacy_id' ? row.id : (row as Record<string, unknown>)[field]

/**
 * A sorted, sliced connection of `rows` (an array, or an index key's rows), metered against the
 * root field's cost (each row returned is one credit).
 */
export function page<T extends { id: number }>(
  ctx: ShipHeroCtx,
  info: GraphQLResolveInfo,
  rows: readonly T[] | IndexedRows<T>,
  args: ConnectionArgs & { sort?: string | null },
) {
  const keys = parseSort(args.sort, sortableFields(info), String(CODES.invalidArgument))
  let sorted: readonly T[]
  if ('table' in rows) {
    const { table, index, key, where } = rows
    const all = keys.length
      ? table.sorted(index, key, rowOrder<T>(keys, readField))
      : table.lookup(index, key)
    sorted = where ? all.filter(where) : all
  } else sorted = sortRows(rows, keys, readField)
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
