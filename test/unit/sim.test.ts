import { describe, expect, it } from 'vitest'
import { json, ORDER, setup } from '../harness/digipix-sim.ts'
import { createSim } from '../../mocks/core/index.ts'
import { digipix } from '../../mocks/digipix/index.ts'

describe('simulator core through Digipix', () => {
  it('POST /_sandbox/tenants answers 201 with the tenant and its credentials; a named tenant cannot be minted twice', async () => {
    const { sim } = await setup()
    const res = await sim.fetch('/_sandbox/tenants', json({ tenant: 'ci-job-7' }))
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body.tenant).toBe('ci-job-7')
    expect(Object.keys(body.credentials)).toEqual(
      expect.arrayContaining(['clientId', 'clientSecret']),
    )
    const again = await sim.fetch('/_sandbox/tenants', json({ tenant: 'ci-job-7' }))
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('tenant_exists')
    const bad = await sim.fetch('/_sandbox/tenants', json({ tenant: '../x' }))
    expect(bad.status).toBe(400)
  })

  it('an unknown tenant header is a 404 that says how to mint one', async () => {
    const { sim } = await setup()
    const res = await sim.fetch('/_sandbox/state', { headers: { 'x-vendorsim-tenant': 'nope' } })
    expect(res.status).toBe(404)
    expect((await res.json()).error.message).toMatch(/POST \/_sandbox\/tenants/)
  })

  it("tenants are isolated: one tenant's token and orders are invisible to another", async () => {
    const a = await setup()
    const tA = await a.token()
    const created = await (
      await a.sim.fetch('/v1/orders', json(ORDER, { authorization: `Bearer ${tA}` }))
    ).json()
    const other = await (await a.sim.fetch('/_sandbox/tenants', json({}))).json()
    const tB = (
      await (
        await a.sim.fetch(
          '/v1/oauth/token',
          json({
            client_id: other.credentials.clientId,
            client_secret: other.credentials.clientSecret,
            grant_type: 'client_credentials',
            scope: ['orders'],
          }),
        )
      ).json()
    ).access_token
    expect(
      (
        await a.sim.fetch(`/v1/orders/${created.id}`, {
          headers: { authorization: `Bearer ${tB}` },
        })
      ).status,
    ).toBe(404)
    expect(
      (
        await a.sim.fetch(`/v1/orders/${created.id}`, {
          headers: { authorization: `Bearer ${tA}` },
        })
      ).status,
    ).toBe(200)
  })

  it('the same seed gives the same ids and data in two simulators', async () => {
    const run = async () => {
      const s = await setup('same')
      const t = await s.token()
      return (
        await s.sim.fetch(
          '/v1/quote',
          json(
            { zipCode: '01310200', items: [{ productId: 'photobook', quantity: 1 }] },
            { authorization: `Bearer ${t}` },
          ),
        )
      ).json()
    }
    expect(await run()).toEqual(await run())
  })

  it('faults: a vendor-shaped status for the next N requests, then normal service', async () => {
    const { sim, ctl, token } = await setup()
    const t = await token()
    const f = await ctl('/faults', {
      method: 'POST',
      body: JSON.stringify({
        path: '/v1/products/*',
        method: 'GET',
        status: 503,
        retryAfter: 2,
        count: 2,
      }),
    })
    expect(f.status).toBe(201)
    const h = { authorization: `Bearer ${t}` }
    const first = await sim.fetch('/v1/products/photobook', { headers: h })
    expect(first.status).toBe(503)
    expect(first.headers.get('retry-after')).toBe('2')
    expect(await first.json()).toMatchObject({ error: 'fault_injected' })
    expect((await sim.fetch('/v1/products', { headers: h })).status).toBe(200)
    expect((await sim.fetch('/v1/products/photobook', { headers: h })).status).toBe(503)
    expect((await sim.fetch('/v1/products/photobook', { headers: h })).status).toBe(200)
    expect((await (await ctl('/faults')).json()).faults).toEqual([])
  })

  it('faults: malformed bodies and invalid fault requests', async () => {
    const { sim, ctl, token } = await setup()
    const t = await token()
    await ctl('/faults', {
      method: 'POST',
      body: JSON.stringify({ path: '/v1/**', malformed: true, count: 1 }),
    })
    const res = await sim.fetch('/v1/products', { headers: { authorization: `Bearer ${t}` } })
    expect(res.status).toBe(200)
    await expect(res.json()).rejects.toThrow()
    expect(
      (await sim.fetch('/v1/products', { headers: { authorization: `Bearer ${t}` } })).status,
    ).toBe(200)
    const invalid = await ctl('/faults', {
      method: 'POST',
      body: JSON.stringify({ path: '/v1/**' }),
    })
    expect(invalid.status).toBe(400)
  })

  it('the journal records requests with secrets masked', async () => {
    const { ctl, token } = await setup()
    await token()
    const entries = (await (await ctl('/journal?path=/v1/oauth/token')).json()).entries
    expect(entries).toHaveLength(1)
    expect(entries[0].requestBody.client_secret).toBe('[redacted]')
    expect(entries[0].responseBody.access_token).toBe('[redacted]')
    expect(JSON.stringify(entries)).not.toMatch(/eyJ/)
  })

  it('the journal shows the JSON a route answered with, as the client read it', async () => {
    const { sim, ctl, token } = await setup()
    const t = await token()
    const res = await sim.fetch('/v1/orders', {
      method: 'POST',
      headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
      body: JSON.stringify(ORDER),
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('content-type')).toBe('application/json')
    const entries = (await (await ctl('/journal?path=/v1/orders')).json()).entries
    expect(entries.at(-1).responseBody).toEqual(await res.json())
  })

  it('reset replaces the tenant: tokens die, orders go, credentials stay', async () => {
    const { sim, ctl, token } = await setup()
    const t = await token()
    const h = { authorization: `Bearer ${t}`, 'content-type': 'application/json' }
    await sim.fetch('/v1/orders', {
      method: 'POST',
      headers: h,
      body: JSON.stringify(ORDER),
    })
    expect((await (await ctl('/state')).json()).data.orders).toHaveLength(1)
    expect((await ctl('/reset', { method: 'POST' })).status).toBe(200)
    expect((await (await ctl('/state')).json()).data.orders).toHaveLength(0)
    expect((await sim.fetch('/v1/products', { headers: h })).status).toBe(401)
    expect(await token()).toBeTruthy()
  })

  it('the production host needs production credentials; tokens do not cross environments', async () => {
    const { sim, creds } = await setup()
    const body = (id: string, secret: string) =>
      json({
        client_id: id,
        client_secret: secret,
        grant_type: 'client_credentials',
        scope: ['products'],
      })
    expect(
      (
        await sim.fetch(
          'https://api.digipix.io/v1/oauth/token',
          body(creds.clientId, creds.clientSecret),
        )
      ).status,
    ).toBe(401)
    const prod = await (
      await sim.fetch(
        'https://api.digipix.io/v1/oauth/token',
        body(creds.production.clientId, creds.production.clientSecret),
      )
    ).json()
    expect(
      JSON.parse(Buffer.from(prod.access_token.split('.')[1], 'base64url').toString()).iss,
    ).toBe('api.digipix.io')
    expect(
      (
        await sim.fetch('https://api.digipix.io/v1/products', {
          headers: { authorization: `Bearer ${prod.access_token}` },
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await sim.fetch('https://api.digipix.dev/v1/products', {
          headers: { authorization: `Bearer ${prod.access_token}` },
        })
      ).status,
    ).toBe(401)
  })

  it('scenarios and forced transitions', async () => {
    const { ctl } = await setup()
    const res = await ctl('/scenarios/shipped-order', { method: 'POST' })
    expect(res.status).toBe(201)
    const { order } = await res.json()
    expect(order.status).toBe('SHIPPED')
    // A Correios object code, and a recipient from the pt_BR builders (faker loads on first use).
    expect(order.shipment.trackingCode).toMatch(/^[A-Z]{2}\d{9}BR$/)
    expect(order.recipient.address.country).toBe('BR')
    expect(order.recipient.name).toEqual(expect.any(String))
    const again = await (await setup()).ctl('/scenarios/shipped-order', { method: 'POST' })
    expect((await again.json()).order.recipient).toEqual(order.recipient)
    const next = await (await ctl(`/orders/${order.id}/transition`, { method: 'POST' })).json()
    expect(next.status).toBe('DELIVERED')
    expect((await ctl(`/orders/${order.id}/transition`, { method: 'POST' })).status).toBe(409)
    expect((await ctl('/scenarios/nope', { method: 'POST' })).status).toBe(404)
  })
})

describe('digipix OpenAPI document', () => {
  it('is served, covers every route, and marks the proposals', async () => {
    const sim = createSim(digipix, {})
    const doc = await (await sim.fetch('/_sandbox/openapi.json')).json()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/v1/oauth/token',
      '/v1/orders',
      '/v1/orders/{orderId}',
      '/v1/products',
      '/v1/products/{productId}',
      '/v1/quote',
    ])
    expect(doc.paths['/v1/orders'].post['x-vendorsim-proposal']).toBe(true)
    expect(doc.paths['/v1/oauth/token'].post['x-vendorsim-proposal']).toBeUndefined()
    expect(doc.components.schemas.Error['x-vendorsim-proposal']).toBe(true)
    expect(doc.components.schemas.CreateOrderRequest.properties.partnerOrderID.maxLength).toBe(64)
  })
})
