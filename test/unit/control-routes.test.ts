import { describe, expect, it } from 'vitest'
import { ORDER, setup } from '../harness/digipix-sim.ts'

describe('control routes: the clock, and lists a page at a time', () => {
  it('clock routes: advance validates its body and reports the new time', async () => {
    const { ctl } = await setup()
    const before = (await (await ctl('/clock')).json()).nowMs
    const res = await ctl('/clock/advance', {
      method: 'POST',
      body: JSON.stringify({ seconds: 90 }),
    })
    expect((await res.json()).nowMs).toBe(before + 90_000)
    expect(
      (await ctl('/clock/advance', { method: 'POST', body: JSON.stringify({ seconds: -1 }) }))
        .status,
    ).toBe(400)
    expect((await ctl('/clock/advance', { method: 'POST', body: '{oops' })).status).toBe(400)
  })

  it('/_sandbox/state pages its lists (views built for the page only) and says how many there are', async () => {
    const { sim, ctl, token } = await setup()
    const h = { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' }
    const order = JSON.stringify(ORDER)
    for (let i = 0; i < 3; i++)
      await sim.fetch('/v1/orders', { method: 'POST', headers: h, body: order })
    const first = await (await ctl('/state?perPage=2')).json()
    expect(first.data.orders).toHaveLength(2)
    expect(first.paging).toEqual({
      page: 1,
      perPage: 2,
      totalPages: 2,
      nextPage: 2,
      totals: { 'clock.pending': 3, orders: 3 },
    })
    // Each order's planned step is a task on the clock: paged alike, with the total beside.
    expect(first.clock.pendingTotal).toBe(3)
    expect(first.clock.pending).toHaveLength(2)
    const second = await (await ctl('/state?perPage=2&page=2')).json()
    expect(second.data.orders.map((o: { id: string }) => o.id)).not.toContain(
      first.data.orders[0].id,
    )
    expect(second.data.orders).toHaveLength(1)
    expect(second.clock.pending).toHaveLength(1)
    expect((await ctl('/state?perPage=0')).status).toBe(400)
  })

  it('/_sandbox/clock lists the waiting tasks a page at a time, in the order they will run', async () => {
    const { sim, ctl, token } = await setup()
    const h = { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' }
    for (let i = 0; i < 5; i++)
      await sim.fetch('/v1/orders', { method: 'POST', headers: h, body: JSON.stringify(ORDER) })
    const all = await (await ctl('/clock')).json()
    expect(all.pendingTotal).toBe(5)
    expect(all.pending).toHaveLength(5)
    const ats = all.pending.map((p: { at: string }) => p.at)
    expect(ats).toEqual([...ats].sort())
    const page2 = await (await ctl('/clock?perPage=2&page=2')).json()
    expect(page2.pendingTotal).toBe(5)
    expect(page2.pending).toEqual(all.pending.slice(2, 4))
    expect((await ctl('/clock?page=0')).status).toBe(400)
    expect((await ctl('/clock?perPage=10001')).status).toBe(400)
  })
})
