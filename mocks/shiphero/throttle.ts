import { SimError } from '../core/index.ts'
import type { ShipHeroState } from './store.ts'

/**
 * ShipHero's two limits, per user, on the tenant clock: a credit bucket
 * (4004 credits, +60/s, charged the estimated cost up front and refunded the
 * unused rows after execution) and a hard cap of 7000 requests per rolling
 * 5 minutes (HTTP 429 with `Retry-After`).
 * @see https://developer.shiphero.com/getting-started/ (Rate Limiting)
 */
export function creditsOf(state: ShipHeroState, userId: number, now: number): number {
  const { capacity, refillPerSecond } = state.throttle
  const bucket = state.buckets.get(userId)
  if (!bucket) return capacity
  return Math.min(capacity, bucket.credits + ((now - bucket.at) / 1000) * refillPerSecond)
}

export function setCredits(state: ShipHeroState, userId: number, credits: number, now: number) {
  state.buckets.set(userId, { credits: Math.min(state.throttle.capacity, credits), at: now })
}

/** Seconds until `required` credits are available (at least 1). */
export function secondsUntil(state: ShipHeroState, required: number, remaining: number): number {
  return Math.max(1, Math.ceil((required - remaining) / state.throttle.refillPerSecond))
}

/**
 * Count a request against the rolling window; throws 429 with `Retry-After`
 * (seconds until the oldest request in the window leaves it) when over the cap.
 * Every request counts, failed ones and introspection included.
 */
export function countRequest(state: ShipHeroState, userId: number, now: number) {
  const { requestCap, windowSeconds } = state.throttle
  const windowMs = windowSeconds * 1000
  let log = state.requestLog.get(userId)
  if (!log) state.requestLog.set(userId, (log = []))
  let drop = 0
  while (drop < log.length && log[drop]! <= now - windowMs) drop++
  if (drop) log.splice(0, drop)
  if (log.length >= requestCap) {
    const retryAfter = Math.max(1, Math.ceil((log[0]! + windowMs - now) / 1000))
    throw new SimError(
      429,
      '429',
      `Too many requests: more than ${requestCap} in ${windowSeconds} seconds. Retry in ${retryAfter} seconds.`,
      { headers: { 'Retry-After': String(retryAfter) } },
    )
  }
  log.push(now)
}
