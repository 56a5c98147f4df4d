import type { Collection } from '@msw/data'
import type { z } from 'zod'

/**
 * The simulator's store type: a keyed table per entity, backed by an
 * `@msw/data` collection (schema-checked records, draft-style updates) with an
 * id index in front, so lookups by id stay O(1) as tenants accumulate rows.
 * Vendors only ever see this interface, never the library.
 */
export interface Table<T extends { id: string | number }> {
  /** Insert a row; rejects a row that does not match the schema or reuses an id. */
  insert(row: T): Promise<T>
  get(id: T['id']): T | undefined
  find(predicate: (row: T) => boolean): T | undefined
  filter(predicate: (row: T) => boolean): T[]
  all(): T[]
  /** Apply `mutate` to a draft of the row and store the result atomically. */
  update(id: T['id'], mutate: (draft: T) => void): Promise<T>
  remove(id: T['id']): boolean
  count(): number
  clear(): void
}

// @msw/data pulls in es-toolkit/compat (~200 ms to load): load it on first use,
// so a server answers before it and only the first tenant waits for it.
let library: Promise<typeof import('@msw/data')> | undefined
export const loadStoreLibrary = () => (library ??= import('@msw/data'))

/**
 * @example
 * const products = await createTable(ProductSchema)
 * await products.insert({ id: 'photobook', name: 'Photobook', ... })
 * products.get('photobook')
 */
export async function createTable<S extends z.ZodType<{ id: string | number }>>(
  schema: S,
): Promise<Table<z.output<S>>> {
  type T = z.output<S>
  const { Collection: CollectionClass } = await loadStoreLibrary()
  const collection = new CollectionClass({
    schema: schema as never,
  }) as unknown as Collection<never>
  const byId = new Map<T['id'], T>()
  const api = collection as unknown as {
    create(v: T): Promise<T>
    update(r: T, o: { data(d: T): void }): Promise<T | undefined>
    delete(r: T): T | undefined
    all(): T[]
    clear(): void
  }
  return {
    async insert(row) {
      if (byId.has(row.id)) throw new Error(`duplicate id ${String(row.id)}`)
      const created = await api.create(row)
      byId.set(row.id, created)
      return created
    },
    get: (id) => byId.get(id),
    find(predicate) {
      for (const row of byId.values()) if (predicate(row)) return row
      return undefined
    },
    filter(predicate) {
      const out: T[] = []
      for (const row of byId.values()) if (predicate(row)) out.push(row)
      return out
    },
    all: () => [...byId.values()],
    async update(id, mutate) {
      const current = byId.get(id)
      if (!current) throw new Error(`no row ${String(id)}`)
      const next = await api.update(current, { data: mutate })
      if (!next) throw new Error(`no row ${String(id)}`)
      byId.set(id, next)
      return next
    },
    remove(id) {
      const current = byId.get(id)
      if (!current) return false
      api.delete(current)
      byId.delete(id)
      return true
    },
    count: () => byId.size,
    clear() {
      api.clear()
      byId.clear()
    },
  }
}
