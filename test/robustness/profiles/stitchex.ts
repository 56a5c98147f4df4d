/** The robustness profile of Stitchex: how a fresh tenant logs in, its bad credentials, its error envelope. */
import { VENDORS } from '../../../mocks/vendors.ts'
import {
  advance,
  json,
  mint,
  tokenPaths,
  type BadCredential,
  type Profile,
  type Session,
} from '../profile-kit.ts'

export const stitchex: Profile = {
  vendor: VENDORS.stitchex!,
  base: 'https://api.stitchex.com',
  async login(sim) {
    const { tenant, credentials } = await mint(sim)
    const login = async () =>
      (await (
        await sim.fetch(
          `${this.base}/oauth/token`,
          json({
            email: credentials.email,
            password: credentials.password,
            grant_type: 'password',
          }),
        )
      ).json()) as { access_token: string; refresh_token: string }
    const { access_token } = await login()
    const headers = { authorization: `Bearer ${access_token}` }
    await sim.fetch(
      `${this.base}/organisations/set_current_org`,
      json({ organizationId: 9579 }, headers),
    )
    // A record only this tenant has: an order whose reference names it.
    const mark = `SECRET-${tenant}`
    const skus = await (await sim.fetch(`${this.base}/skus`, { headers })).json()
    const customers = await (await sim.fetch(`${this.base}/customers`, { headers })).json()
    const order = await (
      await sim.fetch(
        `${this.base}/sales_orders`,
        json(
          {
            sales_order: {
              company_id: customers.customers[0].id,
              purchase_order_ref: mark,
              line_items: [{ line_quantities: [{ sku_id: skus.skus[0].id, quantity: 1 }] }],
            },
          },
          headers,
        ),
      )
    ).json()
    const ids = {
      mark: [mark],
      id: [
        String(order.sales_order.id),
        String(skus.skus[0].id),
        String(customers.customers[0].id),
      ],
    }
    return Object.assign({ sim, tenant, base: this.base, headers, ids }, { login })
  },
  async badCredentials(s): Promise<BadCredential[]> {
    const { access_token: expiring } = await (
      s as Session & { login(): Promise<{ access_token: string }> }
    ).login()
    await advance(s, 604_801)
    return [
      { name: 'no token', headers: {} },
      { name: 'malformed header', headers: { authorization: 'Token abc def' } },
      { name: 'a token nobody issued', headers: { authorization: `Bearer ${'ab'.repeat(32)}` } },
      { name: 'a bare token nobody issued', headers: { authorization: 'cd'.repeat(32) } },
      { name: 'expired on the clock', headers: { authorization: `Bearer ${expiring}` } },
    ]
  },
  isAuthError: (status, body) =>
    status === 401 && (body as { error?: unknown })?.error === 'invalid_token',
  isEnvelope: (status, body) => {
    const b = body as { message?: unknown; error?: unknown }
    return (
      status >= 400 &&
      status < 500 &&
      (typeof b?.message === 'string' || typeof b?.error === 'string')
    )
  },
  isPublic: (_method, path) => tokenPaths(VENDORS.stitchex!).has(path),
}
