/**
 * A Digipix simulator with a minted tenant, for the unit tests that drive the core through it:
 * `token()` gets a client-credentials token, `ctl()` calls a control route as that tenant.
 */
import { createSim } from '../../mocks/core/index.ts'
import { digipix } from '../../mocks/digipix/index.ts'

export const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

/** The shortest address Digipix accepts (São Paulo). */
export const ADDRESS = {
  street: 's',
  number: '1',
  neighborhood: 'n',
  city: 'c',
  state: 'SP',
  zipCode: '01310200',
}

/** A small QUOTE order of one mug, the body several cases send. */
export const ORDER = {
  recipient: { name: 'A', address: ADDRESS },
  items: [{ productId: 'mug', quantity: 1 }],
}

export async function setup(seed = 'unit') {
  const sim = createSim(digipix, { seed, webhooks: { mode: 'record' } })
  const minted = await (await sim.fetch('/_sandbox/tenants', json({}))).json()
  const tenant = minted.tenant as string
  const creds = minted.credentials
  const token = async (scope = ['orders', 'quote', 'products']) =>
    (
      await (
        await sim.fetch(
          '/v1/oauth/token',
          json({
            client_id: creds.clientId,
            client_secret: creds.clientSecret,
            grant_type: 'client_credentials',
            scope,
          }),
        )
      ).json()
    ).access_token as string
  const ctl = (path: string, init: RequestInit = {}) =>
    sim.fetch(`/_sandbox${path}`, {
      ...init,
      headers: {
        'x-vendorsim-tenant': tenant,
        'content-type': 'application/json',
        ...(init.headers ?? {}),
      },
    })
  return { sim, tenant, creds, token, ctl }
}
