/**
 * Ordering rows by fields: the comparison every sorted list shares, whether it sorts an array
 * once (`sortRows`) or a table keeps an index in that order (`Table.sorted`). Nulls sort last
 * in both directions; rows equal on every key keep the order they had.
 */

export interface SortKey {
  field: string
  descending: boolean
}

/**
 * An order of a table's rows: `name` says which (the same name must always mean the same
 * comparison: a table keeps each order it is asked for under its name), `compare` compares two
 * rows, 0 for rows it does not tell apart (those keep the index's order).
 */
export interface RowOrder<T> {
  name: string
  compare(a: T, b: T): number
}

/** How a list reads a row's value for a sort field. */
export type FieldReader<T> = (row: T, field: string) => unknown

const readField = <T>(row: T, field: string) => (row as Record<string, unknown>)[field]

const compareValues = (a: unknown, b: unknown): number => {
  if (a === b) return 0
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1
  const sa = String(a)
  const sb = String(b)
  return sa < sb ? -1 : sa > sb ? 1 : 0
}

/**
 * The comparison `keys` describe, as a row order named after them (`"name,-price"`).
 * @example
 * table.sorted('account', accountId, rowOrder(parseSort('-created_at')))
 */
export function rowOrder<T>(
  keys: readonly SortKey[],
  read: FieldReader<T> = readField,
  prefix = '',
): RowOrder<T> {
  return {
    name: prefix + keys.map((k) => (k.descending ? `-${k.field}` : k.field)).join(','),
    compare(x, y) {
      for (const k of keys) {
        const va = read(x, k.field)
        const vb = read(y, k.field)
        if (va == null || vb == null) {
          if (va == null && vb == null) continue
          return va == null ? 1 : -1
        }
        const c = compareValues(va, vb)
        if (c) return k.descending ? -c : c
      }
      return 0
    },
  }
}

/**
 * Sort rows by keys (stable: rows equal on every key keep their order).
 * `read` gives a row's value for a field. Nulls sort last in both directions.
 */
export function sortRows<T>(
  rows: readonly T[],
  keys: readonly SortKey[],
  read: FieldReader<T> = readField,
): T[] {
  if (!keys.length) return rows as T[]
  // Array.prototype.sort is stable: rows the order does not tell apart keep their places.
  return [...rows].sort(rowOrder(keys, read).compare)
}

/**
 * The first index of `rows` at which `reached` holds, for a test that is false up to some row
 * and true from it on (rows in an order, the test a bound of that order): a binary search.
 * `rows.length` when it never holds.
 * @example
 * // rows newest first: the ones entered in [start, end]
 * rows.slice(firstIndex(rows, (o) => o.enteredAt <= end), firstIndex(rows, (o) => o.enteredAt < start))
 */
export function firstIndex<T>(rows: readonly T[], reached: (row: T) => boolean): number {
  let lo = 0
  let hi = rows.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (reached(rows[mid]!)) hi = mid
    else lo = mid + 1
  }
  return lo
}
