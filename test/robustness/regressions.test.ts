import { request as httpRequest } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createSim, globMatch } from '../../mocks/core/index.ts'
import { digipix } from '../../mocks/digipix/index.ts'
import { startServer } from '../../server.ts'
import { newSim, post, PROFILES } from './profiles.ts'

/** One case per defect the hardening issue reproduced; each must stay fixed. */
const nest = (n: number, leaf = '1') => '['.repeat(n) + leaf + ']'.repeat(n)
const cpu = async <T>(fn: () => Promise<T>) => {
  const started = process.cpuUsage()
  const value = await fn()
  const used = process.cpuUsage(started)
  return { value, ms: (used.user + used.system) / 1000 }
}

describe('hardening regressions', () => {
  it('JSON nested thousands deep is a 400 before anything is stored; state and the journal stay readable', async () => {
    const p = PROFILES.digipix!
    const sim = newSim(p.vendor)
    const s = await p.login(sim)
    const before = (await sim.control.tenant(s.tenant)).state.orders.count()
    const body = `{"recipient":{"name":"A","address":{"street":"s","number":"1","neighborhood":"n","city":"c","state":"SP","zipCode":"01310200"}},"items":[{"productId":"mug","quantity":1}],"customData":{"x":${nest(5000)}}}`
    const res = await sim.fetch(`${p.base}/v1/orders`, post(s.headers, body))
    expect([res.status, (await res.json()).error]).toEqual([400, 'invalid_json'])
    expect((await sim.control.tenant(s.tenant)).state.orders.count()).toBe(before)
    const token = await sim.fetch(
      `${p.base}/v1/oauth/token`,
      post({}, `{"client_id":${nest(7000, '"x"')}}`),
    )
    expect(token.status).toBe(400)
    const ctl = { 'x-vendorsim-tenant': s.tenant }
    expect((await sim.fetch('/_sandbox/state', { headers: ctl })).status).toBe(200)
    expect((await sim.fetch('/_sandbox/journal')).status).toBe(200)
  })

  it('prototype keys are fields like any other: DigiKey reports `toString` and `__proto__` as unknown, no 500', async () => {
    const p = PROFILES.digikey!
    const sim = newSim(p.vendor)
    const s = await p.login(sim)
    const id = s.ids!.salesOrderId![0]
    const res = await sim.fetch(
      `${p.base}/OrderManagement/v1/SalesOrders/${id}/Details/1/Schedules`,
      { ...post(s.headers, '{"toString":1,"constructor":2,"__proto__":{"x":1}}'), method: 'PUT' },
    )
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(Object.keys(body.errors)).toEqual(expect.arrayContaining(['toString', 'constructor']))
  })

  it('GraphQL abuse answers quickly: doubling fragments, 3,000 aliases, 1,000 nested selections, 19,000 unknown fields', async () => {
    const p = PROFILES.shiphero!
    const sim = newSim(p.vendor)
    const s = await p.login(sim)
    const gql = (query: string) =>
      sim.fetch(`${p.base}/graphql`, post(s.headers, JSON.stringify({ query })))
    let fragments = 'fragment F0 on Product { sku }'
    for (let i = 1; i <= 22; i++)
      fragments += ` fragment F${i} on Product { ...F${i - 1} ...F${i - 1} }`
    const doubling = await cpu(() =>
      gql(`{ products { data(first: 1) { edges { node { ...F22 } } } } } ${fragments}`),
    )
    expect(doubling.value.status).toBe(400)
    expect(JSON.stringify(await doubling.value.json())).toMatch(/QUERY_TOO_COMPLEX/)
    expect(doubling.ms).toBeLessThan(2000)
    const aliases = Array.from({ length: 3000 }, (_, i) => `a${i}: warehouse_products { id }`).join(
      ' ',
    )
    const aliased = await cpu(() =>
      gql(`{ products { data(first: 100) { edges { node { ${aliases} } } } } }`),
    )
    expect(aliased.value.status).toBe(400)
    expect(aliased.ms).toBeLessThan(2000)
    const deep = await gql(
      `{ ${'products { data { edges { node { '.repeat(250)}sku${' } } } }'.repeat(250)} }`,
    )
    expect(deep.status).toBe(400)
    expect(JSON.stringify(await deep.json())).toMatch(/QUERY_TOO_DEEP/)
    const unknown = await cpu(() =>
      gql(`{ ${Array.from({ length: 19_000 }, (_, i) => `f${i}`).join(' ')} }`),
    )
    expect(unknown.value.status).toBe(400)
    expect(unknown.ms).toBeLessThan(2000)
    const cache = (await import('../../mocks/shiphero/schema.ts')).SHIPHERO_GRAPHQL.documents()
    expect(cache.bytes).toBeLessThan(8 * 1024 * 1024)
  })

  it('fault patterns match linearly: 16 stars against a long path take no time; patterns are bounded', async () => {
    const pattern = `/${'*'.repeat(16)}x`
    const started = performance.now()
    expect(globMatch(pattern, `/${'a'.repeat(5000)}`)).toBe(false)
    expect(performance.now() - started).toBeLessThan(200)
    expect(globMatch('/v1/orders/*', '/v1/orders/abc')).toBe(true)
    expect(globMatch('/v1/orders/*', '/v1/orders/abc/x')).toBe(false)
    expect(globMatch('/v1/**', '/v1/orders/abc/x')).toBe(true)
    const sim = createSim(digipix)
    const ok = await sim.fetch(
      '/_sandbox/faults',
      post({}, JSON.stringify({ path: pattern, status: 503 })),
    )
    expect(ok.status).toBe(201)
    const t = performance.now()
    expect((await sim.fetch(`https://api.digipix.dev/${'a'.repeat(2000)}`)).status).toBe(404)
    expect(performance.now() - t).toBeLessThan(200)
    expect(
      (
        await sim.fetch(
          '/_sandbox/faults',
          post({}, JSON.stringify({ path: '*'.repeat(201), status: 503 })),
        )
      ).status,
    ).toBe(400)
  })

  it('expired tokens are forgotten; tenants past the cap are evicted with a clear 404, never the default one', async () => {
    const sim = createSim(digipix, { maxTenants: 3 })
    const t = await sim.control.tenant()
    for (let i = 0; i < 300; i++) t.auth.issue({ clientId: 'x', ttlSeconds: 60 })
    await sim.control.advance(2 * 86_400)
    for (let i = 0; i < 256; i++) t.auth.issue({ clientId: 'x', ttlSeconds: 60 })
    expect(t.auth.summary().issued).toBeLessThanOrEqual(256)
    const minted: string[] = []
    for (let i = 0; i < 5; i++)
      minted.push((await (await sim.fetch('/_sandbox/tenants', post({}, '{}'))).json()).tenant)
    const first = await sim.fetch('/_sandbox/state', {
      headers: { 'x-vendorsim-tenant': minted[0]! },
    })
    expect([first.status, (await first.json()).error.code]).toEqual([404, 'tenant_evicted'])
    expect(
      (await sim.fetch('/_sandbox/state', { headers: { 'x-vendorsim-tenant': minted[4]! } }))
        .status,
    ).toBe(200)
    expect((await sim.fetch('/_sandbox/state')).status).toBe(200)
    expect(sim.control.tenantIds()).toHaveLength(4)
  })

  it('the control plane: JSON bodies only, the admin token when set, secrets of malformed credential requests withheld', async () => {
    const open = createSim(digipix)
    expect(
      (await open.fetch('/_sandbox/clock/advance', post({}, '{"seconds":1}', 'text/plain'))).status,
    ).toBe(415)
    expect(
      (await open.fetch('/_sandbox/reset', post({}, 'a=1', 'application/x-www-form-urlencoded')))
        .status,
    ).toBe(415)
    const guarded = createSim(digipix, { adminToken: 'an-admin-token' })
    expect((await guarded.fetch('/_sandbox/state')).status).toBe(401)
    expect(
      (await guarded.fetch('/_sandbox/state', { headers: { 'x-vendorsim-admin': 'wrong-token!' } }))
        .status,
    ).toBe(401)
    expect(
      (
        await guarded.fetch('/_sandbox/state', {
          headers: { 'x-vendorsim-admin': 'an-admin-token' },
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await guarded.fetch('/_sandbox/state', {
          headers: { authorization: 'Bearer an-admin-token' },
        })
      ).status,
    ).toBe(200)

    const other = await (await open.fetch('/_sandbox/tenants', post({}, '{}'))).json()
    await open.fetch(
      'https://api.digipix.dev/v1/oauth/token',
      post(
        {},
        `{"client_id":"${other.credentials.clientId}","client_secret":"${other.credentials.clientSecret}"`,
      ),
    )
    await open.fetch(
      'https://api.digipix.dev/v1/oauth/token',
      post(
        {},
        JSON.stringify({
          client_id: 'digipix-dev-client',
          client_secret: 'digipix-dev-secret',
          grant_type: 'client_credentials',
          scope: ['orders'],
        }),
      ),
    )
    const everywhere = JSON.stringify([
      await (await open.fetch('/_sandbox/journal')).json(),
      await (
        await open.fetch('/_sandbox/journal', { headers: { 'x-vendorsim-tenant': other.tenant } })
      ).json(),
    ])
    expect(everywhere).not.toContain(other.credentials.clientSecret)
    expect(everywhere).not.toContain('digipix-dev-secret')
    expect(everywhere).toContain('"token_type":"Bearer"')
    expect(everywhere).toContain('withheld')
  })

  it('an unknown x-vendorsim-tenant on a vendor route is the vendor 401, not 404', async () => {
    const sim = createSim(digipix)
    const res = await sim.fetch('https://api.digipix.dev/v1/products', {
      headers: { 'x-vendorsim-tenant': 'nope' },
    })
    expect([res.status, (await res.json()).error]).toEqual([401, 'invalid_token'])
  })

  it('the server refuses a Host that is not its own while bound to loopback (DNS rebinding)', async () => {
    const server = await startServer({
      port: 0,
      clock: 'frozen',
      vendors: ['digipix'],
      allowedHosts: ['sim.local'],
    })
    try {
      const port = new URL(server.url).port
      const ask = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const req = httpRequest(
            { host: '127.0.0.1', port, path: '/digipix/_sandbox/state', headers: { host } },
            (res) => {
              res.resume()
              resolve(res.statusCode ?? 0)
            },
          )
          req.on('error', reject)
          req.end()
        })
      expect(await ask(`127.0.0.1:${port}`)).toBe(200)
      expect(await ask(`localhost:${port}`)).toBe(200)
      expect(await ask('sim.local')).toBe(200)
      expect(await ask(`evil.example:${port}`)).toBe(403)
      expect(await ask('evil.example')).toBe(403)
    } finally {
      await server.close()
    }
  })
})
