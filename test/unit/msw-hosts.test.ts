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
