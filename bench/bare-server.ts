/**
 * The baseline: a bare Hono app answering the same JSON as the Digipix
 * simulator, with no tenants, auth, journal or state machine. A POST validates
 * with zod and stores in a Map — the least a real handler must do.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { z } from 'zod'
import { readFileSync } from 'node:fs'
import { buildSchema, execute, parse, validate, type DocumentNode } from 'graphql'
import { CATALOG } from '../fixtures/digipix/catalog.ts'

const app = new Hono()
const products = new Map(CATALOG.map((p) => [p.id, p]))
const orders = new Map<string, unknown>()
const Body = z.object({
  recipient: z.object({
    name: z.string(),
    address: z.object({
      street: z.string(),
      number: z.string(),
      neighborhood: z.string(),
      city: z.string(),
      state: z.string(),
      zipCode: z.string(),
    }),
  }),
  items: z.array(z.object({ productId: z.string(), quantity: z.number() })),
  shipmentMethodId: z.number().optional(),
})
let n = 0
app.get('/v1/products/:id', (c) => {
  const p = products.get(c.req.param('id'))
  return p ? c.json(p) : c.json({ error: 'not_found' }, 404)
})
app.post('/v1/orders', async (c) => {
  const body = Body.parse(await c.req.json())
  const id = `order${++n}`
  const order = { id, status: 'APPROVED', ...body }
  orders.set(id, order)
  return c.json(order, 201)
})

// GraphQL baselines on the ShipHero schema: a static page of 20 products in ShipHero's envelope,
// once with a document cache (what a careful bare endpoint does) and once parsing and validating every time.
const schema = buildSchema(
  readFileSync(new URL('../contracts/shiphero/schema.graphql', import.meta.url), 'utf8'),
)
const edges = Array.from({ length: 20 }, (_, i) => ({
  cursor: Buffer.from(`arrayconnection:${i}`).toString('base64'),
  node: {
    id: Buffer.from(`Product:${1234 + i}`).toString('base64'),
    sku: `SKU-${i}`,
    name: `Product ${i}`,
    warehouse_products: [
      {
        id: Buffer.from(`WarehouseProduct:${9001 + i}`).toString('base64'),
        warehouse_id: 'V2FyZWhvdXNlOjExNA==',
        on_hand: i,
      },
    ],
  },
}))
const rootValue = {
  products: () => ({
    request_id: '5da7dc13f3079f0def208711',
    complexity: 21,
    data: () => ({
      edges,
      pageInfo: {
        hasNextPage: true,
        hasPreviousPage: false,
        startCursor: edges[0]!.cursor,
        endCursor: edges[19]!.cursor,
      },
    }),
  }),
}
const documents = new Map<string, DocumentNode>()
const graphqlRoute = (cached: boolean) => async (c: import('hono').Context) => {
  const { query, variables } = await c.req.json()
  let document = cached ? documents.get(query) : undefined
  if (!document) {
    document = parse(query)
    const errors = validate(schema, document)
    if (errors.length) return c.json({ errors }, 400)
    if (cached) documents.set(query, document)
  }
  return c.json(await execute({ schema, document, rootValue, variableValues: variables }))
}
app.post('/graphql', graphqlRoute(true))
app.post('/graphql-naive', graphqlRoute(false))

// Digit baseline: a static page of 20 items on the Digit schema, with a document cache.
const digitSchema = buildSchema(
  readFileSync(new URL('../contracts/digit/schema.graphql', import.meta.url), 'utf8'),
)
const pairs = { id: '01917ac4-8836-7141-9a22-008e3c1d65bd', name: 'pairs', symbol: 'pr' }
const items = Array.from({ length: 20 }, (_, i) => ({
  id: `01917ac4-8836-7141-9a22-${String(i).padStart(12, '0')}`,
  name: `Item ${i}`,
  sku: `item-${i}`,
  defaultStockUom: pairs,
  defaultSalesPrice: { costAmount: 10 + i, currency: { code: 'USD', symbol: '$' } },
}))
const digitRoot = {
  items: () => ({
    nodes: items,
    totalCount: 26,
    pageInfo: {
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: 'ZGlnaXQ6MA==',
      endCursor: 'ZGlnaXQ6MTk=',
    },
  }),
}
const digitDocuments = new Map<string, DocumentNode>()
app.post('/digit-graphql', async (c) => {
  const { query, variables } = await c.req.json()
  let document = digitDocuments.get(query)
  if (!document) {
    document = parse(query)
    const errors = validate(digitSchema, document)
    if (errors.length) return c.json({ errors }, 400)
    digitDocuments.set(query, document)
  }
  return c.json(
    await execute({
      schema: digitSchema,
      document,
      rootValue: digitRoot,
      variableValues: variables,
    }),
  )
})
// DigiKey baseline: one sales order of the same shape, looked up in a Map (no headers checked, no limits).
const salesOrders = new Map<string, unknown>([
  [
    '88152456',
    {
      CustomerId: 10465112,
      Contact: { FirstName: 'Ben', LastName: 'Hest', Email: null },
      SalesOrderId: 88152456,
      Status: {
        SalesOrderStatus: 'Shipped',
        ShortDescription: 'Shipped',
        LongDescription:
          'All products in this order have been shipped. Invoice and tracking information is available.',
      },
      PurchaseOrder: 'PO-BENCH',
      TotalPrice: 6.34,
      DateEntered: '2026-01-05T03:00:00.000-06:00',
      OrderNumber: 9910000347672270,
      ShipMethod: 'USPS ground advantage',
      Currency: 'USD',
      ShippingAddress: {
        FirstName: 'Ben',
        LastName: 'Hest',
        CompanyName: 'Acme Electronics',
        AddressLine1: '701 Brooks Ave S',
        AddressLine2: null,
        AddressLine3: null,
        City: 'Thief River Falls',
        State: 'MN',
        County: null,
        ZipCode: '56701',
        IsoCode: 'US',
        Phone: '2185551234',
        InvoiceId: 61203001,
      },
      LineItems: [
        {
          SalesOrderId: 88152456,
          DetailId: 1,
          TotalPrice: 6.34,
          PurchaseOrder: 'PO-BENCH',
          CustomerReference: null,
          CountryOfOrigin: 'TW',
          DigiKeyProductNumber: '311-10.0KHRCT-ND',
          ManufacturerProductNumber: 'RC0603FR-0710KL',
          Description: 'RES 10K OHM 1% 1/10W 0603',
          PackType: 'CutTape',
          QuantityInitialRequested: 1000,
          QuantityOrdered: 1000,
          QuantityShipped: 1000,
          QuantityReserved: 0,
          QuantityBackOrder: 0,
          UnitPrice: 0.00634,
          PoLineItemNumber: null,
          ItemShipments: [
            {
              QuantityShipped: 1000,
              InvoiceId: 61203001,
              ShippedDate: '2026-01-05T11:05:00Z',
              TrackingNumber: '9400537353837896881704',
              ExpectedDeliveryDate: '2026-01-09T15:05:00Z',
            },
          ],
          Schedules: [],
        },
      ],
    },
  ],
])
app.get('/orderstatus/v4/salesorder/:id', (c) => {
  const so = salesOrders.get(c.req.param('id'))
  return so ? c.json(so) : c.json({ detail: 'Could not find SalesOrderId' }, 404)
})
// Stitchex baseline: 108 SKUs in an array, paged 100 at a time with the same `meta` (no token, no organisation).
const skus = Array.from({ length: 108 }, (_, i) => ({
  id: 500001 + i,
  product_id: 100001 + Math.floor(i / 18),
  variation_id: 200001 + Math.floor(i / 6),
  color: ['Black', 'Navy', 'Sand'][Math.floor(i / 6) % 3],
  size: ['XS', 'S', 'M', 'L', 'XL', 'XXL'][i % 6],
  ean: `0735000050${String(i).padStart(3, '0')}`,
  in_stock: i % 60,
  available_to_sell: i % 60,
  available_to_sell_from_stock: i % 60,
  created_at: '2025-10-07T09:00:00.000Z',
  updated_at: '2025-10-07T09:00:00.000Z',
}))
app.get('/skus', (c) => {
  const page = Number(c.req.query('page') ?? 1)
  const pages = Math.ceil(skus.length / 100)
  return c.json({
    skus: skus.slice((page - 1) * 100, page * 100),
    meta: {
      current_page: page,
      next_page: page < pages ? page + 1 : null,
      prev_page: page > 1 ? page - 1 : null,
      total_pages: pages,
      total_count: skus.length,
    },
  })
})
app.get('/', (c) => c.json({ ok: true }))

serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  console.log(`listening on http://127.0.0.1:${info.port}`),
)
