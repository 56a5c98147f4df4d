import { base64 } from '../ids.ts'
import { SimError } from '../errors.ts'
import type { SortKey } from '../sort.ts'

export { sortRows, type SortKey } from '../sort.ts'

/**
 * Connections over an ordered array, in the two shapes vendors use:
 * - Relay (`edges { node cursor }`, `pageInfo`, `total_count`) with `first/last/before/after`
 *   as field arguments (ShipHero, graphene's cursor format `base64("arrayconnection:<offset>")`);
 * - `nodes` + `totalCount` + `pageInfo` with a `connection: { first, after, last, before }`
 *   input argument (Digit).
 * One slicer serves both; the shapers only lay the slice out. Also the `sort` argument parser.
 * @see https://relay.dev/graphql/connections.htm
 */
export interface ConnectionArgs {
  first?: number | null
  last?: number | null
  after?: string | null
  before?: string | null
}

export interface PageInfo {
  hasNextPage: boolean
  hasPreviousPage: boolean
  startCursor: string | null
  endCursor: string | null
}

/** One page of rows with its cursors, before a vendor lays it out. */
export interface ConnectionSlice<T> {
  rows: T[]
  cursors: string[]
  pageInfo: PageInfo
  totalCount: number
}

export interface Connection<T> {
  edges: Array<{ node: T; cursor: string }>
  pageInfo: PageInfo
  total_count: number
}

export interface NodesConnection<T> {
  nodes: T[]
  totalCount: number
  pageInfo: PageInfo
}

export interface SliceOptions {
  /** Rows when neither `first` nor `last` is given (ShipHero: 100). */
  defaultSize?: number
  /** Largest `first`/`last` accepted; more is the vendor's invalid-argument error. */
  maxSize?: number
  /** The vendor's invalid-argument code (SimError `code`). */
  code?: string
  /** Cursor text before base64 (`arrayconnection:`, graphene's). */
  cursorPrefix?: string
}

const PREFIX = 'arrayconnection:'

export const offsetToCursor = (offset: number, prefix = PREFIX) => base64(prefix + offset)

/** The offset a cursor points at; `undefined` when it is not one of ours. */
export function cursorToOffset(cursor: string, prefix = PREFIX): number | undefined {
  const text = Buffer.from(cursor, 'base64').toString('utf8')
  if (!text.startsWith(prefix)) return undefined
  const n = Number(text.slice(prefix.length))
  return Number.isInteger(n) && n >= 0 ? n : undefined
}

/**
 * Slice `rows` the Relay way. Bad arguments throw a SimError with `code` (the
 * vendor's invalid-argument code), answered inside the GraphQL result.
 * @example
 * sliceConnection(rows, { first: 2, after: offsetToCursor(1) }).rows // rows 2 and 3
 */
export function sliceConnection<T>(
  rows: readonly T[],
  args: ConnectionArgs,
  options: SliceOptions = {},
): ConnectionSlice<T> {
  const code = options.code ?? 'invalid_argument'
  const prefix = options.cursorPrefix ?? PREFIX
  const { first, last, after, before } = args
  if (first != null && first < 0)
    throw new SimError(200, code, 'Argument "first" must be a non-negative integer')
  if (last != null && last < 0)
    throw new SimError(200, code, 'Argument "last" must be a non-negative integer')
  if (
    options.maxSize !== undefined &&
    ((first ?? 0) > options.maxSize || (last ?? 0) > options.maxSize)
  )
    throw new SimError(200, code, `Arguments "first" and "last" may not exceed ${options.maxSize}`)
  const badCursor = (name: string) =>
    new SimError(200, code, `Argument "${name}" is not a valid cursor`)
  const afterOffset = after != null ? cursorToOffset(after, prefix) : -1
  if (afterOffset === undefined) throw badCursor('after')
  const beforeOffset = before != null ? cursorToOffset(before, prefix) : rows.length
  if (beforeOffset === undefined) throw badCursor('before')

  let start = Math.max(afterOffset + 1, 0)
  let end = Math.min(beforeOffset, rows.length)
  if (start > end) start = end
  const size = first == null && last == null ? (options.defaultSize ?? 100) : undefined
  if (first != null || size !== undefined) end = Math.min(end, start + (first ?? size!))
  if (last != null) start = Math.max(start, end - last)

  const page = rows.slice(start, end)
  const cursors = page.map((_, i) => offsetToCursor(start + i, prefix))
  const lowerBound = after != null ? afterOffset + 1 : 0
  const upperBound = before != null ? Math.min(beforeOffset, rows.length) : rows.length
  return {
    rows: page,
    cursors,
    pageInfo: {
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
      hasPreviousPage: last != null ? start > lowerBound : false,
      hasNextPage: first != null || size !== undefined ? end < upperBound : false,
    },
    totalCount: rows.length,
  }
}

/** A Relay connection: `edges { node cursor }`, `pageInfo`, `total_count`. */
export const relayShape = <T>(s: ConnectionSlice<T>): Connection<T> => ({
  edges: s.rows.map((node, i) => ({ node, cursor: s.cursors[i]! })),
  pageInfo: s.pageInfo,
  total_count: s.totalCount,
})

/** A `nodes` connection: `nodes`, `totalCount`, `pageInfo`. */
export const nodesShape = <T>(s: ConnectionSlice<T>): NodesConnection<T> => ({
  nodes: s.rows,
  totalCount: s.totalCount,
  pageInfo: s.pageInfo,
})

/**
 * A Relay connection of `rows` (`first/last/before/after` as field arguments).
 * @example
 * connectionFromArray(rows, { first: 2, after: offsetToCursor(1) }) // rows 2 and 3
 */
export const connectionFromArray = <T>(
  rows: readonly T[],
  args: ConnectionArgs,
  options: SliceOptions = {},
) => relayShape(sliceConnection(rows, args, options))

/**
 * A `nodes` connection of `rows`, paged by a `connection: { first, after, last, before }` argument.
 * @example
 * nodesConnection(items, args.connection ?? {}, { defaultSize: 50 })
 */
export const nodesConnection = <T>(
  rows: readonly T[],
  args: ConnectionArgs | null | undefined,
  options: SliceOptions = {},
) => nodesShape(sliceConnection(rows, args ?? {}, options))

/**
 * Parse a `sort` argument: comma-separated fields, ascending unless prefixed
 * with `-`; `+` is accepted; whitespace is ignored. `"name, -price"`.
 * Fields not in `allowed` (when given) throw a SimError with `code`. A field named again is
 * dropped (it cannot order rows its first mention left tied), so a long `sort` text costs no more
 * to sort by than the distinct fields it names.
 */
export function parseSort(
  text: string | null | undefined,
  allowed?: readonly string[],
  code = 'invalid_argument',
): SortKey[] {
  if (text == null || text.trim() === '') return []
  const keys: SortKey[] = []
  const named = new Set<string>()
  for (const part of text.split(',')) {
    const token = part.trim()
    if (!token) continue
    const descending = token.startsWith('-')
    const field = token.replace(/^[+-]\s*/, '')
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field))
      throw new SimError(200, code, `Invalid sort field "${token}"`)
    if (allowed && !allowed.includes(field))
      throw new SimError(
        200,
        code,
        `Cannot sort by "${field}"; sortable fields: ${allowed.join(', ')}`,
      )
    if (!named.has(field)) keys.push({ field, descending })
    named.add(field)
  }
  return keys
}
