/** The robustness profile of ShipHero: how a fresh tenant logs in, its bad credentials, its error envelope. */
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

export const shiphero: Profile = {
  vendor: VENDORS.shiphero!,
  base: 'https://public-api.shiphero.com',
  graphqlFields: ['account', 'products', 'orders', 'product_create', 'order_create'],
  leakQueries: [
    '{ orders { data(first: 100) { edges { node { order_number } } } } }',
    '{ products { data(first: 200) { edges { node { sku } } } } }',
  ],
  async login(sim) {
    const { tenant, credentials } = await mint(sim)
    const login = async () =>
      (await (
        await sim.fetch(
          `${this.base}/auth/token`,
          json({ username: credentials.username, password: credentials.password }),
        )
      ).json()) as { access_token: string; refresh_token: string }
    const first = await login()
    const headers = { authorization: `Bearer ${first.access_token}` }
    // A record only this tenant has: an order and a product named after it.
    const mark = `SECRET-${tenant}`
    const address =
      'shipping_address: { first_name: "A", address1: "1 Main St", city: "New York", state: "NY", country: "US", zip: "10001" }'
    const query = `mutation { product_create(data: { name: "p", sku: "${mark}", warehouse_products: [] }) { product { id } } order_create(data: { order_number: "${mark}", shop_name: "s", ${address}, line_items: [] }) { order { id } } }`
    await sim.fetch(`${this.base}/graphql`, json({ query }, headers))
    return Object.assign(
      { sim, tenant, base: this.base, headers, ids: { mark: [mark] } },
      { login },
    )
  },
  async badCredentials(s): Promise<BadCredential[]> {
    const { access_token: expiring } = await (
      s as Session & { login(): Promise<{ access_token: string }> }
    ).login()
    await advance(s, 2_419_201)
    return [
      { name: 'no token', headers: {} },
      { name: 'malformed header', headers: { authorization: 'Token abc' } },
      { name: 'a token nobody issued', headers: { authorization: 'Bearer abc.def.ghi' } },
      { name: 'expired on the clock', headers: { authorization: `Bearer ${expiring}` } },
    ]
  },
  isAuthError: (status, body) =>
    (status === 401 || status === 403) &&
    Array.isArray((body as { errors?: unknown })?.errors) &&
    typeof (body as { errors: Array<{ code?: unknown }> }).errors[0]?.code === 'number',
  isEnvelope: (status, body) => {
    const b = body as { errors?: Array<{ message?: unknown }>; error?: unknown }
    return (
      status >= 400 &&
      status < 500 &&
      ((Array.isArray(b?.errors) && typeof b.errors[0]?.message === 'string') ||
        typeof b?.error === 'string')
    )
  },
  isPublic: (method, path) =>
    tokenPaths(VENDORS.shiphero!).has(path) || (method === 'GET' && path === '/graphql'),
}
