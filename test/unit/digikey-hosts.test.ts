import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createVendorHandlers } from '../../mocks/msw.ts'
import { DIGIKEY_DEFAULT_CREDENTIALS as creds, digikey } from '../../mocks/digikey/index.ts'

const { handlers } = createVendorHandlers({ vendors: ['digikey'], seed: 'hosts' })
const server = setupServer(...handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const token = (host: string, app: { clientId: string; clientSecret: string }) =>
  fetch(`${host}/v1/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.clientId,
      client_secret: app.clientSecret,
    }),
  })

describe('DigiKey through MSW: both hosts, one app per environment', () => {
  it('api.digikey.com takes the production app, sandbox-api.digikey.com the sandbox app; each refuses the other', async () => {
    expect((await token('https://api.digikey.com', creds.production)).status).toBe(200)
    expect((await token('https://sandbox-api.digikey.com', creds)).status).toBe(200)
    expect((await (await token('https://api.digikey.com', creds)).json()).error).toBe(
      'invalid_client',
    )
    const prodToken = (await (await token('https://api.digikey.com', creds.production)).json())
      .access_token
    const res = await fetch('https://api.digikey.com/orderstatus/v4/orders', {
      headers: {
        authorization: `Bearer ${prodToken}`,
        'X-DIGIKEY-Client-Id': creds.clientId,
        'X-DIGIKEY-Account-ID': String(creds.accountId),
      },
    })
    expect(res.status).toBe(401)
    expect((await res.json()).detail).toMatch(/^Invalid clientId/)
    const ok = await fetch('https://api.digikey.com/orderstatus/v4/orders', {
      headers: {
        authorization: `Bearer ${prodToken}`,
        'X-DIGIKEY-Client-Id': creds.production.clientId,
        'X-DIGIKEY-Account-ID': String(creds.accountId),
      },
    })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('x-digikey-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('DigiKey secrets stay out of the journal and the state view', () => {
  it('client secret, code, access and refresh tokens are masked after a full 3-legged dance', async () => {
    const { createSim } = await import('../../mocks/core/index.ts')
    const { digikey } = await import('../../mocks/digikey/index.ts')
    const sim = createSim(digikey, { seed: 'journal' })
    const H = 'https://sandbox-api.digikey.com'
    const form = (body: Record<string, string>) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body).toString(),
    })
    const approved = await sim.fetch(`${H}/v1/oauth2/authorize`, {
      ...form({
        client_id: creds.clientId,
        redirect_uri: creds.redirectUris[0]!,
        response_type: 'code',
        decision: 'approve',
      }),
      redirect: 'manual',
    })
    const code = new URL(approved.headers.get('location')!).searchParams.get('code')!
    const tokens = await (
      await sim.fetch(
        `${H}/v1/oauth2/token`,
        form({
          grant_type: 'authorization_code',
          code,
          redirect_uri: creds.redirectUris[0]!,
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
        }),
      )
    ).json()
    const rotated = await (
      await sim.fetch(
        `${H}/v1/oauth2/token`,
        form({
          grant_type: 'refresh_token',
          refresh_token: tokens.refresh_token,
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
        }),
      )
    ).json()
    await sim.fetch(`${H}/orderstatus/v4/orders`, {
      headers: {
        authorization: `Bearer ${rotated.access_token}`,
        'X-DIGIKEY-Client-Id': creds.clientId,
      },
    })
    const seen =
      JSON.stringify(await (await sim.fetch(`${H}/_sandbox/journal`)).json()) +
      JSON.stringify(await (await sim.fetch(`${H}/_sandbox/state`)).json()) +
      JSON.stringify(await (await sim.fetch(`${H}/_sandbox/oauth`)).json())
    for (const secret of [
      creds.clientSecret,
      code,
      tokens.access_token,
      tokens.refresh_token,
      rotated.access_token,
      rotated.refresh_token,
    ])
      expect(seen).not.toContain(secret)
    expect(seen).toContain('[redacted]')
  })
})

describe('DigiKey callback follows the address the simulator is served on', () => {
  it('the callback page at any port is a registered redirect URI, and the default of /_sandbox/oauth/authorize', async () => {
    const { createHost } = await import('../../mocks/core/index.ts')
    const host = createHost([digikey])
    const base = 'http://127.0.0.1:4120/digikey'
    const callback = `${base}/_sandbox/oauth/callback`
    const page = await host.fetch(
      new Request(
        `${base}/v1/oauth2/authorize?response_type=code&client_id=digikey-sandbox-client&redirect_uri=${encodeURIComponent(callback)}&state=xyz`,
      ),
    )
    expect(page.status).toBe(200)
    const approved = await host.fetch(
      new Request(`${base}/v1/oauth2/authorize`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          response_type: 'code',
          client_id: 'digikey-sandbox-client',
          redirect_uri: callback,
          state: 'xyz',
          decision: 'approve',
        }),
        redirect: 'manual',
      }),
    )
    expect(approved.status).toBe(302)
    expect(approved.headers.get('location')!.startsWith(`${callback}?code=`)).toBe(true)
    const other = await host.fetch(
      new Request(
        `${base}/v1/oauth2/authorize?response_type=code&client_id=digikey-sandbox-client&redirect_uri=${encodeURIComponent('http://127.0.0.1:4010/digikey/_sandbox/oauth/callback')}`,
      ),
    )
    expect(other.status).toBe(400)
    const granted = await (
      await host.fetch(
        new Request(`${base}/_sandbox/oauth/authorize`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
      )
    ).json()
    expect(granted.redirect_uri).toBe(callback)
    expect(
      (await (await host.fetch(new Request(`${base}/_sandbox/oauth`))).json()).selfCallback,
    ).toBe(callback)
    const doc = await (await host.fetch(new Request(`${base}/_sandbox/openapi.json`))).json()
    expect(doc.servers.at(-1)).toEqual({ url: base, description: 'vendorsim' })
  })
})
