/**
 * The baseline: a bare Hono app answering the same JSON as the Digipix
 * simulator, with no tenants, auth, journal or state machine. A POST validates
 * with zod and stores in a Map — the least a real handler must do.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { z } from 'zod'
import { CATALOG } from '../fixtures/digipix/catalog.ts'

const app = new Hono()
const products = new Map(CATALOG.map((p) => [p.id, p]))
const orders = new Map<string, unknown>()
const Body = z.object({
  recipient: z.object({ name: z.string(), address: z.object({ street: z.string(), number: z.string(), neighborhood: z.string(), city: z.string(), state: z.string(), zipCode: z.string() }) }),
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
app.get('/', (c) => c.json({ ok: true }))

serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`listening on http://127.0.0.1:${info.port}`))
