import { describe, expect, it } from 'vitest'
import { createSim } from '../../mocks/core/index.ts'
import { digikey } from '../../mocks/digikey/index.ts'

const H = 'https://sandbox-api.digikey.com'
const J = { 'content-type': 'application/json' }

/** A sim, a 3-legged token's headers, and a placed order of 100 `296-1395-5-ND`. */
async function orderWithToken() {
  const sim = createSim(digikey, { seed: 1 })
  const grant = await (
    await sim.fetch(`${H}/_sandbox/oauth/authorize`, { method: 'POST', headers: J, body: '{}' })
  ).json()
  const token = await (
    await sim.fetch(`${H}/v1/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: grant.code,
        redirect_uri: grant.redirect_uri,
        client_id: 'digikey-sandbox-client',
        client_secret: 'digikey-sandbox-secret',
      }),
    })
  ).json()
  const auth = {
    authorization: `Bearer ${token.access_token}`,
    'X-DIGIKEY-Client-Id': 'digikey-sandbox-client',
  }
  const placed = await (
    await sim.fetch(`${H}/Ordering/v3/Orders`, {
      method: 'POST',
      headers: { ...auth, ...J },
      body: JSON.stringify({
        PurchaseOrderNumber: 'PO-RESCHEDULE',
        Currency: 'USD',
        ShippingContact: {
          Name: 'B H',
          Address: { AddressLineOne: 'a', City: 'c', PostalCode: '1', Country: 'US' },
        },
        LineItems: [{ DigiKeyPartNumber: '296-1395-5-ND', RequestedQuantity: 100 }],
      }),
    })
  ).json()
  return { sim, auth, id: placed.SalesOrderId as number }
}

describe('DigiKey ReplaceSchedule', () => {
  it('a newer change replaces the step planned for the older one: only the newer takes effect', async () => {
    const { sim, auth, id } = await orderWithToken()
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
