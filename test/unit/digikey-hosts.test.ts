import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createVendorHandlers } from '../../mocks/msw.ts'
import { DIGIKEY_DEFAULT_CREDENTIALS as creds } from '../../mocks/digikey/index.ts'

const { handlers } = createVendorHandlers({ vendors: ['digikey'], seed: 'hosts' })
const server = setupServer(...handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const token = (host: string, app: { clientId: string; clientSecret: string }) =>
  fetch(`${host}/v1/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret }) })

describe('DigiKey through MSW: both hosts, one app per environment', () => {
  it('api.digikey.com takes the production app, sandbox-api.digikey.com the sandbox app; each refuses the other', async () => {
    expect((await token('https://api.digikey.com', creds.production)).status).toBe(200)
    expect((await token('https://sandbox-api.digikey.com', creds)).status).toBe(200)
    expect((await (await token('https://api.digikey.com', creds)).json()).error).toBe('invalid_client')
    const prodToken = (await (await token('https://api.digikey.com', creds.production)).json()).access_token
    const res = await fetch('https://api.digikey.com/orderstatus/v4/orders', { headers: { authorization: `Bearer ${prodToken}`, 'X-DIGIKEY-Client-Id': creds.clientId, 'X-DIGIKEY-Account-ID': String(creds.accountId) } })
    expect(res.status).toBe(401)
    expect((await res.json()).detail).toMatch(/^Invalid clientId/)
    const ok = await fetch('https://api.digikey.com/orderstatus/v4/orders', { headers: { authorization: `Bearer ${prodToken}`, 'X-DIGIKEY-Client-Id': creds.production.clientId, 'X-DIGIKEY-Account-ID': String(creds.accountId) } })
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
    const form = (body: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() })
    const approved = await sim.fetch(`${H}/v1/oauth2/authorize`, { ...form({ client_id: creds.clientId, redirect_uri: creds.redirectUris[0]!, response_type: 'code', decision: 'approve' }), redirect: 'manual' })
    const code = new URL(approved.headers.get('location')!).searchParams.get('code')!
    const tokens = await (await sim.fetch(`${H}/v1/oauth2/token`, form({ grant_type: 'authorization_code', code, redirect_uri: creds.redirectUris[0]!, client_id: creds.clientId, client_secret: creds.clientSecret }))).json()
    const rotated = await (await sim.fetch(`${H}/v1/oauth2/token`, form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: creds.clientId, client_secret: creds.clientSecret }))).json()
    await sim.fetch(`${H}/orderstatus/v4/orders`, { headers: { authorization: `Bearer ${rotated.access_token}`, 'X-DIGIKEY-Client-Id': creds.clientId } })
    const seen = JSON.stringify(await (await sim.fetch(`${H}/_sandbox/journal`)).json()) + JSON.stringify(await (await sim.fetch(`${H}/_sandbox/state`)).json()) + JSON.stringify(await (await sim.fetch(`${H}/_sandbox/oauth`)).json())
    for (const secret of [creds.clientSecret, code, tokens.access_token, tokens.refresh_token, rotated.access_token, rotated.refresh_token]) expect(seen).not.toContain(secret)
    expect(seen).toContain('[redacted]')
  })
})
