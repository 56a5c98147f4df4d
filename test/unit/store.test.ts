import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseSort } from '../../mocks/core/graphql/connections.ts'
import { createSim, createTable, type Table, viewPerRow } from '../../mocks/core/index.ts'
import { rowOrder, sortRows } from '../../mocks/core/sort.ts'
import { SORTED_ORDERS } from '../../mocks/core/store.ts'
import { REGISTRY } from '../../mocks/registry.ts'

describe('viewPerRow', () => {
  it('computes a view once per row version: an update gives a new view, the old row keeps its own', async () => {
    const table = await createTable(z.object({ id: z.string(), stock: z.number() }))
    let computed = 0
    const view = viewPerRow((r: { id: string; stock: number }) => {
      computed++
      return { id: r.id, available: r.stock }
    })
    const before = await table.insert({ id: 'a', stock: 2 })
    expect(view(table.get('a')!)).toBe(view(table.get('a')!))
    expect(computed).toBe(1)
    await table.update('a', (d) => {
      d.stock = 5
    })
    expect(view(table.get('a')!)).toEqual({ id: 'a', available: 5 })
    expect(view(before)).toEqual({ id: 'a', available: 2 })
    expect(computed).toBe(2)
    // Shared by every answer that lists the row: nobody may change it.
    expect(() => {
      ;(view(before) as { available: number }).available = 9
    }).toThrow(TypeError)
  })
})

describe('seeded rows', () => {
  it('seed() skips the schema check but not the id check; verify() finds what it let through', async () => {
    const table = await createTable(z.object({ id: z.string(), stock: z.number().int() }))
    await expect(table.insert({ id: 'bad', stock: 1.5 })).rejects.toThrow(/stock/)
    expect(table.seed({ id: 'a', stock: 2 })).toEqual({ id: 'a', stock: 2 })
    table.seed({ id: 'b', stock: 1.5 })
    expect(() => table.seed({ id: 'a', stock: 3 })).toThrow(/duplicate id a/)
    await expect(table.insert({ id: 'a', stock: 3 })).rejects.toThrow(/duplicate id a/)
    expect(table.verify()).toEqual([expect.stringMatching(/^row b does not match .*stock/)])
    expect(table.get('a')).toEqual({ id: 'a', stock: 2 })
  })

  // The default seeds skip the per-row check at start; this is where they are checked instead.
  it.each(Object.keys(REGISTRY))(
    "every table of %s's seeded tenant matches its schema",
    async (id) => {
      const sim = createSim(await REGISTRY[id]!.load())
      const { state } = await sim.control.tenant()
      const tables = Object.entries(state as Record<string, unknown>).filter(
        (e): e is [string, Table<{ id: string }>] =>
          typeof (e[1] as Partial<Table<{ id: string }>> | null)?.verify === 'function',
      )
      expect(tables.length).toBeGreaterThan(0)
      for (const [name, table] of tables) expect([name, table.verify()]).toEqual([name, []])
      expect(tables.reduce((n, [, t]) => n + t.count(), 0)).toBeGreaterThan(0)
    },
  )
})

describe('indexes', () => {
  const Order = z.object({
    id: z.number(),
    account: z.number(),
    lines: z.array(z.number()),
  })

  it('file a row under its key, or under each key of an array, and follow updates and removals', async () => {
    const orders = await createTable(Order, {
      account: (o) => o.account,
      line: (o) => o.lines,
    })
    await orders.insert({ id: 1, account: 7, lines: [10, 11, 11] })
    await orders.insert({ id: 2, account: 7, lines: [12] })
    const ids = (rows: readonly { id: number }[]) => rows.map((r) => r.id)
    expect(ids(orders.lookup('account', 7))).toEqual([1, 2])
    expect(ids(orders.lookup('line', 11))).toEqual([1])
    expect(ids(orders.lookup('line', 12))).toEqual([2])

    // A line moves from one order to the other; the kept keys hold the new version in place.
    await orders.update(1, (d) => void (d.lines = [10]))
    await orders.update(2, (d) => void d.lines.push(11))
    expect(ids(orders.lookup('line', 11))).toEqual([2])
    expect(orders.lookup('line', 10)[0]).toBe(orders.get(1))
    expect(orders.lookup('account', 7)[0]).toBe(orders.get(1))
    await orders.update(1, (d) => void (d.account = 8))
    expect(ids(orders.lookup('account', 7))).toEqual([2])
    expect(ids(orders.lookup('account', 8))).toEqual([1])

    orders.remove(2)
    expect(orders.lookup('line', 11)).toEqual([])
    expect(orders.lookup('line', 12)).toEqual([])
    expect(ids(orders.lookup('line', 10))).toEqual([1])
    expect(() => orders.lookup('nope', 1)).toThrow(/no index "nope"/)
  })
})

