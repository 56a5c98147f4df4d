import { z } from 'zod'

/**
 * Fixed-window request counters on the tenant clock (per minute, per day, ...),
 * aligned to the epoch so a minute window resets on the minute and a day window
 * at 00:00 UTC. A request is counted only when every window still has room, so
 * a refused request never uses up quota.
 */
export interface WindowLimit {
  /** Name reported back (`burst`, `daily`). */
  name: string
  limit: number
  windowMs: number
}

export interface WindowState {
  name: string
  limit: number
  /** Requests left in the window after this one. */
  remaining: number
  /** When the window resets (epoch ms). */
  resetAt: number
}

export type TakeResult =
  | { ok: true; windows: WindowState[] }
  | { ok: false; breached: WindowState; windows: WindowState[] }

export function createRateWindows() {
  const counts = new Map<string, { start: number; count: number }>()
  const stateOf = (key: string, w: WindowLimit, now: number) => {
    const start = now - (now % w.windowMs)
    const entry = counts.get(`${key}|${w.name}`)
    const count = entry && entry.start === start ? entry.count : 0
    return { start, count }
  }
  return {
    /**
     * Count one request under `key` against every window.
     * @example
     * const r = windows.take('client|ordering', [{ name: 'burst', limit: 10, windowMs: MINUTE }], clock.now())
     * if (!r.ok) // 429, retry at r.breached.resetAt
     */
    take(key: string, limits: readonly WindowLimit[], now: number): TakeResult {
      const current = limits.map((w) => ({ w, ...stateOf(key, w, now) }))
      const full = current.find((x) => x.count >= x.w.limit)
      if (full) {
        const windows = current.map((x) => ({
          name: x.w.name,
          limit: x.w.limit,
          remaining: Math.max(0, x.w.limit - x.count),
          resetAt: x.start + x.w.windowMs,
        }))
        return { ok: false, breached: windows[current.indexOf(full)]!, windows }
      }
      for (const x of current)
        counts.set(`${key}|${x.w.name}`, { start: x.start, count: x.count + 1 })
      return {
        ok: true,
        windows: current.map((x) => ({
          name: x.w.name,
          limit: x.w.limit,
          remaining: x.w.limit - x.count - 1,
          resetAt: x.start + x.w.windowMs,
        })),
      }
    },
    /** Forget every count (a reset or a limits change). */
    clear: () => counts.clear(),
  }
}
export type RateWindows = ReturnType<typeof createRateWindows>

/** A simple per-caller quota: `limit` requests per `windowSeconds`. */
export interface Quota {
  limit: number
  windowSeconds: number
}

/** A quota as a control route takes it: `{"limit", "windowSeconds"}`, or `null` to turn it off. */
export const QuotaSetting = z
  .strictObject({
    limit: z.number().int().positive().max(1_000_000),
    windowSeconds: z.number().int().positive().max(86_400),
  })
  .nullable()

/**
 * Count one request of `key` against a quota, express-rate-limit style: the `RateLimit-*` headers
 * (draft 6) of the answer, and, once the window is full, the seconds until it resets (the
 * vendor answers its own 429 with them as `Retry-After`).
 * @example
 * const r = takeQuota(state.rate, tokenId, { limit: 100, windowSeconds: 60 }, clock.now())
 * c.set('responseHeaders', r.headers)
 * if (r.retryAfter) throw new SimError(429, 'rate_limited', 'Too many requests', { headers: { 'Retry-After': String(r.retryAfter) } })
 */
export function takeQuota(
  windows: RateWindows,
  key: string,
  quota: Quota,
  now: number,
): { headers: Record<string, string>; retryAfter?: number } {
  const taken = windows.take(
    key,
    [{ name: 'quota', limit: quota.limit, windowMs: quota.windowSeconds * 1000 }],
    now,
  )
  const w = taken.ok ? taken.windows[0]! : taken.breached
  const reset = Math.max(1, Math.ceil((w.resetAt - now) / 1000))
  const headers = {
    'RateLimit-Policy': `${quota.limit};w=${quota.windowSeconds}`,
    'RateLimit-Limit': String(quota.limit),
    'RateLimit-Remaining': String(w.remaining),
    'RateLimit-Reset': String(reset),
  }
  return taken.ok ? { headers } : { headers, retryAfter: reset }
}
