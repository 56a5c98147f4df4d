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
