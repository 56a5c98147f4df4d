import { describe, expect, it } from 'vitest'
import { createSim } from '../../mocks/core/index.ts'
import { shiphero } from '../../mocks/shiphero/index.ts'
import { shipheroClient } from '../../mocks/sim-clients.ts'

/**
 * ShipHero's `sort:` pages from an order the store keeps of the account's products once asked
 * for; every write is filed into it. Each answer is checked against a sort of the whole table.
 */
const sim = createSim(shiphero, { seed: 1 })
const client = shipheroClient(sim)
const state = async () => (await sim.control.tenant()).state
const legacy = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1])
const ids = (edges: Array<{ node: { id: string } }>) => edges.map((e) => legacy(e.node.id))
const account = async () => (await client.account()).data as { id: string; legacy_id: number }
/** The first page (100 rows) of a sort of the table. */
const firstPage = (rows: Array<{ id: number }>) => rows.slice(0, 100).map((r) => r.id)

describe('ShipHero sorted lists', () => {
  it('a sorted list keeps its order through later writes: what a sort of the whole table gives', async () => {
    const me = (await account()).legacy_id
    const sortedIds = async (sort: string) =>
      ids(
        (
          await client.query<{
            products: { data: { edges: Array<{ node: { id: string } }> } }
          }>(`{ products { data(first: 100, sort: "${sort}") { edges { node { id } } } } }`)
        ).products.data.edges,
      )
    const expected = async (keys: Array<[string, 1 | -1]>) => {
      const rows = (await state()).products.filter((p) => p.account_id === me)
      const value = (p: { id: number; name: string }, f: string) =>
        f === 'legacy_id' ? p.id : p.name
      return firstPage(
        [...rows].sort((a, b) => {
          for (const [f, d] of keys) {
            const x = value(a, f)
            const y = value(b, f)
            if (x !== y) return (x < y ? -1 : 1) * d
          }
          return 0
        }),
      )
    }
    // Asked for once: from now on the table keeps these orders, and every write files into them.
    expect(await sortedIds('-name')).toEqual(await expected([['name', -1]]))
    expect(await sortedIds('name, -legacy_id')).toEqual(
      await expected([
        ['name', 1],
        ['legacy_id', -1],
      ]),
    )
    await client.products.create({ name: 'Aardvark', sku: 'SORT-1', warehouse_products: [] })
    await client.products.create({ name: 'Zebra', sku: 'SORT-2', warehouse_products: [] })
    await client.products.create({ name: 'Aardvark', sku: 'SORT-3', warehouse_products: [] })
    await client.products.update({ sku: 'SORT-2', name: 'Aardvark' })
    expect(await sortedIds('-name')).toEqual(await expected([['name', -1]]))
    expect(await sortedIds('name, -legacy_id')).toEqual(
      await expected([
        ['name', 1],
        ['legacy_id', -1],
      ]),
    )
    expect((await sortedIds('name, -legacy_id')).slice(0, 3)).toEqual(
      (await state()).products
        .filter((p) => p.sku.startsWith('SORT-'))
        .map((p) => p.id)
        .reverse(),
    )
  })
})
