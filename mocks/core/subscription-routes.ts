import type { Hono } from 'hono'
import { z } from 'zod'
import type { SimEnv } from './context.ts'
import { SimError } from './errors.ts'
import { parseControlBody } from './http.ts'
import type { Scope } from './subscriptions.ts'

export interface SubscriptionRoutesConfig<E extends z.ZodRawShape> {
  /** Event names a subscription may ask for (others are a 400); omit to take any. */
  events?: readonly string[]
  /** Extra body fields that limit a subscription (`{ organisationId: z.number().optional() }`). */
  scopeFields?: E
  /** The subscription's scope from those fields (absent = every scope). */
  scope?(fields: z.output<z.ZodObject<E>>): Scope
}

/**
 * Control routes for vendors whose webhooks are configured in their UI, not their API:
 * - `POST /_sandbox/subscriptions` `{ "url", "events"?, ...scope fields }` → `201` the subscription with its `secret` (shown once);
 * - `GET /_sandbox/subscriptions` → `{ subscriptions }` (no secrets);
 * - `DELETE /_sandbox/subscriptions/:id` → `204`.
 * Deliveries and attempts are under `GET /_sandbox/webhooks`.
 */
export function registerSubscriptionRoutes<
  S,
  C extends Record<string, unknown>,
  E extends z.ZodRawShape = {},
>(app: Hono<SimEnv<S, C>>, config: SubscriptionRoutesConfig<E> = {}) {
  const events = config.events
  const Input = z.strictObject({
    url: z.url({ protocol: /^https?$/ }).max(2048),
    events: z
      .array(events ? z.enum(events as [string, ...string[]]) : z.string().min(1).max(100))
      .min(1)
      .max(100)
      .optional(),
    ...((config.scopeFields ?? {}) as E),
  })
  app.post('/_sandbox/subscriptions', async (c) => {
    const input = (await parseControlBody(c, Input)) as {
      url: string
      events?: string[]
    } & z.output<z.ZodObject<E>>
    const { subscriptions } = c.get('tenant')
    const sub = subscriptions.add({
      url: input.url,
      events: input.events ?? null,
      scope: config.scope?.(input) ?? {},
    })
    return c.json({ ...subscriptions.view(sub), secret: sub.secret }, 201)
  })
  app.get('/_sandbox/subscriptions', (c) => {
    const { subscriptions } = c.get('tenant')
    return c.json({ subscriptions: subscriptions.list().map(subscriptions.view) })
  })
  app.delete('/_sandbox/subscriptions/:id', (c) => {
    if (!c.get('tenant').subscriptions.remove(c.req.param('id')))
      throw new SimError(404, 'not_found', `No subscription ${c.req.param('id')}`)
    return c.body(null, 204)
  })
}
