import type { z } from 'zod'
import type { RowOrder } from './sort.ts'

/**
 * The simulator's store type: a keyed table per entity. Vendors only ever see this
 * interface. Behind it: a `Map` in insertion order, every write checked against the
 * table's zod schema, and copy-on-update (a row read before an update keeps its old
 * values: an update builds a new row from a clone and stores it whole, or nothing).
 *
 * It replaced `@msw/data` collections here: measured with the same seed, a ShipHero
 * tenant (~330 seeded rows) cost ~490 KiB and ~20 ms to build through `@msw/data`'s
 * per-record sanitising and indexes, which this store does not need (lookups go
 * through the id map, lists through the vendor's own indexes).
 */
export interface Table<T extends { id: string | number }> {
  /** Insert a row; rejects a row that does not match the schema or reuses an id. */
  insert(row: T): Promise<T>
  /**
   * Insert a row the simulator built itself (a vendor's default seed) without `insert`'s schema
   * check, which cost every start ~30 ms of CPU across the five seeds. It still rejects a reused
   * id. Never for a row made from a request: those go through `insert` or `update`. `verify()`
   * makes the check afterwards; the suite runs it on every vendor's seeded tenant.
   */
  seed(row: T): T
  /** Every stored row checked against the schema: one line per row that does not match (none: `[]`). */
  verify(): string[]
  get(id: T['id']): T | undefined
  find(predicate: (row: T) => boolean): T | undefined
  filter(predicate: (row: T) => boolean): T[]
  all(): T[]
  /** Rows `start` to `end` (exclusive) in insertion order: a page costs its offset and length, not the table. */
  slice(start: number, end: number): T[]
  /** Apply `mutate` to a copy of the row, check it, and store the result (atomically: a failed check stores nothing). */
  update(id: T['id'], mutate: (draft: T) => void): Promise<T>
  remove(id: T['id']): boolean
  count(): number
  clear(): void
  /**
   * Rows whose `index` key is `key`, in insertion order, kept up to date on every write: a
   * lookup by SKU or account costs the rows it returns, not the table. The array is the
   * index's own: read it, slice it, never change it.
   */
  lookup(index: string, key: unknown): readonly T[]
  /**
   * The rows of `lookup(index, key)` in `order` (rows it does not tell apart keep the index's
   * order). The first call sorts them; from then on every write files its row into place (a
   * binary search), so a sorted page costs the page, not a sort of the index key; a write then
   * moves the rows after its place in each kept order (a memory move: ~0.1 ms per write at 100k
   * rows when new rows sort first). Each key keeps the last `SORTED_ORDERS` orders asked for.
   * The array is the table's own: never change it.
   */
  sorted(index: string, key: unknown, order: RowOrder<T>): readonly T[]
}

/** How many orders of one index key a table keeps sorted (the least recently asked for goes first). */
export const SORTED_ORDERS = 8

/**
 * Secondary indexes of a table: name → the key a row is filed under (`undefined`: not filed), or
 * an array of keys to file it under each of them (an order under each of its line items' ids).
 */
export type TableIndexes<T> = Record<string, (row: T) => unknown>

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
type Buckets<R extends { id: Id }> = Map<unknown, Bucket<R>>
const SCAN_UP_TO = 16
const EMPTY: readonly never[] = Object.freeze([])

// The bucket work is the same for every table: module functions, not closures each table would
// carry (a tenant has a dozen tables).
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

