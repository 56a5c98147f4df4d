import { isoTime } from '../core/index.ts'

/**
 * ShipHero's dates. They are answered as `2026-01-05T09:00:00+00:00`; `ISODateTime` input is as
 * lenient as the real server's: `2026-04-10`, `2023-01-05 14:00:00`, naive `T00:00:00`, `Z` and
 * `+00:00` forms (naive means UTC). Free of graphql-js: stores, timers and webhooks use them.
 */
export function isoDateTime(ms: number): string {
  return isoTime(ms).replace(/\.\d{3}Z$/, '+00:00')
}

const DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i

/** Milliseconds of an ISODateTime input; `undefined` when it is not one. */
export function parseDateTime(text: string): number | undefined {
  const m = DATE.exec(text.trim())
  if (!m) return undefined
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m
  let iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac ? frac.slice(0, 4).padEnd(4, '0') : ''}`
  iso +=
    !zone || zone.toUpperCase() === 'Z'
      ? 'Z'
      : zone.length === 5
        ? `${zone.slice(0, 3)}:${zone.slice(3)}`
        : zone
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? undefined : ms
}
