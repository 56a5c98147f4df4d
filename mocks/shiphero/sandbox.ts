import type { Hono } from 'hono'
import { z } from 'zod'
import { parseControlBody as parse, SimError, type SimEnv } from '../core/index.ts'
import type { ShipHeroCtx } from './context.ts'
import { legacyIdOf } from './ids.ts'
import { DEFAULT_THROTTLE, type ShipHeroCredentials, type ShipHeroState } from './store.ts'
import { creditsOf } from './throttle.ts'

type Env = SimEnv<ShipHeroState, ShipHeroCredentials>

const Throttle = z.strictObject({
  capacity: z.number().int().positive().optional(),
  refillPerSecond: z.number().positive().optional(),
  requestCap: z.number().int().positive().optional(),
  windowSeconds: z.number().int().positive().optional(),
  reset: z.boolean().optional(),
})
const Fulfil = z.strictObject({
  warehouse_id: z.union([z.string(), z.number()]).optional(),
  carrier: z.string().optional(),
  method: z.string().optional(),
  tracking_number: z.string().optional(),
})
const TokenAction = z.strictObject({ token: z.string().min(1) })

/**
 * ShipHero control routes under `/_sandbox/`: fulfil an order as the
 * warehouse would, tune the throttle, force-expire or revoke tokens.
 */
export const SHIPHERO_SANDBOX_ROUTES = [
  'POST   /_sandbox/orders/:id/fulfill     ship every unit left (id: global or legacy): {"warehouse_id"?, "carrier"?, "method"?, "tracking_number"?}',
  "GET    /_sandbox/throttle               credit bucket and request-cap settings, and each user's credits",
  'POST   /_sandbox/throttle               {"capacity"?, "refillPerSecond"?, "requestCap"?, "windowSeconds"?, "reset"?}',
  'POST   /_sandbox/tokens/expire          {"token"}: the access token expires now',
  'POST   /_sandbox/tokens/revoke          {"token"}: the refresh (or access) token stops working',
]

export function registerShipHeroSandbox(app: Hono<Env>) {
  app.post('/_sandbox/orders/:id/fulfill', async (c) => {
    const tenant = c.get('tenant')
    const state = tenant.state
    const input = await parse(c, Fulfil)
    const id = legacyIdOf(c.req.param('id'), 'Order')
    const order = id !== undefined ? state.orders.get(id) : undefined
    if (!order) throw new SimError(404, 'not_found', `No order ${c.req.param('id')}`)
    const left = order.line_items.filter((l) => l.quantity_shipped < l.quantity)
    if (!left.length)
      throw new SimError(
        409,
        'nothing_to_ship',
        `Order ${order.order_number} has nothing left to ship`,
      )
    const account = state.accounts.get(order.account_id)!
    const user =
      state.users.find((u) => u.account_id === account.id) ??
      state.users.find((u) => u.account_id === account.parent_id)!
    const warehouseId =
      input.warehouse_id !== undefined
        ? legacyIdOf(input.warehouse_id, 'Warehouse')
        : (left.find((l) => l.warehouse_id !== null)?.warehouse_id ?? state.warehouses.all()[0]!.id)
    const warehouse = warehouseId !== undefined ? state.warehouses.get(warehouseId) : undefined
    if (!warehouse)
      throw new SimError(404, 'not_found', `No warehouse ${String(input.warehouse_id)}`)
    const ctx: ShipHeroCtx = {
      tenant,
      state,
      user,
      account,
      requestId: tenant.ids.hex(24),
      now: tenant.clock.now(),
      roots: new Map(),
      revealSecrets: new Set(),
    }
    const addr = order.shipping_address as Record<string, string | null | undefined>
    const address = {
      name: [addr.first_name, addr.last_name].filter(Boolean).join(' ') || null,
      address1: addr.address1 ?? null,
      address2: addr.address2 ?? null,
      city: addr.city ?? null,
      state: addr.state ?? null,
      country: addr.country ?? null,
      zip: addr.zip ?? null,
      phone: addr.phone ?? null,
    }
    const tracking = input.tracking_number ?? `1Z${tenant.ids.digits(16)}`
    // The shipment code comes with the resolvers (and graphql-js): loaded here, on first use.
    const { createShipment } = await import('./shipment-mutations.ts')
    const shipment = await state.lock.run(() =>
      createShipment(ctx, {
        order,
        warehouse,
        address,
        lines: left.map((l) => ({ line_item_id: l.id, quantity: l.quantity - l.quantity_shipped })),
        labels: [
          {
            carrier: input.carrier ?? 'ups',
            shipping_name: 'UPS Ground',
            shipping_method: input.method ?? 'ground',
            cost: '8.50',
            tracking_number: tracking,
            tracking_url: `https://www.ups.com/track?tracknum=${tracking}`,
            address,
            dimensions: {},
            line_item_ids: left.map((l) => l.id),
          },
        ],
      }).catch((err: unknown) => {
        if (err instanceof SimError) throw new SimError(409, 'cannot_fulfil', err.message)
        throw err
      }),
    )
    return c.json(
      {
        shipment: {
          id: shipment.id,
          order_id: order.id,
          warehouse_id: warehouse.id,
          tracking_number: tracking,
          line_items: shipment.line_items,
        },
      },
      201,
    )
  })

  app.get('/_sandbox/throttle', (c) => {
    const state = c.get('tenant').state
    const now = c.get('tenant').clock.now()
    return c.json({
      settings: state.throttle,
      users: state.users.all().map((u) => ({
        user_id: u.id,
        email: u.email,
        credits_remaining: Math.floor(creditsOf(state, u.id, now)),
        requests_in_window:
          state.requestLog.get(u.id)?.filter((t) => t > now - state.throttle.windowSeconds * 1000)
            .length ?? 0,
      })),
    })
  })
  app.post('/_sandbox/throttle', async (c) => {
    const input = await parse(c, Throttle)
    const state = c.get('tenant').state
    const { reset, ...settings } = input
    state.throttle = { ...(reset ? DEFAULT_THROTTLE : state.throttle), ...settings }
    if (reset || settings.capacity !== undefined) state.buckets.clear()
    if (reset || settings.requestCap !== undefined || settings.windowSeconds !== undefined)
      state.requestLog.clear()
    return c.json({ settings: state.throttle })
  })

  app.post('/_sandbox/tokens/expire', async (c) => {
    const { token } = await parse(c, TokenAction)
    if (!c.get('tenant').auth.expire(token))
      throw new SimError(404, 'not_found', 'No such token in this tenant')
    return c.json({ expired: true })
  })
  app.post('/_sandbox/tokens/revoke', async (c) => {
    const { token } = await parse(c, TokenAction)
    if (!c.get('tenant').auth.revoke(token))
      throw new SimError(404, 'not_found', 'No such token in this tenant')
    return c.json({ revoked: true })
  })
}
