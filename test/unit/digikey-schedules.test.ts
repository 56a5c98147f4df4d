import { describe, expect, it } from 'vitest'
import { HOST as H, JSON_TYPE as J, placedOrder } from '../harness/digikey-sim.ts'

describe('DigiKey ReplaceSchedule', () => {
  it('a newer change replaces the step planned for the older one: only the newer takes effect', async () => {
    const { sim, auth, id } = await placedOrder({
      options: { seed: 1 },
      part: '296-1395-5-ND',
      quantity: 100,
      po: 'PO-RESCHEDULE',
    })
    const ctl = (path: string, body?: unknown) =>
      sim.fetch(`${H}/_sandbox${path}`, {
        method: body === undefined ? 'GET' : path === '/settings' ? 'PATCH' : 'POST',
        headers: J,
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    await ctl('/settings', { scheduleApplySeconds: 60 })
    const { nowMs } = await (await ctl('/clock')).json()
    const day = (n: number) => new Date(nowMs + n * 86_400_000).toISOString().slice(0, 10)
    const schedules = `${H}/OrderManagement/v1/SalesOrders/${id}/Details/1/Schedules`
    const replace = (body: Array<[number, string]>) =>
      sim.fetch(schedules, {
        method: 'PUT',
        headers: { ...auth, ...J },
        body: JSON.stringify({
          Schedules: body.map(([q, d]) => ({ QuantityScheduled: q, ScheduledDate: d })),
        }),
      })
    const read = async () =>
      ((await (await sim.fetch(schedules, { headers: auth })).json()) as any[]).map((s) => [
        s.QuantityScheduled,
        s.ScheduledDate,
      ])
    const planned = async () =>
      ((await (await ctl('/clock')).json()).pending as Array<{ label: string }>).filter((p) =>
        p.label.startsWith('digikey schedule'),
      )

    expect((await replace([[100, day(28)]])).status).toBe(202)
    await ctl('/clock/advance', { seconds: 30 })
    expect(
      (
        await replace([
          [60, day(28)],
          [40, day(56)],
        ])
      ).status,
    ).toBe(202)
    expect((await planned()).map((p) => p.label)).toEqual([`digikey schedule ${id}/1`])

    await ctl('/clock/advance', { seconds: 30 }) // the first change's time: nothing applies
    expect(await read()).toEqual([])
    await ctl('/clock/advance', { seconds: 30 })
    expect(await read()).toEqual([
      [60, day(28)],
      [40, day(56)],
    ])
    expect(await planned()).toEqual([])
  })
})
