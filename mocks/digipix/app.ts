import type { Hono } from 'hono'
import {
  CreateOrderRequest,
  PatchOrderRequest,
  QuoteRequest,
} from '../../contracts/digipix/schemas.ts'
import { readBody, send, SimError, validate, type SimContext, type SimEnv } from '../core/index.ts'
import { environmentOf, requireScope } from './auth.ts'
import { createOrder, findOrder, orderView, patchOrder } from './orders.ts'
import { quoteShipping } from './quotes.ts'
import type { DigipixCredentials, DigipixState } from './store.ts'

type Env = SimEnv<DigipixState, DigipixCredentials>

const jsonObject = async (c: SimContext<DigipixState, DigipixCredentials>) => {
  const body = await readBody(c)
  if (body.kind === 'empty')
    throw new SimError(400, 'validation_error', 'The request body is empty; send a JSON object')
  return body.value
}

/** The Digipix API routes. @see https://api.digipix.io/docs */
export function registerDigipixRoutes(app: Hono<Env>) {
  app.get('/v1/products', (c) => {
    requireScope(c, 'products')
    return send(c, c.get('tenant').state.products.all())
  })

  app.get('/v1/products/:productId', (c) => {
    requireScope(c, 'products')
    const product = c.get('tenant').state.products.get(c.req.param('productId'))
    if (!product)
      throw new SimError(
        404,
        'product_not_found',
        `Product "${c.req.param('productId')}" was not found`,
      )
    return send(c, product)
  })

  app.post('/v1/quote', async (c) => {
    requireScope(c, 'quote')
    const input = validate(QuoteRequest, await jsonObject(c))
    return send(c, await quoteShipping(c.get('tenant'), input))
  })

  app.post('/v1/orders', async (c) => {
    requireScope(c, 'orders')
    const input = validate(CreateOrderRequest, await jsonObject(c))
    const tenant = c.get('tenant')
    const order = await createOrder(tenant, input, environmentOf(c))
    return send(c, orderView(tenant, order), 201)
  })

  app.get('/v1/orders/:orderId', (c) => {
    requireScope(c, 'orders')
    const tenant = c.get('tenant')
    return send(c, orderView(tenant, findOrder(tenant, c.req.param('orderId'), environmentOf(c))))
  })

  app.patch('/v1/orders/:orderId', async (c) => {
    requireScope(c, 'orders')
    const input = validate(PatchOrderRequest, await jsonObject(c))
    const tenant = c.get('tenant')
    const order = await patchOrder(tenant, c.req.param('orderId'), input, environmentOf(c))
    return send(c, orderView(tenant, order))
  })
}
