import type { Hono } from 'hono'
import { registerOAuthRoutes, readBody, send, SimError, type OAuthServerConfig, type SimContext, type SimEnv } from '../core/index.ts'
import { environmentOf, guard, rateHeaders } from './auth.ts'
import { requestIdOf } from './errors.ts'
import { registerOrderManagementRoutes } from './order-management.ts'
import { registerOrderStatusRoutes } from './order-status.ts'
import { placeOrder, validateOrder } from './orders.ts'
import { registerPackingListRoutes } from './packing-list.ts'
import type { DigiKeyCredentials, DigiKeyState } from './store.ts'

type Env = SimEnv<DigiKeyState, DigiKeyCredentials>
export type Ctx = SimContext<DigiKeyState, DigiKeyCredentials>

/** DigiKey's authorization server: `/v1/oauth2/authorize` and `/v1/oauth2/token` on both hosts. */
export const DIGIKEY_OAUTH: OAuthServerConfig<DigiKeyState, DigiKeyCredentials> = {
  authorizePath: '/v1/oauth2/authorize',
  tokenPath: '/v1/oauth2/token',
  serviceName: 'DigiKey',
  registry: (t) => t.state.oauth,
  environmentOf,
  user: (t) => ({ subject: t.state.user.subject, displayName: `${t.state.user.FirstName} ${t.state.user.LastName} (${t.state.user.CompanyName}, customer ${t.state.customerId})`, meta: { customerId: t.state.customerId } }),
  grants: ['client_credentials', 'authorization_code', 'refresh_token'],
  tokenLength: 28,
}

/** A path id that must be a whole number (ASP.NET model binding's message when it is not). */
export function intParam(c: Ctx, name: string): number {
  const raw = c.req.param(name) ?? ''
  const n = Number(raw)
  if (!/^\d{1,10}$/.test(raw) || !Number.isSafeInteger(n)) throw new SimError(400, '400', 'One or more validation errors occurred', { details: [{ field: name, message: `The value '${raw}' is not valid.` }] })
  return n
}

/**
 * The DigiKey API routes: OAuth, Ordering v3, Order Status v4, Packing List v1,
 * Order Management v1. Every response carries `X-DIGIKEY-REQUEST-ID` and, once
 * the client id is known, `X-RateLimit-Limit` / `X-RateLimit-Remaining`.
 * @see https://developer.digikey.com/products/ordering
 */
export function registerDigiKeyRoutes(app: Hono<Env>) {
  app.use('*', async (c, next) => {
    const id = requestIdOf(c)
    await next()
    const headers = c.res.headers
    if (!headers.has('X-DIGIKEY-REQUEST-ID')) headers.set('X-DIGIKEY-REQUEST-ID', id)
    const limits = rateHeaders.get(c.req.raw)
    if (limits) for (const [k, v] of Object.entries(limits)) if (!headers.has(k)) headers.set(k, v)
  })

  registerOAuthRoutes(app, DIGIKEY_OAUTH)

  /** Ordering v3: queue an order (3-legged only, an account with a credit line). */
  app.post('/Ordering/v3/Orders', async (c) => {
    const caller = guard(c, 'ordering')
    const tenant = c.get('tenant')
    if (!caller.account.creditLine) throw new SimError(403, '403', 'Forbidden', { extra: { errorDetails: `Account ${caller.account.id} does not have an approved DigiKey credit line; orders from accounts without credit are rejected.` } })
    const type = c.req.header('content-type') ?? ''
    if (!type.includes('application/json')) throw new SimError(415, '415', 'Unsupported Media Type', { extra: { errorDetails: 'Send the OrderRequest as application/json.' } })
    const body = await readBody(c).catch(() => {
      throw new SimError(400, '400', 'The request is invalid.', { details: [{ field: '', message: 'The request body is not valid JSON.' }], extra: { errorDetails: 'The request body is not valid JSON.' } })
    })
    const input = validateOrder(tenant.state, body.value, caller.locale.site)
    const response = await tenant.state.lock.run(() => placeOrder(tenant, input, caller.account, caller.environment))
    return send(c, response, 201)
  })

  registerOrderStatusRoutes(app)
  registerPackingListRoutes(app)
  registerOrderManagementRoutes(app)
}
