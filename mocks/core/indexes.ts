import type { RowOrder } from './sort.ts'

/**
 * The work behind a table's secondary indexes (`store.ts`): filing rows under their keys, moving
 * them on update, and the orders a key's rows are kept in. The same for every table, so these are
 * module functions given the table's indexes, not closures every table of every tenant carries.
 */

/**
 * Secondary indexes of a table: name → the key a row is filed under (`undefined`: not filed), or
 * an array of keys to file it under each of them (an order under each of its line items' ids).
 */
export type TableIndexes<T> = Record<string, (row: T) => unknown>

/** How many orders of one index key a table keeps sorted (the least recently asked for goes first). */
export const SORTED_ORDERS = 8

type Id = string | number
/** Rows of one table kept in an order (`sorted`), with its comparison. */
type Sorted<R> = { compare: (a: R, b: R) => number; rows: R[] }
/**
 * The rows an index files under one key, in insertion order. A bucket of more than `SCAN_UP_TO`
 * rows also maps each row to its place; a smaller one (a key most rows have alone, such as a SKU
 * or a line item) finds it by a short scan and costs no map. A bucket asked for in an order
 * (`sorted`) keeps a copy of its rows in that order, each write filing its row in.
 */
type Bucket<R extends { id: Id }> = {
  rows: R[]
  at?: Map<Id, number>
  sorts?: Map<string, Sorted<R>>
}
export type Buckets<R extends { id: Id }> = Map<unknown, Bucket<R>>
const SCAN_UP_TO = 16
export const EMPTY: readonly never[] = Object.freeze([])

function placeOf<R extends { id: Id }>(bucket: Bucket<R>, id: Id): number | undefined {
  if (bucket.at) return bucket.at.get(id)
  const i = bucket.rows.findIndex((r) => r.id === id)
  return i === -1 ? undefined : i
}

/**
 * Where `row` stands, or would stand, in a sorted copy: rows the order does not tell apart follow
 * their places in the bucket, so every row has exactly one place.
 */
function sortedPlace<R extends { id: Id }>(bucket: Bucket<R>, s: Sorted<R>, row: R) {
  let lo = 0
  let hi = s.rows.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const other = s.rows[mid]!
    const c = s.compare(other, row) || placeOf(bucket, other.id)! - placeOf(bucket, row.id)!
    if (c < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function add<R extends { id: Id }>(byKey: Buckets<R>, key: unknown, row: R) {
  if (key === undefined) return
  const bucket = byKey.get(key)
  // A new bucket's array holds exactly its row (an empty array grown by a push reserves 17).
  if (!bucket) return void byKey.set(key, { rows: [row] })
  bucket.at?.set(row.id, bucket.rows.length)
  bucket.rows.push(row)
  if (!bucket.at && bucket.rows.length > SCAN_UP_TO)
    bucket.at = new Map(bucket.rows.map((r, i) => [r.id, i]))
  if (bucket.sorts)
    for (const s of bucket.sorts.values()) s.rows.splice(sortedPlace(bucket, s, row), 0, row)
}

export function drop<R extends { id: Id }>(byKey: Buckets<R>, key: unknown, row: R) {
  const bucket = byKey.get(key)
  const i = bucket && placeOf(bucket, row.id)
  if (!bucket || i === undefined) return
  const filed = bucket.rows[i]!
  if (bucket.sorts)
    for (const s of bucket.sorts.values()) {
      const at = sortedPlace(bucket, s, filed)
      s.rows.splice(s.rows[at] === filed ? at : s.rows.indexOf(filed), 1)
    }
  bucket.rows.splice(i, 1)
  if (bucket.at) {
    bucket.at.delete(row.id)
    for (let j = i; j < bucket.rows.length; j++) bucket.at.set(bucket.rows[j]!.id, j)
  }
  if (!bucket.rows.length) byKey.delete(key)
}

/** The new version of a row where it is filed under `key` already; filed anew (at the end) where not. */
function replace<R extends { id: Id }>(byKey: Buckets<R>, key: unknown, after: R) {
  const bucket = byKey.get(key)
  const i = bucket && placeOf(bucket, after.id)
  if (!bucket || i === undefined) return add(byKey, key, after)
  const before = bucket.rows[i]!
  if (!bucket.sorts) return void (bucket.rows[i] = after)
  // In each sorted copy: the same place when the order does not tell the versions apart,
  // else out, and back in where the new version stands.
  const moved: Sorted<R>[] = []
  for (const s of bucket.sorts.values()) {
    const at = sortedPlace(bucket, s, before)
    if (s.rows[at] === before && s.compare(before, after) === 0) s.rows[at] = after
    else {
      s.rows.splice(s.rows[at] === before ? at : s.rows.indexOf(before), 1)
      moved.push(s)
    }
  }
  bucket.rows[i] = after
  for (const s of moved) s.rows.splice(sortedPlace(bucket, s, after), 0, after)
}

/** File a row (`add`) or take it out (`drop`) under its key, or each of its keys, in every index. */
export function eachIndex<R extends { id: Id }>(
  indexes: TableIndexes<R>,
  buckets: Map<string, Buckets<R>>,
  row: R,
  op: (byKey: Buckets<R>, key: unknown, row: R) => void,
) {
  for (const [name, keyOf] of Object.entries(indexes)) {
    const byKey = buckets.get(name)!
    const key = keyOf(row)
    if (Array.isArray(key)) for (const k of new Set(key)) op(byKey, k, row)
    else op(byKey, key, row)
  }
}

/** An update that keeps a row's keys replaces it in place; one that changes a key moves it (to the end, as a new filing). */
export function refile<R extends { id: Id }>(
  indexes: TableIndexes<R>,
  buckets: Map<string, Buckets<R>>,
  before: R,
  after: R,
) {
  for (const [name, keyOf] of Object.entries(indexes)) {
    const byKey = buckets.get(name)!
    const was = keyOf(before)
    const is = keyOf(after)
    if (Array.isArray(was) || Array.isArray(is)) {
      const kept = new Set(Array.isArray(is) ? is : is === undefined ? [] : [is])
      for (const k of Array.isArray(was) ? was : [was]) if (!kept.has(k)) drop(byKey, k, before)
      for (const k of kept) replace(byKey, k, after)
    } else if (was === is) replace(byKey, is, after)
    else {
      drop(byKey, was, before)
      add(byKey, is, after)
    }
  }
}

/**
 * A bucket's rows in `order`: sorted the first time (stably: rows the order does not tell apart
 * keep the bucket's order), then kept so by every write; the last `SORTED_ORDERS` are kept.
 */
export function keptOrder<R extends { id: Id }>(
  bucket: Bucket<R>,
  order: RowOrder<R>,
): readonly R[] {
  const sorts = (bucket.sorts ??= new Map())
  let s = sorts.get(order.name)
  if (s) sorts.delete(order.name)
  else {
    if (sorts.size >= SORTED_ORDERS) sorts.delete(sorts.keys().next().value!)
    s = { compare: order.compare, rows: [...bucket.rows].sort(order.compare) }
  }
  sorts.set(order.name, s)
  return s.rows
}
