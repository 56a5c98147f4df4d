import { createDigiKeyClient } from '../src/clients/digikey/index.ts'
import { createDigipixClient } from '../src/clients/digipix/index.ts'
import { createDigitClient } from '../src/clients/digit/index.ts'
import { createShipHeroClient } from '../src/clients/shiphero/index.ts'
import { createStitchexClient } from '../src/clients/stitchex/index.ts'
import type { ClientTransportOptions } from '../src/core/index.ts'
import type { Sim } from './core/index.ts'
import type { DigiKeyCredentials } from './digikey/store.ts'
import type { DigipixCredentials } from './digipix/store.ts'
import type { DigitCredentials } from './digit/store.ts'
import type { ShipHeroCredentials } from './shiphero/store.ts'
import type { StitchexCredentials } from './stitchex/store.ts'

/*
 * A typed client wired straight to an in-process simulator: the sim's `fetch`, the vendor's own
 * host, and a tenant's credentials (the default tenant's unless `tenant` names another).
 *
 *   const sim = createSim(digipix, { seed: 42 })
 *   const client = digipixClient(sim)
 *   await client.orders.create({ recipient, items, shipmentMethodId: 1 })
 *   await sim.control.advance(14 * 86_400)
 */

/** Options of every helper: the client's transport options, and whose credentials to use. */
export interface FromSim extends ClientTransportOptions {
  /** Whose credentials to use (default: the `default` tenant). */
  tenant?: string
}

const hostOf = (sim: Sim<any, any>) =>
  sim.vendor.hosts.sandbox[0] ?? sim.vendor.hosts.production[0]!
const wiring = (sim: Sim<any, any>, o: FromSim) => {
  const { tenant: _, ...transport } = o
  return { ...transport, baseUrl: hostOf(sim), fetch: o.fetch ?? sim.fetch }
}

/** A Digipix client (client credentials, every scope) on `sim`. */
export function digipixClient(sim: Sim<any, DigipixCredentials>, o: FromSim = {}) {
  const c = sim.control.credentials(o.tenant)
  return createDigipixClient({
    ...wiring(sim, o),
    clientId: c.clientId,
    clientSecret: c.clientSecret,
  })
}

/** 2-legged (client credentials, the tenant's account id); authorize a user through the client for 3-legged calls. */
export function digikeyClient(sim: Sim<any, DigiKeyCredentials>, o: FromSim = {}) {
  const c = sim.control.credentials(o.tenant)
  return createDigiKeyClient({
    ...wiring(sim, o),
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    accountId: c.accountId,
  })
}

/** The 3PL developer user. */
export function shipheroClient(sim: Sim<any, ShipHeroCredentials>, o: FromSim = {}) {
  const c = sim.control.credentials(o.tenant)
  return createShipHeroClient({ ...wiring(sim, o), username: c.username, password: c.password })
}

/** The primary account's token, or the SANDBOX account's with `account: 'sandbox'`. */
export function digitClient(
  sim: Sim<any, DigitCredentials>,
  o: FromSim & { account?: 'primary' | 'sandbox' } = {},
) {
  const { account, ...rest } = o
  const c = sim.control.credentials(o.tenant)
  return createDigitClient({
    ...wiring(sim, rest),
    token: account === 'sandbox' ? c.sandbox.token : c.token,
  })
}

/** The tenant's user, connected to its first organisation (or `organisationId`). */
export function stitchexClient(
  sim: Sim<any, StitchexCredentials>,
  o: FromSim & { organisationId?: number } = {},
) {
  const { organisationId, ...rest } = o
  const c = sim.control.credentials(o.tenant)
  return createStitchexClient({
    ...wiring(sim, rest),
    email: c.email,
    password: c.password,
    organisationId,
  })
}
