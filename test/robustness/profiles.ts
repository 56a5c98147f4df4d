import { ApiErrorResponse, DKProblemDetails } from '../../contracts/digikey/schemas.ts'
import { ErrorBody } from '../../contracts/digipix/schemas.ts'
import { createSim, type Sim, type VendorDefinition } from '../../mocks/core/index.ts'
import { VENDORS } from '../../mocks/vendors.ts'
import { PRODUCTS, productOf } from '../../mocks/digikey/apis.ts'
import { ADDRESS } from '../harness/digipix-sim.ts'

/**
 * What the robustness suite needs to know of each vendor: how a fresh tenant logs in with
 * full access, which bad credentials exist and where, and what the vendor's error envelope
 * is. Routes themselves come from each simulator's route table (and GraphQL root fields),
 * so a new route is covered without editing the suite.
 */
export interface Session {
  sim: Sim<any, any>
  tenant: string
  base: string
  /** Headers of a request with full access. */
  headers: Record<string, string>
  /** Ids of records that exist, by path parameter name (the fuzzer mixes them in, so requests get past "not found"). */
  ids?: Record<string, string[]>
}

export interface BadCredential {
  name: string
  headers: Record<string, string>
  /** Only these routes (e.g. 2-legged tokens on 3-legged APIs); all by default. */
  applies?(method: string, path: string): boolean
}

export interface Profile {
  vendor: VendorDefinition<any, any>
  /** The host a request is sent to (the vendor's sandbox host, or production where there is none). */
  base: string
  login(sim: Sim<any, any>): Promise<Session>
  badCredentials(s: Session): Promise<BadCredential[]>
  /** A 401/403 in the vendor's shape. */
  isAuthError(status: number, body: unknown): boolean
  /** Any 4xx in the vendor's shape. */
  isEnvelope(status: number, body: unknown): boolean
  /** Routes that need no credentials (token endpoints, consent pages, method stubs). */
  isPublic(method: string, path: string): boolean
  /** GraphQL vendors: the root fields each matrix cell also asks for. */
  graphqlFields?: string[]
  /** GraphQL vendors: the paths that take GraphQL requests (default `/graphql`). */
  graphqlPaths?: string[]
  /** GraphQL vendors: operations the fuzzer sends (whole, cut short, with random variables). */
  fuzzQueries?: string[]
  /** GraphQL vendors: queries that list records (another tenant's token must never see this tenant's in them). */
  leakQueries?: string[]
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})
const form = (body: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(body).toString(),
})

async function mint(sim: Sim<any, any>) {
  return (await (await sim.fetch('/_sandbox/tenants', json({}))).json()) as {
    tenant: string
    credentials: any
  }
}
const advance = (s: Session, seconds: number) => s.sim.control.advance(seconds, s.tenant)
const tokenPaths = (v: VendorDefinition<any, any>) =>
  new Set([
    ...(v.auth.tokenEndpoints ?? []).map((e) => e.path),
    ...(v.auth.oauth ? [v.auth.oauth.tokenPath, v.auth.oauth.authorizePath] : []),
  ])

const digipix: Profile = {
  vendor: VENDORS.digipix!,
  base: 'https://api.digipix.dev',
  async login(sim) {
    const { tenant, credentials } = await mint(sim)
    const token = async (scope: string[]) =>
      (
        await (
          await sim.fetch(
            `${this.base}/v1/oauth/token`,
            json({
              client_id: credentials.clientId,
              client_secret: credentials.clientSecret,
              grant_type: 'client_credentials',
              scope,
            }),
          )
        ).json()
      ).access_token as string
    const headers = { authorization: `Bearer ${await token(['orders', 'quote', 'products'])}` }
    const order = await (
      await sim.fetch(
        `${this.base}/v1/orders`,
        json(
          {
            recipient: { name: 'A', address: ADDRESS },
            items: [{ productId: 'photobook', quantity: 1 }],
          },
          headers,
        ),
      )
    ).json()
    const s: Session & { token: typeof token } = {
      sim,
      tenant,
      base: this.base,
      headers,
      token,
      ids: { orderId: [order.id], productId: ['photobook', 'mug'] },
    }
    return s
  },
  async badCredentials(s): Promise<BadCredential[]> {
    const token = (s as Session & { token(scope: string[]): Promise<string> }).token
    const scopeless = await token([])
    const expiring = await token(['orders', 'quote', 'products'])
    await advance(s, 3601)
    return [
      { name: 'no token', headers: {} },
      { name: 'malformed header', headers: { authorization: 'Token abc' } },
      {
        name: 'a token nobody issued',
        headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' },
      },
      { name: 'expired on the clock', headers: { authorization: `Bearer ${expiring}` } },
      { name: 'no scope', headers: { authorization: `Bearer ${scopeless}` } },
    ]
  },
  isAuthError: (status, body) =>
    (status === 401 || status === 403) && ErrorBody.safeParse(body).success,
  isEnvelope: (status, body) =>
    status >= 400 &&
    status < 500 &&
    (ErrorBody.safeParse(body).success || typeof (body as { error?: unknown })?.error === 'string'),
  isPublic: (_method, path) => tokenPaths(VENDORS.digipix!).has(path),
}

