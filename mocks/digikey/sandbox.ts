import type { Hono } from 'hono'
import { z } from 'zod'
import { parseControlBody, registerOAuthSandbox, SimError, type SimEnv } from '../core/index.ts'
import { DIGIKEY_OAUTH } from './auth.ts'
import { forceForward, HOLDS, plan, update } from './lifecycle.ts'
import { API_PRODUCTS, type DigiKeyCredentials, type DigiKeyState } from './store.ts'
import { salesOrderView } from './views.ts'

type Env = SimEnv<DigiKeyState, DigiKeyCredentials>

const Limit = z.strictObject({
  perMinute: z.number().int().min(1).max(100_000),
  perDay: z.number().int().min(1).max(10_000_000).nullable().optional(),
})

const Settings = z.strictObject({
  asyncOrders: z.boolean().optional(),
  asyncDelaySeconds: z.number().int().min(1).max(86_400).optional(),
  canned: z.boolean().optional(),
  swapEnvelopeOn401: z.boolean().optional(),
  subscriptions: z.array(z.enum(API_PRODUCTS)).optional(),
  delays: z
    .strictObject({
      processingSeconds: z.number().int().min(0).optional(),
      shipSeconds: z.number().int().min(0).optional(),
      marketplaceShipSeconds: z.number().int().min(0).optional(),
    })
    .optional(),
  scheduleApplySeconds: z.number().int().min(0).max(3600).optional(),
})

const RateLimits = z.strictObject({
  enabled: z.boolean().optional(),
  ordering: Limit.optional(),
  orderstatus: Limit.optional(),
  packinglist: Limit.optional(),
  ordermanagement: Limit.optional(),
})

const STATUS_TARGETS = [
  'Processing',
  'Shipped',
  'Delivered',
  'Canceled',
  'GenericDelay',
  'ActionRequiredWireTransfer',
  'Proforma',
  'Release',
] as const

const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>

/**
 * DigiKey control routes (besides the core ones and `/_sandbox/oauth*`):
 * - `GET|PATCH /_sandbox/settings` — async orders (SalesOrderId -1), canned sandbox data, the other envelope on 401,
 *   API subscriptions, lifecycle delays, the schedule-change delay;
 * - `GET|PATCH /_sandbox/rate-limits` — per-product `{ perMinute, perDay }`, `enabled`; counters are kept;
 * - `GET /_sandbox/accounts`, `PATCH /_sandbox/accounts/:id` `{ creditLine }`;
 * - `GET /_sandbox/parts`, `PATCH /_sandbox/parts/:id` `{ QuantityAvailable }`;
 * - `POST /_sandbox/sales-orders/:id/status` `{ status }` — Processing / Shipped / Delivered now (delays skipped),
 *   Canceled, a hold (GenericDelay, ActionRequiredWireTransfer, Proforma) or Release (end a hold).
 */
