import { createTokenKit } from './auth.ts'
import { createClock } from './clock.ts'
import type { TenantBase } from './context.ts'
import { createFaults } from './faults.ts'
import { createIdempotencyStore } from './idempotency.ts'
import { createIdFactory, createRng, type Rng } from './ids.ts'
import { createJournal } from './journal.ts'
import { createSubscriptions } from './subscriptions.ts'
import type { SimOptions } from './sim-options.ts'
import { createTimers } from './timers.ts'
import type { TokenIndex } from './token-record.ts'
import type { VendorDefinition } from './vendor.ts'
import { createOutbox } from './webhooks.ts'

/** What every tenant of a simulator shares: the seed, the options, the sim-wide token index. */
export interface TenantKitDeps {
  seed: string
  options: SimOptions
  tokenIndex: TokenIndex
  /** The simulator's frozen shared data (seeded catalogues), built once per key. */
  shared: <T>(key: string, build: (rng: Rng) => T) => T
  webhookFetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>
}

/**
 * Everything a tenant owns besides the vendor's state: its clock, its generators (each forked
 * from the tenant's own seed, so a tenant's ids do not depend on any other's), its token kit,
 * outbox, subscriptions, timers, idempotency keys, journal and faults.
 */
export function createTenantBase<S, C extends Record<string, unknown>>(
  vendor: VendorDefinition<S, C>,
  id: string,
  credentials: C,
  deps: TenantKitDeps,
): TenantBase<C> {
  const { seed, options, tokenIndex, shared, webhookFetch } = deps
  const rng = createRng(`${seed}:${vendor.id}:${id}`)
  const clock = createClock(options.clock)
  const ids = createIdFactory(rng.fork('ids'))
  const faults = createFaults(rng.fork('faults'))
  const outbox = createOutbox({
    clock,
    ids: createIdFactory(rng.fork('webhooks')),
    retrySchedule: vendor.webhooks.retrySchedule,
    sign: vendor.webhooks.sign ? (body, d) => vendor.webhooks.sign!(body, d, base) : undefined,
    fetch: webhookFetch,
    mode: options.webhooks?.mode ?? 'deliver',
    timeoutMs: options.webhooks?.timeoutMs,
  })
  const base: TenantBase<C> = {
    id,
    credentials,
    clock,
    rng: rng.fork('data'),
    ids,
    auth: createTokenKit({
      clock,
      ids: createIdFactory(rng.fork('tokens')),
      index: tokenIndex,
      tenantId: id,
    }),
    outbox,
    subscriptions: createSubscriptions({
      ids: createIdFactory(rng.fork('subscriptions')),
      outbox,
      faults,
      now: clock.now,
    }),
    timers: createTimers(clock),
    idempotency: createIdempotencyStore(),
    journal: createJournal(),
    faults,
    createdAt: clock.now(),
    shared,
  }
  return base
}