function add<R extends { id: Id }>(byKey: Buckets<R>, key: unknown, row: R) {
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

function drop<R extends { id: Id }>(byKey: Buckets<R>, key: unknown, row: R) {
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
function eachIndex<R extends { id: Id }>(
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
function refile<R extends { id: Id }>(
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
 * @example
 * const products = await createTable(ProductSchema)
 * await products.insert({ id: 'photobook', name: 'Photobook', ... })
 * products.get('photobook')
 */
export async function createTable<S extends z.ZodType<{ id: string | number }>>(
  schema: S,
  indexes: TableIndexes<z.output<S>> = {},
): Promise<Table<z.output<S>>> {
  type T = z.output<S>
  const rows = new Map<T['id'], T>()
  const buckets = new Map<string, Buckets<T>>(Object.keys(indexes).map((name) => [name, new Map()]))
  const problem = (row: T) => {
    const result = schema.safeParse(row)
    return result.success
      ? undefined
      : `row ${String(row.id)} does not match the table's schema: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
  }
  const check = (row: T) => {
    const wrong = problem(row)
    if (wrong) throw new Error(wrong)
  }
  const fresh = (id: T['id']) => {
    if (rows.has(id)) throw new Error(`duplicate id ${String(id)}`)
  }
  const put = (row: T) => {
    rows.set(row.id, row)
    eachIndex(indexes, buckets, row, add)
    return row
  }
  const seed = (row: T) => {
    fresh(row.id)
    return put(row)
  }
  return {
    async insert(row) {
      // The id is looked up once: in a table of 100k rows each lookup is a cache miss.
      fresh(row.id)
      check(row)
      return put(row)
    },
    seed,
    verify: () => [...rows.values()].flatMap((row) => problem(row) ?? []),
    get: (id) => rows.get(id),
    find(predicate) {
      for (const row of rows.values()) if (predicate(row)) return row
      return undefined
    },
    filter(predicate) {
      const out: T[] = []
      for (const row of rows.values()) if (predicate(row)) out.push(row)
      return out
    },
    all: () => [...rows.values()],
    slice(start, end) {
      const out: T[] = []
      if (end <= start) return out
      let i = 0
      for (const row of rows.values()) {
        if (i >= end) break
        if (i++ >= start) out.push(row)
      }
      return out
    },
    async update(id, mutate) {
      const current = rows.get(id)
      if (!current) throw new Error(`no row ${String(id)}`)
      const draft = structuredClone(current)
      mutate(draft)
      if (draft.id !== id) throw new Error(`an update may not change a row's id (${String(id)})`)
      check(draft)
      rows.set(id, draft)
      refile(indexes, buckets, current, draft)
      return draft
    },
    remove(id) {
      const current = rows.get(id)
      if (!current) return false
      eachIndex(indexes, buckets, current, drop)
      return rows.delete(id)
    },
    count: () => rows.size,
    clear() {
      rows.clear()
      for (const byKey of buckets.values()) byKey.clear()
    },
    lookup(index, key) {
      const byKey = buckets.get(index)
      if (!byKey) throw new Error(`no index "${index}" on this table`)
      return byKey.get(key)?.rows ?? EMPTY
    },
    sorted(index, key, order) {
      const byKey = buckets.get(index)
      if (!byKey) throw new Error(`no index "${index}" on this table`)
      const bucket = byKey.get(key)
      if (!bucket) return EMPTY
      const sorts = (bucket.sorts ??= new Map())
      let s = sorts.get(order.name)
      if (s) sorts.delete(order.name)
      else {
        if (sorts.size >= SORTED_ORDERS) sorts.delete(sorts.keys().next().value!)
        // A stable sort: rows the order does not tell apart keep the bucket's order.
        s = { compare: order.compare, rows: [...bucket.rows].sort(order.compare) }
      }
      sorts.set(order.name, s)
      return s.rows
    },
  }
}

/**
 * A view computed once per row version. A table never changes a stored row (an update stores a
 * new row built from a copy), so a view that reads its row and nothing else can be kept beside
 * the row, and goes with it. The view is frozen: every answer that lists the row shares it.
 *
 * @example
 * export const skuView = viewPerRow((s: SkuRow) => ({ id: s.id, ean: s.ean }))
 * app.get('/skus', (c) => send(c, { skus: table.all().map((s) => skuView(s)) }))
 */
export function viewPerRow<R extends object, V extends object>(
  view: (row: R) => V,
): (row: R) => Readonly<V> {
  const views = new WeakMap<R, Readonly<V>>()
  return (row) => {
    let v = views.get(row)
    if (v === undefined) views.set(row, (v = Object.freeze(view(row))))
    return v
  }
}
