import { describe, expect, it } from 'vitest'
import type { Tenant } from '../../mocks/core/index.ts'
import type { DigiKeyState } from '../../mocks/digikey/index.ts'
import { newSim, PROFILES } from './profiles.ts'
import { CONTACT } from './profiles/digikey.ts'

/** 1,000 concurrent creates per vendor give 1,000 distinct records; racing state changes have exactly one winner. */
const N = 1000
const json = (headers: Record<string, string>, body: unknown, method = 'POST') => ({
  method,
  headers: { ...headers, 'content-type': 'application/json' },
  body: JSON.stringify(body),
})
const address = {
  street: 'Avenida Paulista',
  number: '1578',
  neighborhood: 'Bela Vista',
  city: 'São Paulo',
  state: 'SP',
  zipCode: '01310200',
}

describe('concurrency', () => {
  it(`digipix: ${N} concurrent orders are ${N} distinct records; approve-vs-approve and cancel-vs-cancel have one winner`, async () => {
    const p = PROFILES.digipix!
    const sim = newSim(p.vendor)
    const s = await p.login(sim)
    const create = () =>
      sim.fetch(
        `${p.base}/v1/orders`,
        json(s.headers, {
          recipient: { name: 'A', address },
          items: [{ productId: 'mug', quantity: 1 }],
        }),
      )
    const made = await Promise.all(Array.from({ length: N }, create))
    expect(made.every((r) => r.status === 201)).toBe(true)
    const ids = new Set(await Promise.all(made.map(async (r) => (await r.json()).id as string)))
    expect(ids.size).toBe(N)
    const tenant = await sim.control.tenant(s.tenant)
    expect(tenant.state.orders.count()).toBe(N + 1)

    const quote = await (await create()).json()
    const approve = () =>
      sim.fetch(
        `${p.base}/v1/orders/${quote.id}`,
        json(s.headers, { status: 'approved', shipmentId: quote.shipments[0].id }, 'PATCH'),
      )
    expect((await Promise.all([approve(), approve()])).map((r) => r.status).sort()).toEqual([
      200, 409,
    ])
    const other = await (await create()).json()
    const cancel = () =>
      sim.fetch(`${p.base}/v1/orders/${other.id}`, json(s.headers, { status: 'canceled' }, 'PATCH'))
    expect((await Promise.all([cancel(), cancel(), cancel()])).map((r) => r.status).sort()).toEqual(
      [200, 409, 409],
    )
  })

  it(`shiphero: ${N} concurrent order_create mutations are ${N} distinct orders`, async () => {
    const p = PROFILES.shiphero!
    const sim = newSim(p.vendor)
    const s = await p.login(sim)
    await sim.fetch('/_sandbox/throttle', {
      ...json({ 'x-vendorsim-tenant': s.tenant }, { capacity: 1_000_000 }),
    })
    const query =
      'mutation ($n: String!) { order_create(data: { order_number: $n, shop_name: "s", shipping_address: { first_name: "A", address1: "1 Main St", city: "New York", state: "NY", country: "US", zip: "10001" }, line_items: [{ sku: "100100", partner_line_item_id: "1", quantity: 1, price: "1.00" }] }) { order { legacy_id } } }'
    const made = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        sim.fetch(`${p.base}/graphql`, json(s.headers, { query, variables: { n: `R-${i}` } })),
      ),
    )
    const bodies = await Promise.all(made.map((r) => r.json()))
    expect(bodies.filter((b) => b.errors).map((b) => b.errors[0].message)).toEqual([])
    expect(new Set(bodies.map((b) => b.data.order_create.order.legacy_id)).size).toBe(N)
  })

  it(`digikey: ${N} concurrent orders are ${N} distinct sales orders, stock never oversold`, async () => {
    const p = PROFILES.digikey!
    const sim = newSim(p.vendor)
    const s = await p.login(sim)
    const tenant = (await sim.control.tenant(s.tenant)) as Tenant<DigiKeyState>
    const stock = tenant.state.parts.get('SER4290-ND')!.QuantityAvailable
    const order = (i: number) => ({
      PurchaseOrderNumber: `PO-${i}`,
      Currency: 'USD',
      ShippingContact: CONTACT,
      LineItems: [{ DigiKeyPartNumber: 'SER4290-ND', RequestedQuantity: 1 }],
    })
    const made = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        sim.fetch(`${p.base}/Ordering/v3/Orders`, json(s.headers, order(i))),
      ),
    )
    expect(made.every((r) => r.status === 201)).toBe(true)
    const ids = new Set(
      await Promise.all(made.map(async (r) => (await r.json()).SalesOrderId as number)),
    )
    expect(ids.size).toBe(N)
    const reserved = tenant.state.salesOrders
      .all()
      .reduce(
        (n, o) =>
          n + o.lines.filter((l) => l.partId === 'SER4290-ND').reduce((m, l) => m + l.reserved, 0),
        0,
      )
    expect(tenant.state.parts.get('SER4290-ND')!.QuantityAvailable).toBe(0)
    expect(reserved).toBe(stock)
  })
})
