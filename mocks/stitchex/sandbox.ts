import type { Hono } from 'hono'
import { z } from 'zod'
import {
  parseControlBody as parse,
  QuotaSetting,
  registerSubscriptionRoutes,
  SimError,
  type SimEnv,
} from '../core/index.ts'
import { WEBHOOK_EVENTS } from '../../contracts/stitchex/requests.ts'
import { createPickTicket } from './pick-tickets.ts'
import { createReceivingTicket } from './stock.ts'
import type { StitchexCredentials, StitchexState } from './store.ts'
import { pickTicketView, receivingTicketView } from './views.ts'

type Env = SimEnv<StitchexState, StitchexCredentials>

const Quantities = z
  .array(
    z.strictObject({
      sku_id: z.number().int().positive(),
      quantity: z.number().int().min(1).max(100_000),
    }),
  )
  .min(1)
  .max(1000)
const NewPickTicket = z.strictObject({
  sales_order_id: z.number().int().positive(),
  line_quantities: Quantities.optional(),
})
const NewReceivingTicket = z.strictObject({
  organisationId: z.number().int().positive().optional(),
  line_quantities: Quantities,
})
const Settings = z.strictObject({
  legacyTokens: z.boolean().optional(),
  rateLimit: QuotaSetting.optional(),
})

/**
 * Stitchex control routes under `/_sandbox/`: what real Stitchex does in its UI — pick tickets from
 * confirmed orders, receiving tickets (production deliveries), webhook subscriptions — and the
 * tenant's token and rate-limit switches.
 */
export const STITCHEX_SANDBOX_ROUTES = [
  'POST   /_sandbox/pick_tickets           {"sales_order_id", "line_quantities"?: [{"sku_id", "quantity"}]} → 201 {pick_ticket}',
  'POST   /_sandbox/receiving_tickets      {"organisationId"?, "line_quantities": [{"sku_id", "quantity"}]} → 201 {receiving_ticket}',
  'POST   /_sandbox/subscriptions          {"url", "events"?, "organisationId"?} → 201 (no organisation: every organisation)',
  'GET    /_sandbox/subscriptions          the subscriptions',
  'DELETE /_sandbox/subscriptions/:id      remove one',
  'GET    /_sandbox/settings               {legacyTokens, rateLimit}',
  'PATCH  /_sandbox/settings               {"legacyTokens"?: true (the seed\'s year-long tokens, no refresh), "rateLimit"?: {"limit", "windowSeconds"} | null}',
]

export function registerStitchexSandbox(app: Hono<Env>) {
  app.post('/_sandbox/pick_tickets', async (c) => {
    const tenant = c.get('tenant')
    const input = await parse(c, NewPickTicket)
    const row = await tenant.state.lock.run(() =>
      createPickTicket(tenant, input.sales_order_id, input.line_quantities),
    )
    return c.json({ pick_ticket: pickTicketView(tenant.state, row) }, 201)
  })
  app.post('/_sandbox/receiving_tickets', async (c) => {
    const tenant = c.get('tenant')
    const input = await parse(c, NewReceivingTicket)
    const org = input.organisationId ?? tenant.state.organisations.keys().next().value!
    if (!tenant.state.organisations.has(org))
      throw new SimError(404, 'not_found', `No organisation ${org} in this tenant`)
    const row = await tenant.state.lock.run(() =>
      createReceivingTicket(tenant, org, input.line_quantities),
    )
    return c.json({ receiving_ticket: receivingTicketView(tenant.state, row) }, 201)
  })
  registerSubscriptionRoutes(app, {
    events: WEBHOOK_EVENTS,
    scopeFields: { organisationId: z.number().int().positive().optional() },
    scope: (f): Record<string, number> =>
      f.organisationId ? { organisation_id: f.organisationId } : {},
  })
  app.get('/_sandbox/settings', (c) => c.json(c.get('tenant').state.settings))
  app.patch('/_sandbox/settings', async (c) => {
    const state = c.get('tenant').state
    const input = await parse(c, Settings)
    state.settings = { ...state.settings, ...input }
    return c.json(state.settings)
  })
}
