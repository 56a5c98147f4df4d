import type { Hono } from 'hono'
import { z } from 'zod'
import { DIGIT_PERMISSIONS, permissionKey } from '../../contracts/digit/permissions.ts'
import {
  parseControlBody as parse,
  QuotaSetting,
  SimError,
  type SimEnv,
  type TokenRecord,
} from '../core/index.ts'
import { documentNumber } from './orders.ts'
import { SHIPPABLE, shippedPercentage, statusAfterShipping } from './lifecycle.ts'
import {
  DEFAULT_SETTINGS,
  registerToken,
  type AccountKey,
  type DigitCredentials,
  type DigitState,
} from './store.ts'
import type { OrderRow } from './rows.ts'

type Env = SimEnv<DigitState, DigitCredentials>

const NewToken = z.strictObject({
  permissions: z.array(z.string().max(100)).max(100),
  account: z.enum(['primary', 'sandbox']).default('primary'),
  name: z.string().trim().min(1).max(100).optional(),
})
const Fulfil = z.strictObject({
  items: z
    .array(
      z.strictObject({
        id: z.string().max(100),
        quantity: z.number().positive().max(1e9),
      }),
    )
    .max(500)
    .optional(),
})
const Settings = z.strictObject({
  rateLimit: QuotaSetting.optional(),
  maxDepth: z.number().int().min(1).max(100).optional(),
  maxCost: z.number().int().positive().max(1e9).optional(),
  reset: z.boolean().optional(),
})

/**
 * Digit control routes under `/_sandbox/`: API tokens as Settings > API Tokens makes them
 * (shown once, revocable, bound to the primary or SANDBOX account), shipping an order's lines,
 * and the rate and query limits.
 */
export const DIGIT_SANDBOX_ROUTES = [
  'POST   /_sandbox/tokens                 {"permissions": ["READ_ITEM" | "read:item", ...], "account"?: "primary"|"sandbox", "name"?} → 201 {id, token, organizationId, account, name, permissions}',
  'GET    /_sandbox/tokens                 every API token of the tenant, without its text',
  'DELETE /_sandbox/tokens/:id             revoke a token (204)',
  'POST   /_sandbox/orders/:id/fulfil      ship lines as the Digit app would: {"items"?: [{"id": <order item id>, "quantity"}]} (none: everything left)',
  'GET    /_sandbox/settings               rate limit (null: off), maxDepth, maxCost',
  'PATCH  /_sandbox/settings               {"rateLimit"?: {"limit", "windowSeconds"} | null, "maxDepth"?, "maxCost"?, "reset"?}',
]

type Live = TokenRecord & { state: string }
const tokenView = (r: Live, organizationId: string) => ({
  id: String(r.meta.id),
  name: String(r.meta.name),
  organizationId,
  account: r.environment as AccountKey,
  permissions: [...r.scopes],
  createdAt: new Date(r.issuedAt).toISOString(),
  revoked: r.state === 'revoked',
  /** The first characters only: the text is shown once, at creation. */
  preview: `${r.token.slice(0, 7)}…`,
})

const orderView = (row: OrderRow) => ({
  id: row.id,
  documentNumber: documentNumber(row),
  orderStatus: row.status,
  shippedPercentage: shippedPercentage(row),
  items: row.lines.map((l) => ({
    id: l.id,
    itemId: l.itemId,
    quantity: l.quantity,
    fulfilledQuantity: l.fulfilled,
  })),
})

export function registerDigitSandbox(app: Hono<Env>) {
  app.post('/_sandbox/tokens', async (c) => {
    const tenant = c.get('tenant')
    const input = await parse(c, NewToken)
    const keys: string[] = []
    for (const given of input.permissions) {
      const key = permissionKey(given)
      if (!key)
        throw new SimError(
          400,
          'validation_error',
          `Unknown permission "${given}"; known: ${DIGIT_PERMISSIONS.map((p) => p.key).join(', ')}`,
        )
      if (!keys.includes(key)) keys.push(key)
    }
    const account = tenant.state.accounts[input.account]
    const token = `da_${tenant.ids.autoId()}${tenant.ids.autoId()}`
    const id = tenant.ids.uuidv7(tenant.clock.now())
    const name = input.name ?? `token ${tenant.auth.list((r) => r.kind === 'static').length + 1}`
    registerToken(tenant, account, token, { id, name, permissions: keys })
    return c.json(
      {
        id,
        token,
        organizationId: account.organizationId,
        account: account.key,
        name,
        permissions: keys,
      },
      201,
    )
  })
  app.get('/_sandbox/tokens', (c) => {
    const { auth, state } = c.get('tenant')
    return c.json({
      tokens: auth
        .list((r) => r.kind === 'static')
        .map((r) => tokenView(r, state.accounts[r.environment as AccountKey].organizationId)),
    })
  })
  app.delete('/_sandbox/tokens/:id', (c) => {
    const { auth } = c.get('tenant')
    const record = auth.list((r) => r.kind === 'static' && r.meta.id === c.req.param('id'))[0]
    if (!record) throw new SimError(404, 'not_found', `No API token ${c.req.param('id')}`)
    auth.revoke(record.token)
    return c.body(null, 204)
  })

  app.post('/_sandbox/orders/:id/fulfil', async (c) => {
    const state = c.get('tenant').state
    const input = await parse(c, Fulfil)
    const order = state.orders.get(c.req.param('id'))
    if (!order) throw new SimError(404, 'not_found', `No order ${c.req.param('id')}`)
    if (!SHIPPABLE.includes(order.status))
      throw new SimError(
        409,
        'not_shippable',
        `Order ${documentNumber(order)} is ${order.status}; only ${SHIPPABLE.join(' or ')} orders ship`,
      )
    const shipped = new Map(order.lines.map((l) => [l.id, l.fulfilled]))
    const asked =
      input.items ?? order.lines.map((l) => ({ id: l.id, quantity: l.quantity - l.fulfilled }))
    for (const [i, a] of asked.entries()) {
      const line = order.lines.find((l) => l.id === a.id)
      if (!line)
        throw new SimError(
          400,
          'validation_error',
          `items[${i}].id: order ${documentNumber(order)} has no line ${a.id}`,
        )
      const after = shipped.get(line.id)! + a.quantity
      if (after > line.quantity)
        throw new SimError(
          400,
          'validation_error',
          `items[${i}].quantity: only ${line.quantity - shipped.get(line.id)!} left to ship on line ${line.id}`,
        )
      shipped.set(line.id, after)
    }
    const updated = await state.orders.update(order.id, (d) => {
      d.lines = d.lines.map((l) => ({ ...l, fulfilled: shipped.get(l.id)! }))
      d.status = statusAfterShipping(d.lines)
      d.updatedAt = c.get('tenant').clock.now()
    })
    return c.json({ order: orderView(updated) })
  })

  app.get('/_sandbox/settings', (c) => c.json(c.get('tenant').state.settings))
  app.patch('/_sandbox/settings', async (c) => {
    const state = c.get('tenant').state
    const input = await parse(c, Settings)
    const { reset, ...rest } = input
    state.settings = { ...(reset ? DEFAULT_SETTINGS : state.settings), ...rest }
    return c.json(state.settings)
  })
}
