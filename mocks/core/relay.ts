import { SimError } from './errors.ts'

/**
 * Relay connections over an array, with graphene's cursor format
 * (`base64("arrayconnection:<offset>")`), and the `sort` argument parser.
 * @see https://relay.dev/graphql/connections.htm
 */
export interface ConnectionArgs {
  first?: number | null
  last?: number | null
  after?: string | null
  before?: string | null
}

export interface Connection<T> {
  edges: Array<{ node: T; cursor: string }>
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }
  total_count: number
}

const PREFIX = 'arrayconnection:'

export const offsetToCursor = (offset: number) => Buffer.from(PREFIX + offset, 'utf8').toString('base64')

/** The offset a cursor points at; `undefined` when it is not one of ours. */
export function cursorToOffset(cursor: string): number | undefined {
  const text = Buffer.from(cursor, 'base64').toString('utf8')
  if (!text.startsWith(PREFIX)) return undefined
  const n = Number(text.slice(PREFIX.length))
  return Number.isInteger(n) && n >= 0 ? n : undefined
}

/**
 * Slice `rows` the Relay way. When neither `first` nor `last` is given,
 * `defaultSize` rows are returned from the start (ShipHero: 100).
 * Bad arguments throw a SimError with `code` (the vendor's invalid-argument code).
 * @example
 * connectionFromArray(rows, { first: 2, after: offsetToCursor(1) }) // rows 2 and 3
 */
export function connectionFromArray<T>(rows: readonly T[], args: ConnectionArgs, options: { defaultSize?: number; code?: string } = {}): Connection<T> {
  const code = options.code ?? 'invalid_argument'
  const { first, last, after, before } = args
  if (first != null && first < 0) throw new SimError(200, code, 'Argument "first" must be a non-negative integer')
  if (last != null && last < 0) throw new SimError(200, code, 'Argument "last" must be a non-negative integer')
  const badCursor = (name: string) => new SimError(200, code, `Argument "${name}" is not a valid cursor`)
  const afterOffset = after != null ? cursorToOffset(after) : -1
  if (afterOffset === undefined) throw badCursor('after')
  const beforeOffset = before != null ? cursorToOffset(before) : rows.length
  if (beforeOffset === undefined) throw badCursor('before')

  let start = Math.max(afterOffset + 1, 0)
  let end = Math.min(beforeOffset, rows.length)
  if (start > end) start = end
  const size = first == null && last == null ? options.defaultSize ?? 100 : undefined
  if (first != null || size !== undefined) end = Math.min(end, start + (first ?? size!))
  if (last != null) start = Math.max(start, end - last)

  const edges = new Array<{ node: T; cursor: string }>(end - start)
  for (let i = start; i < end; i++) edges[i - start] = { node: rows[i]!, cursor: offsetToCursor(i) }
  const lowerBound = after != null ? afterOffset + 1 : 0
  const upperBound = before != null ? Math.min(beforeOffset, rows.length) : rows.length
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
      hasPreviousPage: last != null ? start > lowerBound : false,
      hasNextPage: first != null || size !== undefined ? end < upperBound : false,
    },
    total_count: rows.length,
  }
}

export interface SortKey {
  field: string
  descending: boolean
}

/**
 * Parse a `sort` argument: comma-separated fields, ascending unless prefixed
 * with `-`; `+` is accepted; whitespace is ignored. `"name, -price"`.
 * Fields not in `allowed` (when given) throw a SimError with `code`.
 */
export function parseSort(text: string | null | undefined, allowed?: readonly string[], code = 'invalid_argument'): SortKey[] {
  if (text == null || text.trim() === '') return []
  const keys: SortKey[] = []
  for (const part of text.split(',')) {
    const token = part.trim()
    if (!token) continue
    const descending = token.startsWith('-')
    const field = token.replace(/^[+-]\s*/, '')
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new SimError(200, code, `Invalid sort field "${token}"`)
    if (allowed && !allowed.includes(field)) throw new SimError(200, code, `Cannot sort by "${field}"; sortable fields: ${allowed.join(', ')}`)
    keys.push({ field, descending })
  }
  return keys
}

const compareValues = (a: unknown, b: unknown): number => {
  if (a === b) return 0
  if (a == null) return 1
  if (b == null) return -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1
  const sa = String(a)
  const sb = String(b)
  return sa < sb ? -1 : sa > sb ? 1 : 0
}

/**
 * Sort rows by keys (stable: rows equal on every key keep their order).
 * `read` gives a row's value for a field. Nulls sort last in both directions.
 */
export function sortRows<T>(rows: readonly T[], keys: readonly SortKey[], read: (row: T, field: string) => unknown = (r, f) => (r as Record<string, unknown>)[f]): T[] {
  if (!keys.length) return rows as T[]
  return rows
    .map((row, i) => ({ row, i }))
    .sort((x, y) => {
      for (const k of keys) {
        const va = read(x.row, k.field)
        const vb = read(y.row, k.field)
        if (va == null || vb == null) {
          if (va == null && vb == null) continue
          return va == null ? 1 : -1
        }
        const c = compareValues(va, vb)
        if (c) return k.descending ? -c : c
      }
      return x.i - y.i
    })
    .map((x) => x.row)
}
