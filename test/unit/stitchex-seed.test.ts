import { describe, expect, it } from 'vitest'
import { createSim } from '../../mocks/core/index.ts'
import { stitchexClient } from '../../mocks/sim-clients.ts'
import { stitchex } from '../../mocks/stitchex/index.ts'

const json = { 'content-type': 'application/json' }

describe('Stitchex seed data', () => {
  it('every SKU of both organisations has its own valid EAN-13', async () => {
    const sim = createSim(stitchex)
    const base = 'https://api.stitchex.com'
    const login = await sim.fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        email: 'dev@stitchex-demo.test',
        password: 'stitchex-dev-password',
        grant_type: 'password',
      }),
    })
    const auth = { authorization: `Bearer ${(await login.json()).access_token}` }
    const eans: string[] = []
    for (const organizationId of [9579, 9580]) {
      await sim.fetch(`${base}/organisations/set_current_org`, {
        method: 'POST',
        headers: { ...json, ...auth },
        body: JSON.stringify({ organizationId }),
      })
      for (let page = 1; ; page++) {
        const body = await (await sim.fetch(`${base}/skus?page=${page}`, { headers: auth })).json()
        eans.push(...body.skus.map((s: { ean: string }) => s.ean))
        if (body.meta.next_page === null) break
      }
    }
    expect(eans).toHaveLength(216)
    expect(new Set(eans).size).toBe(216)
    for (const ean of eans) {
      expect(ean).toMatch(/^\d{13}$/)
      const sum = [...ean.slice(0, 12)].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0)
      expect(Number(ean[12])).toBe((10 - (sum % 10)) % 10)
    }
  })

  it('every tenant starts from the same catalogue, and a tenant keeps its writes to itself', async () => {
    const sim = createSim(stitchex, { seed: 1 })
    const { tenant } = await sim.control.mintTenant('other')
    const mine = stitchexClient(sim, { organisationId: 9579 })
    const theirs = stitchexClient(sim, { tenant, organisationId: 9579 })
    const [sku] = (await mine.skus.page(1)).skus
    expect(await theirs.skus.get(sku!.id)).toEqual(await mine.skus.get(sku!.id))
    const [customer] = (await mine.customers.page(1)).customers
    expect(await theirs.customers.get(customer!.id)).toEqual(await mine.customers.get(customer!.id))

    // Writes to a seeded row, nested arrays included: the other tenant's row is untouched.
    await mine.stockOperations.create({ line_quantities: [{ sku_id: sku!.id, quantity: 7 }] })
    const updated = await mine.customers.update(customer!.id, {
      people: [{ first_name: 'Bo', email: 'bo@seed.test' }],
    })
    expect(updated.people).toHaveLength(2)
    expect((await mine.skus.get(sku!.id)).in_stock).toBe(sku!.in_stock + 7)
    expect((await theirs.skus.get(sku!.id)).in_stock).toBe(sku!.in_stock)
    expect((await theirs.customers.get(customer!.id)).people).toHaveLength(1)
  })

  it('since_id pages what follows the id: meta counts only those rows', async () => {
    const sim = stitchexClient(createSim(stitchex))
    const all: number[] = []
    for await (const sku of sim.skus.all()) all.push(sku.id)
    expect(all.length).toBeGreaterThan(100)
    const after = all[3]!
    const rest = all.filter((id) => id > after)
    const first = await sim.skus.page(1, { since_id: after })
    const second = await sim.skus.page(2, { since_id: after })
    expect(first.meta).toMatchObject({
      total_count: rest.length,
      total_pages: Math.ceil(rest.length / 100),
      next_page: 2,
    })
    expect([...first.skus, ...second.skus].map((s) => s.id)).toEqual(rest)
  })
})