export function registerDigiKeySandbox(app: Hono<Env>) {
  registerOAuthSandbox(app, DIGIKEY_OAUTH)

  app.get('/_sandbox/settings', (c) => c.json(c.get('tenant').state.settings))
  app.patch('/_sandbox/settings', async (c) => {
    const input = await parseControlBody(c, Settings)
    const s = c.get('tenant').state.settings
    const { delays, ...rest } = input
    Object.assign(s, defined(rest))
    if (delays) Object.assign(s.delays, defined(delays))
    return c.json(s)
  })

  app.get('/_sandbox/rate-limits', (c) => c.json(c.get('tenant').state.settings.rateLimits))
  app.patch('/_sandbox/rate-limits', async (c) => {
    const input = await parseControlBody(c, RateLimits)
    const limits = c.get('tenant').state.settings.rateLimits
    if (input.enabled !== undefined) limits.enabled = input.enabled
    for (const p of API_PRODUCTS) {
      const l = input[p]
      if (l)
        limits[p] = {
          perMinute: l.perMinute,
          perDay: l.perDay === undefined ? limits[p].perDay : l.perDay,
        }
    }
    return c.json(limits)
  })

  app.get('/_sandbox/accounts', (c) =>
    c.json({
      customerId: c.get('tenant').state.customerId,
      accounts: c.get('tenant').state.accounts,
    }),
  )
  app.patch('/_sandbox/accounts/:id', async (c) => {
    const input = await parseControlBody(c, z.strictObject({ creditLine: z.boolean() }))
    const account = c.get('tenant').state.accounts.find((a) => String(a.id) === c.req.param('id'))
    if (!account) throw new SimError(404, 'not_found', `No account ${c.req.param('id')}`)
    account.creditLine = input.creditLine
    return c.json(account)
  })

  app.get('/_sandbox/parts', (c) => c.json({ parts: c.get('tenant').state.parts.all() }))
  app.patch('/_sandbox/parts/:id', async (c) => {
    const input = await parseControlBody(
      c,
      z.strictObject({ QuantityAvailable: z.number().int().min(0) }),
    )
    const { parts } = c.get('tenant').state
    if (!parts.get(c.req.param('id')))
      throw new SimError(404, 'not_found', `No part ${c.req.param('id')}`)
    return c.json(
      await parts.update(
        c.req.param('id'),
        (p) => void (p.QuantityAvailable = input.QuantityAvailable),
      ),
    )
  })

  app.post('/_sandbox/sales-orders/:id/status', async (c) => {
    const input = await parseControlBody(c, z.strictObject({ status: z.enum(STATUS_TARGETS) }))
    const tenant = c.get('tenant')
    const id = Number(c.req.param('id'))
    const order = await tenant.state.lock.run(async () => {
      const o = tenant.state.salesOrders.get(id)
      if (!o) throw new SimError(404, 'not_found', `No sales order ${c.req.param('id')}`)
      const now = tenant.clock.now()
      const held = HOLDS.includes(o.status)
      switch (input.status) {
        case 'Release': {
          if (!held)
            throw new SimError(409, 'not_held', `Sales order ${id} is ${o.status}, not on hold`)
          // The status is recomputed from the order's progress.
          const next = await update(tenant, o, now, () => undefined)
          plan(tenant, next)
          return next
        }
        case 'Canceled': {
          if (o.shipments.length > 0 || ['Shipped', 'Delivered', 'Canceled'].includes(o.status))
            throw new SimError(
              409,
              'not_cancelable',
              `Sales order ${id} is ${o.status}${o.shipments.length ? ' and has shipments' : ''}; only orders not shipped yet can be canceled`,
            )
          for (const l of o.lines)
            if (l.reserved > 0)
              await tenant.state.parts.update(
                l.partId,
                (p) => void (p.QuantityAvailable += l.reserved),
              )
          const next = await update(
            tenant,
            o,
            now,
            (d) => {
              for (const l of d.lines)
                Object.assign(l, { reserved: 0, backorder: 0, backorderAt: null })
            },
            'Canceled',
          )
          plan(tenant, next)
          return next
        }
        case 'GenericDelay':
        case 'ActionRequiredWireTransfer':
        case 'Proforma': {
          if (['Shipped', 'Delivered', 'Canceled'].includes(o.status))
            throw new SimError(409, 'final_status', `Sales order ${id} is ${o.status}`)
          const next = await update(tenant, o, now, () => undefined, input.status)
          plan(tenant, next)
          return next
        }
        default: {
          if (held)
            throw new SimError(
              409,
              'held',
              `Sales order ${id} is on hold (${o.status}); release it first`,
            )
          if (o.status === 'Canceled' || (o.status === 'Delivered' && input.status !== 'Delivered'))
            throw new SimError(409, 'final_status', `Sales order ${id} is ${o.status}`)
          return forceForward(tenant, o, input.status, now)
        }
      }
    })
    return c.json(salesOrderView(order))
  })
}
