import { serve, type ServerType } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createReceiver, type Receiver } from '../../contracts/harness/index.ts'
import { createHost } from '../../mocks/core/index.ts'
import { orgs } from '../kit/orgs-vendor.ts'

/** A vendor built from the kit alone, served over real HTTP like `vendorsim serve` serves the others. */
describe('a vendor built only from the kit, over HTTP', () => {
  let server: ServerType
  let base: string
  let receiver: Receiver
  const call = async (
    method: string,
    path: string,
    o: { token?: string; bare?: boolean; json?: unknown; tenant?: string } = {},
  ) => {
    const headers: Record<string, string> = {}
    if (o.token) headers.authorization = o.bare ? o.token : `Bearer ${o.token}`
    if (o.json !== undefined) headers['content-type'] = 'application/json'
    if (o.tenant) headers['x-vendorsim-tenant'] = o.tenant
    const res = await fetch(base + path, {
      method,
      headers,
      body: o.json !== undefined ? JSON.stringify(o.json) : undefined,
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : undefined }
  }
  const mint = async () => {
    const minted = (await call('POST', '/_sandbox/tenants', { json: {} })).body as {
      tenant: string
      credentials: { email: string; password: string }
    }
    const login = await call('POST', '/oauth/token', {
      json: {
        email: minted.credentials.email,
        password: minted.credentials.password,
        grant_type: 'password',
      },
    })
    return {
      ...minted,
      login: login.body as {
        access_token: string
        refresh_token: string
        expires_in: number
        created_at: number
      },
    }
  }

  beforeAll(async () => {
    const host = createHost([orgs])
    receiver = await createReceiver()
    await new Promise<void>((resolve) => {
      server = serve({ fetch: host.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
        base = `http://127.0.0.1:${info.port}/orgs`
        resolve()
      })
    })
  })
  afterAll(async () => {
    await receiver.close()
    await new Promise((r) => server.close(r))
  })

  it('JSON password grant with created_at; refresh rotates; bad password → the vendor 401', async () => {
    const { credentials, login } = await mint()
    expect(login.access_token).toMatch(/^[0-9a-f]{64}$/)
    expect(login.expires_in).toBe(604_800)
    expect(typeof login.created_at).toBe('number')
    const refreshed = await call('POST', '/oauth/token', {
      json: { grant_type: 'refresh_token', refresh_token: login.refresh_token },
    })
    expect(refreshed.status).toBe(200)
    expect(
      (
        await call('POST', '/oauth/token', {
          json: { grant_type: 'refresh_token', refresh_token: login.refresh_token },
        })
      ).body.error,
    ).toBe('invalid_grant')
    const bad = await call('POST', '/oauth/token', {
      json: { email: credentials.email, password: 'nope', grant_type: 'password' },
    })
    expect([bad.status, bad.body.error]).toEqual([401, 'invalid_grant'])
  })

  it('the bare Authorization form works; a token nobody issued is a 401, never the default tenant', async () => {
    const { login } = await mint()
    expect(
      (await call('GET', '/organisations', { token: login.access_token, bare: true })).status,
    ).toBe(200)
    const unknown = await call('GET', '/organisations', { token: 'f'.repeat(64), bare: true })
    expect([unknown.status, unknown.body.message]).toEqual([401, 'Unknown access token'])
    expect((await call('GET', '/organisations', { tenant: 'no-such-tenant' })).status).toBe(401)
  })

  it('the current organisation is kept against the token; lists page by 100 with meta', async () => {
    const { login } = await mint()
    const t = login.access_token
    expect((await call('GET', '/widgets', { token: t })).status).toBe(422)
    expect(
      (
        await call('POST', '/organisations/set_current_org', {
          token: t,
          json: { organizationId: 1 },
        })
      ).status,
    ).toBe(404)
    const set = await call('POST', '/organisations/set_current_org', {
      token: t,
      json: { organizationId: 9580 },
    })
    expect([set.status, set.body]).toEqual([201, { Status: 'Updated' }])
    const first = await call('GET', '/widgets', { token: t })
    expect(first.body.widgets).toHaveLength(100)
    expect(first.body.meta).toEqual({
      current_page: 1,
      next_page: 2,
      prev_page: null,
      total_pages: 2,
      total_count: 130,
    })
    expect(
      first.body.widgets.every((w: { organisation_id: number }) => w.organisation_id === 9580),
    ).toBe(true)
    const second = await call('GET', '/widgets?page=2', { token: t })
    expect([
      second.body.widgets.length,
      second.body.meta.next_page,
      second.body.meta.prev_page,
    ]).toEqual([30, null, 1])
    expect((await call('GET', '/widgets?page=9', { token: t })).body).toMatchObject({
      widgets: [],
      meta: { current_page: 9, next_page: null },
    })
  })

  it("an idempotent POST applies once; its webhook reaches the organisation's subscription, retried on the clock, and a fault delivers it twice", async () => {
    const { tenant, login } = await mint()
    const t = login.access_token
    await call('POST', '/organisations/set_current_org', {
      token: t,
      json: { organizationId: 9579 },
    })
    const sub = await call('POST', '/_sandbox/subscriptions', {
      tenant,
      json: { url: `${receiver.url}/hooks`, organisationId: 9579 },
    })
    expect(sub.status).toBe(201)
    expect(sub.body.secret).toMatch(/^[0-9a-f]{32}$/)
    await call('POST', '/_sandbox/subscriptions', {
      tenant,
      json: { url: `${receiver.url}/other-org`, organisationId: 9580 },
    })
    expect(
      (
        await call('POST', '/_sandbox/subscriptions', {
          tenant,
          json: { url: 'ftp://x', events: ['nope'] },
        })
      ).status,
    ).toBe(400)

    receiver.failNext(1)
    const before = receiver.calls.length
    const made = await call('POST', '/widgets', {
      token: t,
      json: { name: 'Blue', idempotency_key: 'k-1' },
    })
    const again = await call('POST', '/widgets', {
      token: t,
      json: { name: 'Blue', idempotency_key: 'k-1' },
    })
    expect(again.body).toEqual(made.body)
    expect((await call('GET', '/widgets?page=2', { token: t })).body.meta.total_count).toBe(131)
    await receiver.waitFor(before + 1)
    expect(receiver.calls[before]!.answered).toBe(500)
    await call('POST', '/_sandbox/clock/advance', { tenant, json: { seconds: 60 } })
    await receiver.waitFor(before + 2)
    const delivered = receiver.calls.slice(before)
    expect(delivered.map((d) => [d.path, d.answered])).toEqual([
      ['/hooks', 500],
      ['/hooks', 200],
    ])
    expect(delivered[1]!.json).toEqual({ event: 'widget_create', widget: made.body.widget })
    const log = (await call('GET', '/_sandbox/webhooks', { tenant })).body.deliveries
    expect(log[0].attempts.map((a: { status: number }) => a.status)).toEqual([500, 200])

    expect(
      (
        await call('POST', '/_sandbox/faults', {
          tenant,
          json: { webhook: 'widget_*', duplicate: true, count: 1 },
        })
      ).status,
    ).toBe(201)
    await call('POST', '/widgets', { token: t, json: { name: 'Green' } })
    await receiver.waitFor(before + 4)
    expect(
      receiver.calls
        .slice(before + 2)
        .map((d) => (d.json as { widget: { name: string } }).widget.name),
    ).toEqual(['Green', 'Green'])
  })
})
