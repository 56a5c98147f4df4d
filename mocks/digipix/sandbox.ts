import type { Hono } from 'hono'
import { z } from 'zod'
import { CreateOrderRequest, OrderStatus } from '../../contracts/digipix/schemas.ts'
import { readBody, SimError, validate, type SimEnv } from '../core/index.ts'
import { FORWARD, transition } from './lifecycle.ts'
import { createOrder, orderView } from './orders.ts'
import type { DigipixCredentials, DigipixState } from './store.ts'

type Env = SimEnv<DigipixState, DigipixCredentials>

const control = (status: number, code: string, message: string) =>
  new SimError(status, code, message)

/**
 * Digipix control routes:
 * - `POST /_sandbox/orders/:id/transition` `{ "status"? }` — step to the next status, or walk forward to `status`
 *   (every step fires its callback); `{ "status": "CANCELED" }` cancels from any non-final status;
 * - `PATCH /_sandbox/partner` `{ "collect"?, "partnerName"? }` — the partner's contract;
 * - `POST /_sandbox/scenarios/:name` — `quote-order`, `approved-order`, `shipped-order`, `delivered-order`.
 */
export function registerDigipixSandbox(app: Hono<Env>) {
  app.post('/_sandbox/orders/:id/transition', async (c) => {
    const tenant = c.get('tenant')
    const body = await readBody(c)
    const input = validate(z.strictObject({ status: OrderStatus.optional() }), body.value ?? {})
    const id = c.req.param('id')
    const order = await tenant.state.lock.run(async () => {
      let o = tenant.state.orders.get(id)
      if (!o) throw control(404, 'not_found', `No order ${id}`)
      if (o.status === 'CANCELED' || o.status === 'DELIVERED')
        throw control(409, 'final_status', `Order ${id} is ${o.status}, a final status`)
      const now = tenant.clock.now()
      if (input.status === 'CANCELED') return transition(tenant, o, 'CANCELED', now, 'sandbox')
      if (o.status === 'QUOTE')
        throw control(
          409,
          'not_approved',
          `Order ${id} is QUOTE: approve it with PATCH /v1/orders/${id} first`,
        )
      const from = FORWARD.indexOf(o.status)
      const to = input.status ? FORWARD.indexOf(input.status) : from + 1
      if (to <= from)
        throw control(
          409,
          'not_forward',
          `Order ${id} is ${o.status}; ${input.status} is not ahead of it`,
        )
      for (let i = from + 1; i <= to; i++) o = await transition(tenant, o, FORWARD[i]!, now)
      return o
    })
    await tenant.clock.settle()
    return c.json(orderView(tenant, order))
  })

  app.patch('/_sandbox/partner', async (c) => {
    const tenant = c.get('tenant')
    const body = await readBody(c)
    const input = validate(
      z.strictObject({
        collect: z.boolean().optional(),
        partnerName: z.string().min(1).max(100).optional(),
      }),
      body.value ?? {},
    )
    if (input.collect !== undefined) tenant.state.partner.collect = input.collect
    if (input.partnerName !== undefined) tenant.state.partner.name = input.partnerName
    return c.json(tenant.state.partner)
  })

  app.post('/_sandbox/scenarios/:name', async (c) => {
    const tenant = c.get('tenant')
    const name = c.req.param('name')
    const body = await readBody(c)
    const input = validate(
      z.strictObject({ statusNotificationUrl: z.url().optional() }),
      body.value ?? {},
    )
    const target = (
      {
        'quote-order': 'QUOTE',
        'approved-order': 'APPROVED',
        'shipped-order': 'SHIPPED',
        'delivered-order': 'DELIVERED',
      } as const
    )[name as 'quote-order']
    if (!target)
      throw control(
        404,
        'unknown_scenario',
        `No scenario "${name}"; try quote-order, approved-order, shipped-order, delivered-order`,
      )
    const req = await tenant.state.builders.order({
      ...(target === 'QUOTE' ? {} : { shipmentMethodId: 1 }),
      ...(input.statusNotificationUrl
        ? { statusNotificationUrl: input.statusNotificationUrl }
        : {}),
    })
    const parsed = CreateOrderRequest.parse(req)
    let order = await createOrder(tenant, parsed, 'sandbox')
    if (target !== 'QUOTE' && target !== 'APPROVED') {
      order = await tenant.state.lock.run(async () => {
        let o = order
        for (let i = 1; i <= FORWARD.indexOf(target); i++)
          o = await transition(tenant, o, FORWARD[i]!, tenant.clock.now())
        return o
      })
    }
    await tenant.clock.settle()
    return c.json({ scenario: name, order: orderView(tenant, order) }, 201)
  })
}
