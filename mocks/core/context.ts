import type { Context } from 'hono'
import type { TokenKit } from './auth.ts'
import type { Clock } from './clock.ts'
import type { Faults } from './faults.ts'
import type { IdempotencyStore } from './idempotency.ts'
import type { IdFactory, Rng } from './ids.ts'
import type { Journal } from './journal.ts'
import type { Subscriptions } from './subscriptions.ts'
import type { Timers } from './timers.ts'
import type { Outbox } from './webhooks.ts'

/*
 * The types every request handler sees: a tenant and the Hono environment of a
 * simulator app. A leaf module, so the kit's pieces can name them without
 * importing the vendor definition.
 */

/** Everything a tenant owns besides the vendor's own state. */
export interface TenantBase<C = Record<string, unknown>> {
  readonly id: string
  readonly credentials: C
  readonly clock: Clock
  /** Seeded generator for this tenant's data (fork it per purpose). */
  readonly rng: Rng
  readonly ids: IdFactory
  readonly auth: TokenKit
  readonly outbox: Outbox
  /** Webhook subscriptions, fanned out through the outbox. */
  readonly subscriptions: Subscriptions
  /** One pending clock step per entity (order lifecycles). */
  readonly timers: Timers
  /** Idempotency keys and the first result of each. */
  readonly idempotency: IdempotencyStore
  readonly journal: Journal
  readonly faults: Faults
  readonly createdAt: number
  /**
   * Data every tenant of this simulator shares, built once per key from the sim's seed and
   * deep-frozen (seeded catalogues): tables hold the same rows until an update copies one,
   * so a fresh tenant costs little. Anything that writes a shared row in place throws.
   */
  shared<T>(key: string, build: (rng: Rng) => T): T
}

export interface Tenant<S = unknown, C = Record<string, unknown>> extends TenantBase<C> {
  readonly state: S
}

/** Hono environment of every simulator app. */
export type SimEnv<S = unknown, C = Record<string, unknown>> = {
  Variables: {
    tenant: Tenant<S, C>
    /** The request body text, read once by `readBody`. */
    bodyText?: string
    /** The JSON `send` answered with, as text or UTF-8 bytes (kept for the journal instead of the object). */
    responseSent?: string | Uint8Array
    /** The vendor's id for this request, when it gives one (DigiKey's X-DIGIKEY-REQUEST-ID). */
    requestId?: string
    /**
     * Headers this request's answer carries whatever it turns out to be (success, vendor error or
     * fault): a guard sets them once (DigiKey's `X-RateLimit-*`), the core adds them to the response.
     */
    responseHeaders?: Record<string, string>
    /** The body limit of this simulator (bytes). */
    maxBodyBytes?: number
    /** Set once the body was refused as too large. */
    bodyTooLarge?: boolean
    /** The token the request's `Authorization` header carries, in one of the vendor's forms. */
    credential?: string
  }
}

export type SimContext<S = unknown, C = Record<string, unknown>> = Context<SimEnv<S, C>>
