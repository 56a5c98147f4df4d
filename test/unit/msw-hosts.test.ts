import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createVendorHandlers } from '../../mocks/msw.ts'
import { VENDORS } from '../../mocks/vendors.ts'

/** Every host a vendor declares (Digit's staging, Stitchex's old and new names) is answered by its simulator through MSW. */
describe('MSW face: every declared host', () => {
  const { handlers } = createVendorHandlers({ seed: 'hosts' })
  const server = setupServer(...handlers)
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  for (const [id, vendor] of Object.entries(VENDORS))
    for (const host of [...vendor.hosts.production, ...vendor.hosts.sandbox])
      it(`${id}: ${host} is answered by the simulator (an unhandled request fails the test)`, async () => {
        const res = await fetch(`${host}/no-such-route-${id}`)
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(res.status).toBeLessThan(500)
        const text = await res.text()
        expect(text.length).toBeGreaterThan(0)
      })
})

describe('MSW face: base URLs of your own', () => {
  const { handlers } = createVendorHandlers({
    seed: 'hosts',
    vendors: {
      digipix: { baseUrls: ['https://gateway.test/digipix'] },
      stitchex: { extraBaseUrls: ['http://localhost:9911'] },
    },
  })
  const server = setupServer(...handlers)
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  it('a replacement base URL with a path reaches the simulator with the path stripped; the real host no longer does', async () => {
    const res = await fetch('https://gateway.test/digipix/v1/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: 'digipix-dev-client',
        client_secret: 'digipix-dev-secret',
        grant_type: 'client_credentials',
        scope: ['products'],
      }),
    })
    expect(res.status).toBe(200)
    expect((await res.json()).access_token).toBeTruthy()
    await expect(fetch('https://api.digipix.dev/v1/products')).rejects.toThrow()
  })

  it('an extra base URL answers beside the real hosts', async () => {
    expect((await fetch('http://localhost:9911/organisations')).status).toBe(401)
    expect((await fetch('https://api.uphance.com/organisations')).status).toBe(401)
  })

  it('a base URL that is not absolute is refused with the vendor named', () => {
    expect(() => createVendorHandlers({ vendors: { digit: { baseUrls: ['/digit'] } } })).toThrow(
      /digit: "\/digit" is not an absolute URL/,
    )
  })
})
