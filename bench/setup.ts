/**
 * The HTTP rows of `npm run bench`: each vendor's request, prepared on a running simulator
 * (tokens, an organisation, items, an order), and the page each answered — which the bare
 * baseline then serves as it is. Both sides get the same requests, credentials included (the
 * bare server ignores them), and send the same bytes: the ratio is the cost of what the
 * simulator does with a request, not of receiving a longer one.
 */
import type { LoadSpec } from './processes.ts'

export interface Row {
  name: string
  sim: LoadSpec
  /** Path, headers and body on the bare server (its origin is added when it is running): the simulator's headers too. */
  bare: Omit<LoadSpec, 'url'> & { path: string }
  /** The ratio to the bare baseline the performance goals ask for (`null`: none). */
  target: number | null
  /**
   * A second baseline on the bare server, measured in the same alternating rounds (ShipHero: an
   * endpoint that parses and validates every request), with the ratio the goals ask for.
   */
  naive?: { path: string; target: number }
}

/** What the bare server answers: the simulator's own pages (see bench/bare-server.ts). */
export interface BarePages {
  shipheroProducts: unknown
  digitItems: unknown
  stitchexSkus: unknown[]
  digikeySalesOrder: { SalesOrderId: number }
}

const json = { 'content-type': 'application/json' }

async function post<T>(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...json, ...headers },
    body: JSON.stringify(body),
  })
  if (!res.ok)
    throw new Error(`bench setup: POST ${url} answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as T
}

async function get<T>(url: string, headers: Record<string, string>) {
  const res = await fetch(url, { headers })
  if (!res.ok)
    throw new Error(`bench setup: GET ${url} answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as T
}

