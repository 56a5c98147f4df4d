import { networkErrorText } from '../../contracts/shared/network.ts'
import type { Clock } from './clock.ts'
import type { IdFactory } from './ids.ts'

/**
 * The webhook outbox of one tenant. A vendor enqueues an event; the outbox
 * POSTs it with the vendor's signing headers, on the tenant clock, retrying on
 * failure along the vendor's schedule. Every attempt is recorded and can be
 * listed or replayed through `/_sandbox/webhooks`.
 *
 * In `record` mode nothing leaves the process: deliveries are recorded as if
 * the receiver had answered 200 (handy for unit tests without a receiver).
 */
export interface WebhookAttempt {
  n: number
  at: string
  status: number | null
  ok: boolean
  error?: string
  durationMs: number
}

export interface WebhookDelivery {
  id: string
  event: string
  url: string
  createdAt: string
  state: 'pending' | 'delivered' | 'failed'
  nextAttemptAt: string | null
  body: string
  headers: Record<string, string>
  attempts: WebhookAttempt[]
}

export interface OutboxOptions {
  clock: Clock
  ids: IdFactory
  /** Delays (seconds) before each retry after the first attempt: `[60, 300]` = 3 attempts in all. */
  retrySchedule: readonly number[]
  /** Vendor signing: headers computed from the exact body bytes sent. */
  sign?: (body: string, delivery: { id: string; event: string }) => Record<string, string>
  fetch: typeof fetch
  mode: 'deliver' | 'record'
  /** Per-attempt timeout in ms (real time: it bounds a socket, not the simulation). */
  timeoutMs?: number
  /** Keep at most this many deliveries (oldest dropped first). */
  limit?: number
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * @example
 * const outbox = createOutbox({ clock, ids, retrySchedule: [60, 300], fetch, mode: 'deliver' })
 * outbox.enqueue({ url: 'http://127.0.0.1:9000/hook', event: 'order.status', payload: { id, status } })
 * await clock.settle() // first attempt made
 */
export function createOutbox(options: OutboxOptions) {
  const { clock, ids, retrySchedule } = options
  const deliveries: WebhookDelivery[] = []
  const limit = options.limit ?? 1000

  const attempt = async (delivery: WebhookDelivery, dueAt: number) => {
    const n = delivery.attempts.length + 1
    const started = performance.now()
    let status: number | null = null
    let error: string | undefined
    if (options.mode === 'record') {
      status = 200
    } else {
      try {
        const res = await options.fetch(delivery.url, {
          method: 'POST',
          headers: delivery.headers,
          body: delivery.body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
        })
        status = res.status
        await res.arrayBuffer().catch(() => undefined)
      } catch (err) {
        error = networkErrorText(err)
      }
    }
    const ok = status !== null && status >= 200 && status < 300
    delivery.attempts.push({
      n,
      at: iso(dueAt),
      status,
      ok,
      ...(error ? { error } : {}),
      durationMs: Math.round(performance.now() - started),
    })
    if (ok) {
      delivery.state = 'delivered'
      delivery.nextAttemptAt = null
      return
    }
    const delay = retrySchedule[n - 1]
    if (delay === undefined) {
      delivery.state = 'failed'
      delivery.nextAttemptAt = null
      return
    }
    const at = clock.now() + delay * 1000
    delivery.nextAttemptAt = iso(at)
    clock.schedule(at, `webhook ${delivery.id} attempt ${n + 1}`, (due) => attempt(delivery, due))
  }

  const schedule = (delivery: WebhookDelivery) => {
    const at = clock.now()
    delivery.state = 'pending'
    delivery.nextAttemptAt = iso(at)
    clock.schedule(at, `webhook ${delivery.id} attempt ${delivery.attempts.length + 1}`, (due) =>
      attempt(delivery, due),
    )
  }

  return {
    /** Queue an event for delivery now (on the clock). The body is serialised once, so `sign` (per delivery) and the vendor's signer see the bytes sent. */
    enqueue(input: {
      url: string
      event: string
      payload: unknown
      headers?: Record<string, string>
      sign?: (body: string) => Record<string, string>
    }): WebhookDelivery {
      const id = ids.uuid()
      const body = JSON.stringify(input.payload)
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'vendorsim-webhooks/1',
        ...(input.headers ?? {}),
        ...(input.sign?.(body) ?? {}),
        ...(options.sign?.(body, { id, event: input.event }) ?? {}),
      }
      const delivery: WebhookDelivery = {
        id,
        event: input.event,
        url: input.url,
        createdAt: iso(clock.now()),
        state: 'pending',
        nextAttemptAt: null,
        body,
        headers,
        attempts: [],
      }
      deliveries.push(delivery)
      if (deliveries.length > limit) deliveries.splice(0, deliveries.length - limit)
      schedule(delivery)
      return delivery
    },
    /** Send a delivery again from its first attempt's payload (a new attempt, same id and body). */
    replay(id: string): WebhookDelivery | undefined {
      const delivery = deliveries.find((d) => d.id === id)
      if (!delivery) return undefined
      schedule(delivery)
      return delivery
    },
    list: (): readonly WebhookDelivery[] => deliveries,
    get: (id: string) => deliveries.find((d) => d.id === id),
  }
}
export type Outbox = ReturnType<typeof createOutbox>
