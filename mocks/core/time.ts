/** Date helpers shared by vendors; all take and return epoch milliseconds (UTC). */
export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** Add business days (Monday–Friday, UTC), keeping the time of day. */
export function addBusinessDays(ms: number, days: number): number {
  let t = ms
  let left = days
  while (left > 0) {
    t += DAY
    const dow = new Date(t).getUTCDay()
    if (dow !== 0 && dow !== 6) left--
  }
  return t
}

/** ISO 8601 with 7 fractional digits, the .NET "O" format (`2020-08-26T21:31:10.7582058Z`). */
export function isoTicks(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '0000Z')
}