describe('a large bucket', () => {
  it('keeps insertion order through updates and removals once it maps rows to their places', async () => {
    const table = await createTable(
      z.object({ id: z.number(), group: z.string(), n: z.number() }),
      {
        group: (r) => r.group,
      },
    )
    for (let id = 1; id <= 40; id++) await table.insert({ id, group: 'g', n: 0 })
    table.remove(5)
    table.remove(30)
    await table.update(20, (d) => void (d.n = 1))
    await table.update(3, (d) => void (d.group = 'h'))
    const g = table.lookup('group', 'g')
    expect(g.map((r) => r.id)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1).filter((id) => ![3, 5, 30].includes(id)),
    )
    expect(g.find((r) => r.id === 20)).toBe(table.get(20))
    expect(table.get(20)!.n).toBe(1)
    for (let id = 1; id <= 40; id++) if (id !== 3 && id !== 20) table.remove(id)
    expect(table.lookup('group', 'g').map((r) => r.id)).toEqual([20])
    expect(table.lookup('group', 'h').map((r) => r.id)).toEqual([3])
  })
})

describe('slice', () => {
  it('pages rows in insertion order without copying the table; an update keeps a row in its place', async () => {
    const table = await createTable(z.object({ id: z.number(), n: z.number() }))
    for (let id = 1; id <= 10; id++) await table.insert({ id, n: 0 })
    await table.update(4, (d) => void (d.n = 1))
    table.remove(2)
    expect(table.slice(0, 3).map((r) => r.id)).toEqual([1, 3, 4])
    expect(table.slice(0, 3)[2]).toBe(table.get(4))
    expect(table.slice(7, 100).map((r) => r.id)).toEqual([9, 10])
    expect(table.slice(9, 20)).toEqual([])
    expect(table.slice(3, 3)).toEqual([])
  })
})

describe('sorted', () => {
  const Row = z.object({
    id: z.number(),
    group: z.string(),
    tags: z.array(z.string()),
    rank: z.number().nullable(),
    name: z.string(),
  })
  type Row = z.output<typeof Row>
  const orders = [
    rowOrder<Row>(parseSort('rank')),
    rowOrder<Row>(parseSort('-rank,name')),
    rowOrder<Row>(parseSort('name')),
  ]
  const op = fc.oneof(
    fc.record({
      kind: fc.constant('insert' as const),
      group: fc.constantFrom('a', 'b'),
      tags: fc.subarray(['x', 'y', 'z']),
      rank: fc.option(fc.integer({ min: 0, max: 4 })),
      name: fc.constantFrom('ada', 'bo', 'cy'),
    }),
    fc.record({
      kind: fc.constant('update' as const),
      pick: fc.nat(),
      group: fc.option(fc.constantFrom('a', 'b')),
      tags: fc.option(fc.subarray(['x', 'y', 'z'])),
      rank: fc.option(fc.option(fc.integer({ min: 0, max: 4 }))),
      name: fc.option(fc.constantFrom('ada', 'bo', 'cy')),
    }),
    fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('read' as const), order: fc.nat(orders.length - 1) }),
  )

  it('stays what a stable sort of the bucket gives, through inserts, updates, moves and removals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 120 }), async (ops) => {
        const table = await createTable(Row, { group: (r) => r.group, tag: (r) => r.tags })
        let next = 1
        const check = (index: string, key: string) => {
          for (const order of orders)
            expect(table.sorted(index, key, order)).toEqual(
              sortRows(table.lookup(index, key), parseSort(order.name)),
            )
        }
        for (const o of ops) {
          const ids = table.all().map((r) => r.id)
          if (o.kind === 'insert') {
            const { kind: _, ...row } = o
            await table.insert({ id: next++, ...row })
          } else if (o.kind === 'read') {
            for (const key of ['a', 'b']) table.sorted('group', key, orders[o.order]!)
            for (const key of ['x', 'y', 'z']) table.sorted('tag', key, orders[o.order]!)
          } else if (ids.length) {
            const id = ids[o.pick % ids.length]!
            if (o.kind === 'remove') table.remove(id)
            else
              await table.update(id, (d) => {
                if (o.group !== null) d.group = o.group
                if (o.tags !== null) d.tags = o.tags
                if (o.rank !== null) d.rank = o.rank
                if (o.name !== null) d.name = o.name
              })
          }
        }
        for (const key of ['a', 'b']) check('group', key)
        for (const key of ['x', 'y', 'z']) check('tag', key)
      }),
      { numRuns: 300 },
    )
  })

  it('keeps the last SORTED_ORDERS orders of a key and sorts a forgotten one again', async () => {
    const table = await createTable(Row, { group: (r) => r.group })
    for (let i = 1; i <= 30; i++)
      await table.insert({ id: i, group: 'a', tags: [], rank: (i * 7) % 5, name: `n${i % 3}` })
    const first = table.sorted('group', 'a', rowOrder(parseSort('rank')))
    expect(table.sorted('group', 'a', rowOrder(parseSort('rank')))).toBe(first)
    for (let i = 0; i < SORTED_ORDERS; i++)
      table.sorted('group', 'a', rowOrder(parseSort('name'), undefined, `${i}:`))
    const again = table.sorted('group', 'a', rowOrder(parseSort('rank')))
    expect(again).not.toBe(first)
    expect(again).toEqual(first)
    expect(table.sorted('group', 'nobody', rowOrder(parseSort('rank')))).toEqual([])
    expect(() => table.sorted('nope', 'a', rowOrder(parseSort('rank')))).toThrow(/no index "nope"/)
  })
})
