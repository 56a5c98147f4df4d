import type { Faults } from './faults.ts'
import type { IdFactory } from './ids.ts'
import type { Outbox, WebhookDelivery } from './webhooks.ts'

/**
 * Webhook subscriptions of one tenant: where to POST which events, limited to a
 * scope (an account, a shop, an organisation), each with its own secret. `emit`
 * fans an event out to every enabled subscription that matches, through the
 * tenant's outbox (so retries follow the vendor's schedule on the tenant clock),
 * and honours webhook faults (`{"webhook": "pick_ticket_*", "duplicate": true}`
 * sends an event twice, as vendors warn they may).
 *
 * Scope matching: a subscription key set to `null` matches any value; an event
 * that leaves a key out is not limited by it.
 */
export type Scope = Readonly<Record<string, string | number | null>>

export interface Subscription<D = Record<string, unknown>> {
  readonly id: string
  url: string
  /** Event names it receives; `null`: every event. */
  events: readonly string[] | null
  scope: Scope
  /** Shared secret for signing (never listed by `/_sandbox` views). */
  readonly secret: string
  enabled: boolean
  readonly createdAt: number
  /** The vendor's own fields (ShipHero's `source`, `health`, ...). */
  data: D
}

export interface SubscriptionInput<D> {
  id?: string
  url: string
  events?: readonly string[] | null
  scope?: Scope
  secret?: string
  enabled?: boolean
  data?: D
}

const matches = (sub: Scope, event: Readonly<Record<string, unknown>>) => {
  for (const key in sub) {
    const want = sub[key]
    if (want === null || want === undefined || event[key] === undefined) continue
    if (event[key] !== want) return false
  }
  return true
}

export function createSubscriptions(deps: {
  ids: IdFactory
  outbox: Outbox
  faults: Faults
  now: () => number
}) {
  const subs = new Map<string, Subscription<any>>()
  return {
    add<D = Record<string, unknown>>(input: SubscriptionInput<D>): Subscription<D> {
      const id = input.id ?? deps.ids.uuid()
      if (subs.has(id)) throw new Error(`duplicate subscription id ${id}`)
      const sub: Subscription<D> = {
        id,
        url: input.url,
        events: input.events ?? null,
        scope: { ...(input.scope ?? {}) },
        secret: input.secret ?? deps.ids.hex(32),
        enabled: input.enabled ?? true,
        createdAt: deps.now(),
        data: (input.data ?? {}) as D,
      }
      subs.set(id, sub)
      return sub
    },
    get: <D = Record<string, unknown>>(id: string) => subs.get(id) as Subscription<D> | undefined,
    /** Every subscription, oldest first; `where` filters. */
    list<D = Record<string, unknown>>(where?: (s: Subscription<D>) => boolean): Subscription<D>[] {
      const all = [...subs.values()] as Subscription<D>[]
      return where ? all.filter(where) : all
    },
    remove: (id: string) => subs.delete(id),
    /** A listing without secrets, for control routes and state views. */
    view: (s: Subscription<any>) => ({
      id: s.id,
      url: s.url,
      events: s.events,
      scope: s.scope,
      enabled: s.enabled,
      createdAt: new Date(s.createdAt).toISOString(),
      ...s.data,
    }),
    /**
     * Deliver `payload` for `event` to each matching subscription. `sign` computes
     * per-subscription headers from the exact body sent (HMAC with its secret).
     */
    emit(
      event: string,
      payload: unknown,
      o: {
        scope?: Readonly<Record<string, unknown>>
        sign?: (sub: Subscription<any>, body: string) => Record<string, string>
        headers?: Record<string, string>
      } = {},
    ): WebhookDelivery[] {
      const out: WebhookDelivery[] = []
      for (const sub of subs.values()) {
        if (
          !sub.enabled ||
          (sub.events !== null && !sub.events.includes(event)) ||
          !matches(sub.scope, o.scope ?? {})
        )
          continue
        const sign = o.sign ? (body: string) => o.sign!(sub, body) : undefined
        const times = deps.faults.matchWebhook(event)?.duplicate ? 2 : 1
        for (let i = 0; i < times; i++)
          out.push(deps.outbox.enqueue({ url: sub.url, event, payload, headers: o.headers, sign }))
      }
      return out
    },
    clear: () => subs.clear(),
  }
}
export type Subscriptions = ReturnType<typeof createSubscriptions>
