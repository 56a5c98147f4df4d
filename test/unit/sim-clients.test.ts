import { describe, expect, it } from 'vitest'
import { createSim } from '../../mocks/core/index.ts'
import { digikey } from '../../mocks/digikey/index.ts'
import { digipix } from '../../mocks/digipix/index.ts'
import { digit } from '../../mocks/digit/index.ts'
import { shiphero } from '../../mocks/shiphero/index.ts'
import {
  digikeyClient,
  digipixClient,
  digitClient,
  shipheroClient,
  stitchexClient,
} from '../../mocks/sim-clients.ts'
import { stitchex } from '../../mocks/stitchex/index.ts'

/** `vendorsim/sim-clients`: a client straight from a sim, with no base URL or credentials to copy. */
describe('clients from a sim', () => {
  it('each vendor: a typed client that reaches its simulator with the tenant credentials', async () => {
    expect(
      (await digipixClient(createSim(digipix, { seed: 1 })).products.list()).length,
    ).toBeGreaterThan(0)
    const sh = await shipheroClient(createSim(shiphero, { seed: 1 })).account()
    expect(sh.data.email).toBeTruthy()
    const digitSim = createSim(digit, { seed: 1 })
    expect((await digitClient(digitSim).organization()).id).toBe('org_2q7ijyFawxyztIITFUnD8l2bjkp')
    expect((await digitClient(digitSim, { account: 'sandbox' }).organization()).id).toBe(
      digitSim.control.credentials().sandbox.organizationId,
    )
    const sx = stitchexClient(createSim(stitchex, { seed: 1 }), { organisationId: 9580 })
    expect((await sx.skus.page(1)).meta.total_count).toBe(108)
    expect(sx.auth.organisationId()).toBe(9580)
    const dk = digikeyClient(createSim(digikey, { seed: 1 }))
    expect((await dk.auth.clientCredentials()).access_token).toBeTruthy()
    expect(await dk.orderStatus.searchOrders({})).toBeTruthy()
  })

  it('a minted tenant: its own credentials, its own data', async () => {
    const sim = createSim(digit, { seed: 1 })
    const { tenant, credentials } = await sim.control.mintTenant('acme')
    const org = await digitClient(sim, { tenant }).organization()
    expect(org.id).toBe(credentials.organizationId)
  })
})

describe('createSim', () => {
  it('given a vendor id instead of a definition, says what to import', () => {
    expect(() => createSim('digipix' as never)).toThrow(
      'createSim needs a vendor definition, not "digipix": import { digipix } from \'vendorsim/vendors/digipix\'',
    )
  })
})
