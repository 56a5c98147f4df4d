/** The robustness profile of Digit: how a fresh tenant logs in, its bad credentials, its error envelope. */
import { VENDORS } from '../../../mocks/vendors.ts'
import { json, mint, type BadCredential, type Profile, type Session } from '../profile-kit.ts'

const digitBody = (body: unknown) =>
  body as { errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> }
export const digit: Profile = {
  vendor: VENDORS.digit!,
  base: 'https://api.digit-software.com',
  graphqlPaths: ['/graphql', '/'],
  fuzzQueries: [
    '{ items(connection: { first: 2 }) { nodes { sku } } }',
    'query ($c: ConnectionInput, $s: String) { orders(connection: $c, search: $s) { nodes { id } } }',
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { item { id } } }',
    'mutation ($input: CreateOrderInput!) { createOrder(input: $input) { order { id } } }',
    'mutation ($input: UpdateOrderInput!) { updateOrder(input: $input) { order { id } } }',
    'mutation ($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } } }',
    'mutation ($input: CreateCompanyLocationInput!) { createCompanyLocation(input: $input) { address { id } } }',
  ],
  graphqlFields: [
    'organization { id }',
    'items { totalCount }',
    'createOrder(input: { customerId: "x", shippingAddressId: "y", items: [] }) { order { id } }',
  ],
  leakQueries: [
    '{ orders(connection: { first: 500 }) { nodes { customerReferenceNumber } } }',
    '{ items(connection: { first: 500 }) { nodes { sku } } }',
  ],
  async login(sim) {
    const { tenant, credentials } = await mint(sim)
    const headers = { authorization: `Bearer ${credentials.token}` }
    const gql = async (query: string, variables?: unknown, h = headers) =>
      (await (await sim.fetch(`${this.base}/graphql`, json({ query, variables }, h))).json()) as any
    // Records only this tenant has: an item and an order named after it.
    const mark = `SECRET-${tenant}`
    const company = (await gql('{ companies { nodes { id locations { id } } } }')).data.companies
      .nodes[0]
    const item = await gql(
      'mutation ($i: CreateItemInput!) { createItem(input: $i) { item { id } } }',
      {
        i: { name: 'p', sku: mark, defaultStockUomId: '01917ac4-8836-7141-9a22-008e3c1d65bd' },
      },
    )
    const order = await gql(
      'mutation ($i: CreateOrderInput!) { createOrder(input: $i) { order { id } } }',
      {
        i: {
          customerId: company.id,
          shippingAddressId: company.locations[0].id,
          customerReferenceNumber: mark,
          orderStatus: 'unfulfilled',
          items: [
            {
              id: item.data.createItem.item.id,
              quantity: 2,
              cost: { costAmount: 1, currencyCode: 'USD' },
            },
          ],
        },
      },
    )
    const revoke = async () => {
      const made = await (
        await sim.fetch('/_sandbox/tokens', {
          ...json({ permissions: ['READ_ITEM'] }),
          headers: { 'content-type': 'application/json', 'x-vendorsim-tenant': tenant },
        })
      ).json()
      await sim.fetch(`/_sandbox/tokens/${made.id}`, {
        method: 'DELETE',
        headers: { 'x-vendorsim-tenant': tenant },
      })
      return made.token as string
    }
    return Object.assign(
      {
        sim,
        tenant,
        base: this.base,
        headers,
        ids: { mark: [mark], id: [order.data.createOrder.order.id] },
      },
      { revoke },
    )
  },
  async badCredentials(s): Promise<BadCredential[]> {
    const revoked = await (s as Session & { revoke(): Promise<string> }).revoke()
    return [
      { name: 'no token', headers: {} },
      { name: 'malformed header', headers: { authorization: 'Token abc' } },
      { name: 'a token nobody issued', headers: { authorization: 'Bearer da_nobodyIssuedThis' } },
      { name: 'a revoked token', headers: { authorization: `Bearer ${revoked}` } },
    ]
  },
  isAuthError: (status, body) =>
    status === 401 && digitBody(body)?.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED',
  isEnvelope: (status, body) => {
    const b = digitBody(body)
    return (
      status >= 400 &&
      status < 500 &&
      ((Array.isArray(b?.errors) &&
        typeof b.errors[0]?.message === 'string' &&
        typeof b.errors[0]?.extensions?.code === 'string') ||
        body === 'Too many requests, please try again later.')
    )
  },
  isPublic: (method, path) => method === 'GET' && path === '/docs',
}