const shiphero: Profile = {
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

const digikey: Profile = {
  vendor: VENDORS.digikey!,
  base: 'https://sandbox-api.digikey.com',
  async login(sim) {
    const { tenant, credentials } = await mint(sim)
    await sim.fetch('/_sandbox/rate-limits', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-vendorsim-tenant': tenant },
      body: JSON.stringify({ enabled: false }),
    })
    const grant = await (
      await sim.fetch('/_sandbox/oauth/authorize', {
        ...json({}),
        headers: { 'content-type': 'application/json', 'x-vendorsim-tenant': tenant },
      })
    ).json()
    const tokens = async (body: Record<string, string>) =>
      (await (
        await sim.fetch(
          `${this.base}/v1/oauth2/token`,
          form({
            client_id: credentials.clientId,
            client_secret: credentials.clientSecret,
            ...body,
          }),
        )
      ).json()) as { access_token: string; refresh_token: string }
    const three = await tokens({
      grant_type: 'authorization_code',
      code: grant.code,
      redirect_uri: grant.redirect_uri,
    })
    const client = { 'x-digikey-client-id': credentials.clientId }
    const headers = { ...client, authorization: `Bearer ${three.access_token}` }
    const contact = {
      Name: 'Ben Hest',
      Address: {
        AddressLineOne: '701 Brooks Ave S',
        City: 'Thief River Falls',
        Province: 'MN',
        PostalCode: '56701',
        Country: 'US',
      },
    }
    const order = {
      PurchaseOrderNumber: 'PO-FUZZ',
      Currency: 'USD',
      ShippingContact: contact,
      LineItems: [{ DigiKeyPartNumber: '311-10.0KHRCT-ND', RequestedQuantity: 100 }],
    }
    const placed = await (
      await sim.fetch(`${this.base}/Ordering/v3/Orders`, json(order, headers))
    ).json()
    // Processing: its schedules can be changed, so Order Management requests reach validation.
    await sim.control.advance(600, tenant)
    const ids = {
      salesOrderId: [String(placed.SalesOrderId)],
      detailId: ['1'],
      scheduleIndex: ['0'],
      poNumber: ['PO-FUZZ'],
      invoiceId: ['1'],
    }
    return Object.assign({ sim, tenant, base: this.base, headers, ids }, { tokens, client, three })
  },
  async badCredentials(s): Promise<BadCredential[]> {
    const x = s as Session & {
      tokens(b: Record<string, string>): Promise<{ access_token: string }>
      client: Record<string, string>
      three: { refresh_token: string }
    }
    const two = await x.tokens({ grant_type: 'client_credentials' })
    const expiring = await x.tokens({
      grant_type: 'refresh_token',
      refresh_token: x.three.refresh_token,
    })
    await advance(s, 1800)
    return [
      { name: 'no token', headers: { ...x.client } },
      { name: 'malformed header', headers: { ...x.client, authorization: 'Token abc' } },
      {
        name: 'a token nobody issued',
        headers: { ...x.client, authorization: 'Bearer abcdefabcdefabcdefabcdefabcd' },
      },
      {
        name: 'expired on the clock',
        headers: { ...x.client, authorization: `Bearer ${expiring.access_token}` },
      },
      { name: 'no client id', headers: { authorization: `Bearer ${expiring.access_token}` } },
      {
        name: 'a client id nobody registered',
        headers: {
          'x-digikey-client-id': 'nope',
          authorization: `Bearer ${expiring.access_token}`,
        },
      },
      {
        name: '2-legged on a 3-legged API',
        headers: {
          ...x.client,
          authorization: `Bearer ${two.access_token}`,
          'x-digikey-account-id': '1',
        },
        applies: (_m, path) => PRODUCTS[productOf(path)!]?.legs === 'three',
      },
    ]
  },
  isAuthError: (status, body) =>
    (status === 401 || status === 403) &&
    (ApiErrorResponse.safeParse(body).success || DKProblemDetails.safeParse(body).success),
  isEnvelope: (status, body) =>
    status >= 400 &&
    status < 500 &&
    (ApiErrorResponse.safeParse(body).success ||
      DKProblemDetails.safeParse(body).success ||
      typeof (body as { error?: unknown })?.error === 'string'),
  isPublic: (_method, path) => tokenPaths(VENDORS.digikey!).has(path),
}

const digitBody = (body: unknown) =>
  body as { errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> }
const digit: Profile = {
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

const stitchex: Profile = {
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

export const PROFILES: Record<string, Profile> = { digipix, shiphero, digikey, digit, stitchex }

/** The vendor routes of a simulator (its route table, without control routes). */
export function vendorRoutes(sim: Sim<any, any>): Array<{ method: string; path: string }> {
  const seen = new Set<string>()
  const out: Array<{ method: string; path: string }> = []
  for (const r of sim.app.routes) {
    if (r.method === 'ALL' || r.path.startsWith('/_sandbox') || r.path.includes('*')) continue
    const key = `${r.method} ${r.path}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ method: r.method, path: r.path })
  }
  return out
}

/** A path with its `:params` filled. */
export const fill = (path: string, value: (name: string) => string) =>
  path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(value(name)))

export const newSim = (vendor: VendorDefinition<any, any>) =>
  createSim(vendor, { seed: 'robustness', webhooks: { mode: 'record' } })