export async function prepareRows(sim: string): Promise<{ rows: Row[]; pages: BarePages }> {
  const rows: Row[] = []

  // Digipix: an authenticated product read, and flow 3's order.
  const dp = `${sim}/digipix`
  const { access_token } = await post<{ access_token: string }>(`${dp}/v1/oauth/token`, {
    client_id: 'digipix-dev-client',
    client_secret: 'digipix-dev-secret',
    grant_type: 'client_credentials',
    scope: ['orders', 'products'],
  })
  const dpAuth = { authorization: `Bearer ${access_token}` }
  rows.push({
    name: 'GET /v1/products/{id} (auth)',
    sim: { url: `${dp}/v1/products/photobook`, headers: dpAuth },
    bare: { path: '/v1/products/photobook', headers: dpAuth },
    target: 0.85,
  })
  const orderBody = JSON.stringify({
    recipient: {
      name: 'Ana Souza',
      address: {
        street: 'Avenida Paulista',
        number: '1578',
        neighborhood: 'Bela Vista',
        city: 'São Paulo',
        state: 'SP',
        zipCode: '01310-200',
      },
    },
    items: [{ productId: 'photobook', quantity: 2 }],
    shipmentMethodId: 1,
  })
  rows.push({
    name: 'POST /v1/orders (flow 3)',
    sim: {
      url: `${dp}/v1/orders`,
      method: 'POST',
      headers: { ...json, ...dpAuth },
      body: orderBody,
    },
    bare: { path: '/v1/orders', method: 'POST', headers: { ...json, ...dpAuth }, body: orderBody },
    target: 0.8,
  })

  // ShipHero: the primer's products query (first: 20). The bench user must not run out of
  // credits: the bucket and the request cap are lifted for this run.
  const shLogin = await post<{ access_token: string }>(`${sim}/shiphero/auth/token`, {
    username: 'dev@northwind-3pl.test',
    password: 'shiphero-dev-password',
  })
  const shAuth = { ...json, authorization: `Bearer ${shLogin.access_token}` }
  await post(`${sim}/shiphero/_sandbox/throttle`, {
    capacity: 1_000_000_000,
    refillPerSecond: 1_000_000_000,
    requestCap: 1_000_000_000,
  })
  const shQuery =
    'query { products { complexity request_id data(first: 20) { edges { node { id sku name warehouse_products { id warehouse_id on_hand } } } } } }'
  const shBody = JSON.stringify({ query: shQuery })
  const shPage = await post<{ data: { products: unknown } }>(
    `${sim}/shiphero/graphql`,
    { query: shQuery },
    shAuth,
  )
  rows.push({
    name: 'ShipHero products(first: 20)',
    sim: { url: `${sim}/shiphero/graphql`, method: 'POST', headers: shAuth, body: shBody },
    bare: { path: '/graphql', method: 'POST', headers: shAuth, body: shBody },
    target: 1,
    naive: { path: '/graphql-naive', target: 5 },
  })

  // Digit: items(connection: { first: 20 }) after 14 items of its own.
  const digitAuth = { ...json, authorization: 'Bearer da_Kt0LoBSJV49E2JI1gmPAmNUHekdzqr1HygTKRgTn' }
  for (let i = 0; i < 14; i++)
    await post(
      `${sim}/digit/graphql`,
      {
        query: 'mutation ($i: CreateItemInput!) { createItem(input: $i) { item { id } } }',
        variables: {
          i: {
            name: `Bench ${i}`,
            sku: `bench-${i}`,
            defaultStockUomId: '01917ac4-8836-7141-9a22-008e3c1d65bd',
          },
        },
      },
      digitAuth,
    )
  const digitQuery =
    'query { items(connection: { first: 20 }) { totalCount pageInfo { hasNextPage endCursor } nodes { id name sku defaultStockUom { name } defaultSalesPrice { costAmount currency { code } } } } }'
  const digitBody = JSON.stringify({ query: digitQuery })
  const digitPage = await post<{ data: { items: unknown } }>(
    `${sim}/digit/graphql`,
    { query: digitQuery },
    digitAuth,
  )
  rows.push({
    name: 'Digit items(first: 20)',
    sim: { url: `${sim}/digit/graphql`, method: 'POST', headers: digitAuth, body: digitBody },
    bare: { path: '/digit-graphql', method: 'POST', headers: digitAuth, body: digitBody },
    target: 1,
  })

  // Stitchex: an authenticated GET /skus?page=2 (token and current organisation checked).
  const sxLogin = await post<{ access_token: string }>(`${sim}/stitchex/oauth/token`, {
    email: 'dev@stitchex-demo.test',
    password: 'stitchex-dev-password',
    grant_type: 'password',
  })
  const sxAuth = { authorization: `Bearer ${sxLogin.access_token}` }
  await post(`${sim}/stitchex/organisations/set_current_org`, { organizationId: 9579 }, sxAuth)
  const skus: unknown[] = []
  for (let page = 1; ; page++) {
    const body = await get<{ skus: unknown[]; meta: { next_page: number | null } }>(
      `${sim}/stitchex/skus?page=${page}`,
      sxAuth,
    )
    skus.push(...body.skus)
    if (body.meta.next_page === null) break
  }
  rows.push({
    name: 'Stitchex GET /skus?page=2',
    sim: { url: `${sim}/stitchex/skus?page=2`, headers: sxAuth },
    bare: { path: '/skus?page=2', headers: sxAuth },
    target: 0.85,
  })

  // DigiKey: an authenticated (3-legged) GET of a shipped sales order. Header checks and token
  // lookup run as usual; the per-minute limit is lifted, or the load would only measure 429s.
  const dk = `${sim}/digikey`
  const cid = 'digikey-sandbox-client'
  const granted = await post<{ code: string; redirect_uri: string }>(
    `${dk}/_sandbox/oauth/authorize`,
    {},
  )
  const tokenRes = await fetch(`${dk}/v1/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: granted.code,
      redirect_uri: granted.redirect_uri,
      client_id: cid,
      client_secret: 'digikey-sandbox-secret',
    }),
  })
  const dkTokens = (await tokenRes.json()) as { access_token: string }
  const dkAuth = { authorization: `Bearer ${dkTokens.access_token}`, 'X-DIGIKEY-Client-Id': cid }
  const placed = await post<{ SalesOrderId: number }>(
    `${dk}/Ordering/v3/Orders`,
    {
      PurchaseOrderNumber: 'PO-BENCH',
      Currency: 'USD',
      ShipMethod: 'USPS ground advantage',
      ShippingContact: {
        Name: 'Ben Hest',
        Address: {
          Company: 'Acme Electronics',
          AddressLineOne: '701 Brooks Ave S',
          City: 'Thief River Falls',
          Province: 'MN',
          PostalCode: '56701',
          Country: 'US',
        },
      },
      LineItems: [{ DigiKeyPartNumber: '311-10.0KHRCT-ND', RequestedQuantity: 1000 }],
    },
    dkAuth,
  )
  await post(`${dk}/_sandbox/sales-orders/${placed.SalesOrderId}/status`, { status: 'Shipped' })
  await fetch(`${dk}/_sandbox/rate-limits`, {
    method: 'PATCH',
    headers: json,
    body: '{"enabled":false}',
  })
  const dkPath = `/orderstatus/v4/salesorder/${placed.SalesOrderId}`
  const salesOrder = await get<{ SalesOrderId: number }>(`${dk}${dkPath}`, dkAuth)
  rows.push({
    name: 'DigiKey GET salesorder/{id}',
    sim: { url: `${dk}${dkPath}`, headers: dkAuth },
    bare: { path: dkPath, headers: dkAuth },
    target: null,
  })

  return {
    rows,
    pages: {
      shipheroProducts: shPage.data.products,
      digitItems: digitPage.data.items,
      stitchexSkus: skus,
      digikeySalesOrder: salesOrder,
    },
  }
}
