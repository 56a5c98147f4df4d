import { describe, expect, it } from 'vitest'
import { HOST as H, JSON_TYPE as J, placedOrder } from '../harness/digikey-sim.ts'

/** Malformed, out-of-range and impossible input: always a 4xx in DigiKey's envelope, never a 500, nothing stored. */
describe('DigiKey refuses bad input cleanly', () => {
  it('answers every malformed request with a 4xx, and nothing reaches the unexpected-error path', async () => {
    const errors: unknown[] = []
    const {
      sim,
      auth: A,
      id,
    } = await placedOrder({
      options: { onUnexpectedError: (e) => errors.push(e) },
    })
    const tries: Array<[string, string, string?, Record<string, string>?]> = [
      ['POST', '/Ordering/v3/Orders', '{bad json'],
      ['POST', '/Ordering/v3/Orders', '[]'],
      ['POST', '/Ordering/v3/Orders', 'null'],
      [
        'POST',
        '/Ordering/v3/Orders',
        '{"PurchaseOrderNumber": 5, "Currency": "usd", "ShippingContact": "x", "LineItems": "y"}',
      ],
      [
        'POST',
        '/Ordering/v3/Orders',
        '{"PurchaseOrderNumber":"P","Currency":"USD","ShippingContact":{"Name":"x","Address":{"AddressLineOne":"a","City":"c","PostalCode":"1","Country":"US"}},"LineItems":[{"DigiKeyPartNumber":"311-10.0KHRCT-ND","RequestedQuantity":1e308}]}',
      ],
      [
        'POST',
        '/Ordering/v3/Orders',
        '{"PurchaseOrderNumber":"P","Currency":"EUR","ShippingContact":{"Name":"x","Address":{"AddressLineOne":"a","City":"c","PostalCode":"1","Country":"US"}},"LineItems":[{"DigiKeyPartNumber":"311-10.0KHRCT-ND","RequestedQuantity":1}]}',
      ],
      ['GET', '/orderstatus/v4/salesorder/99999999999999999999'],
      ['GET', '/orderstatus/v4/salesorder/-1'],
      ['GET', '/orderstatus/v4/orders?PageSize=0'],
      ['GET', '/orderstatus/v4/orders?StartDate=2026-13-45'],
      ['GET', '/orderstatus/v4/orders?Shared=maybe'],
      ['GET', `/packinglist/v1/invoice/abc`],
      ['GET', `/packinglist/v1/salesorderid/${id}?includePdf=yes`],
      ['GET', `/packinglist/v1/purchaseordernumber/%E2%98%83`],
      ['PUT', `/OrderManagement/v1/SalesOrders/${id}/Details/1/Schedules`, '{not json'],
      [
        'PUT',
        `/OrderManagement/v1/SalesOrders/${id}/Details/1/Schedules`,
        '{"Schedules":[{"QuantityScheduled":1000,"ScheduledDate":"2026-02-30"}]}',
      ],
      [
        'PUT',
        `/OrderManagement/v1/SalesOrders/${id}/Details/1/Schedules`,
        '{"Schedules":[{"QuantityScheduled":999,"ScheduledDate":"2026-02-27"}]}',
      ],
      ['PUT', `/OrderManagement/v1/SalesOrders/${id}/Details/9/Schedules`, '{"Schedules":[]}'],
      [
        'PATCH',
        `/OrderManagement/v1/SalesOrders/${id}/Details/1/Schedules/5`,
        '{"ScheduledDate":"2026-03-01"}',
      ],
      ['GET', `/OrderManagement/v1/SalesOrders`],
      ['GET', `/OrderManagement/v1/NextAvailableDeliveryDate?shipMethod=Pony`],
      ['DELETE', `/Ordering/v3/Orders`],
      ['GET', `/Ordering/v3/Orders`],
    ]

    for (const [m, p, body] of tries) {
      const r = await sim.fetch(H + p, { method: m, headers: { ...A, ...J }, body })
      expect(r.status, `${m} ${p} → ${r.status}`).toBeGreaterThanOrEqual(400)
      expect(r.status, `${m} ${p}`).toBeLessThan(500)
      expect(r.headers.get('x-digikey-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    }
    for (const body of [
      '',
      'grant_type=authorization_code&client_id=digikey-sandbox-client&client_secret=digikey-sandbox-secret&code=x',
      'grant_type=refresh_token&client_id=digikey-sandbox-client&client_secret=digikey-sandbox-secret',
      '%%%',
    ]) {
      const r = await sim.fetch(`${H}/v1/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      })
      expect(r.status).toBe(400)
    }
    expect(errors).toEqual([])
    // Nothing was half-applied: the one order is still the only one, unscheduled.
    const state = await (await sim.fetch(`${H}/_sandbox/state`)).json()
    expect(state.data.salesOrders).toHaveLength(1)
    expect(state.data.salesOrders[0].LineItems[0].Schedules).toEqual([])
  })
})
