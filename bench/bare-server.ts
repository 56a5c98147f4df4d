/**
 * The baseline: a bare Hono app answering the same JSON as the simulators, with no tenants,
 * auth, journal or state machine. A POST validates with zod and stores in a Map — the least a
 * real handler must do. The GraphQL, Stitchex and DigiKey answers are the pages the simulator
 * itself gave (`BENCH_PAGES`: a JSON file the bench writes), so both sides send the same bytes.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { z } from 'zod'
import { readFileSync } from 'node:fs'
import { buildSchema, execute, parse, validate, type DocumentNode } from 'graphql'
import { CATALOG } from '../fixtures/digipix/catalog.ts'
import type { BarePages } from './setup.ts'

if (!process.env.BENCH_PAGES)
  throw new Error('bench/bare-server.ts serves the pages `npm run bench` captures: set BENCH_PAGES')
const pages = JSON.parse(readFileSync(process.env.BENCH_PAGES, 'utf8')) as BarePages

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

// GraphQL baselines on the ShipHero schema: the simulator's page of 20 products, once with a
// document cache (what a careful bare endpoint does) and once parsing and validating every time.
const schema = buildSchema(
  readFileSync(new URL('../contracts/shiphero/schema.graphql', import.meta.url), 'utf8'),
)
const rootValue = { products: () => pages.shipheroProducts }
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

// Digit baseline: the simulator's page of 20 items on the Digit schema, with a document cache.
const digitSchema = buildSchema(
  readFileSync(new URL('../contracts/digit/schema.graphql', import.meta.url), 'utf8'),
)
const digitRoot = { items: () => pages.digitItems }
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
// DigiKey baseline: the simulator's sales order, looked up in a Map (no headers checked, no limits).
const salesOrders = new Map([
  [String(pages.digikeySalesOrder.SalesOrderId), pages.digikeySalesOrder],
])
app.get('/orderstatus/v4/salesorder/:id', (c) => {
  const so = salesOrders.get(c.req.param('id'))
  return so ? c.json(so) : c.json({ detail: 'Could not find SalesOrderId' }, 404)
})
// Stitchex baseline: the simulator's SKUs in an array, paged 100 at a time with the same `meta`
// (no token, no organisation).
const skus = pages.stitchexSkus
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
