import type { Hono } from 'hono'
import { readJsonBody, requestHeader, send, SimError } from '../core/index.ts'
import { guard } from './auth.ts'
import { orderManagementRoutes } from './order-management.ts'
import { orderStatusRoutes } from './order-status.ts'
import { placeOrder, validateOrder } from './orders.ts'
import { packingListRoutes } from './packing-list.ts'
import type { Env } from './params.ts'

/**
 * The DigiKey API routes: Ordering v3 here, Order Status v4, Packing List v1 and
 * Order Management v1 as sub-apps (OAuth is served by the core from `auth.oauth`).
 * Every response carries `X-DIGIKEY-REQUEST-ID` and, once the client id is known,
 * `X-RateLimit-Limit` / `X-RateLimit-Remaining`.
 * @see https://developer.digikey.com/products/ordering
 */
export function registerDigiKeyRoutes(app: Hono<Env>) {
  /** Ordering v3: queue an order (3-legged only, an account with a credit line). */
  app.post('/Ordering/v3/Orders', async (c) => {
    const caller = guard(c, 'ordering')
    const tenant = c.get('tenant')
    if (!caller.account.creditLine)
      throw new SimError(403, '403', 'Forbidden', {
        extra: {
          errorDetails: `Account ${caller.account.id} does not have an approved DigiKey credit line; orders from accounts without credit are rejected.`,
        },
      })
    const type = requestHeader(c, 'content-type') ?? ''
    if (!type.includes('application/json'))
      throw new SimError(415, '415', 'Unsupported Media Type', {
        extra: { errorDetails: 'Send the OrderRequest as application/json.' },
      })
    const body = await readJsonBody(
      c,
      (reason) =>
        new SimError(400, '400', 'The request is invalid.', {
          details: [{ field: '', message: reason }],
          extra: { errorDetails: reason },
        }),
    )
    const input = validateOrder(tenant.state, body.value, caller.locale.site)
    const response = await tenant.state.lock.run(() =>
      placeOrder(tenant, input, caller.account, caller.environment),
    )
    return send(c, response, 201)
  })

  app.route('/', orderStatusRoutes())
  app.route('/', packingListRoutes())
  app.route('/', orderManagementRoutes())
}
