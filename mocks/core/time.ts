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
  return `${isoTime(ms).slice(0, -1)}0000Z`
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>()
/** Offsets only change at DST transitions (on the hour): cache them per zone and hour (bounded). */
const zoneOffsets = new Map<string, number>()

function offsetMinutes(ms: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(ms / HOUR)}`
  const cached = zoneOffsets.get(key)
  if (cached !== undefined) return cached
  let f = zoneFormats.get(timeZone)
  if (!f)
    zoneFormats.set(
      timeZone,
      (f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })),
    )
  const name = f.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name)
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0
  if (zoneOffsets.size > 10_000) zoneOffsets.clear()
  zoneOffsets.set(key, offset)
  return offset
}

/**
 * ISO 8601 in a named time zone with its offset and milliseconds
 * (`2025-02-02T03:41:48.109-06:00` for America/Chicago), as .NET services emit
 * local times. Daylight saving follows the zone's rules.
 */
export function isoInZone(ms: number, timeZone: string): string {
  const offsetMin = offsetMinutes(ms, timeZone)
  const local = new Date(ms + offsetMin * MINUTE).toISOString().slice(0, 23)
  const abs = Math.abs(offsetMin)
  return `${local}${offsetMin < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

const isoCache = new Map<number, string>()

/**
 * `new Date(ms).toISOString()`, remembered: views format the same timestamps on every read, and
 * V8's formatter costs more than the rest of a list row. An invalid time throws, as it does.
 */
export function isoTime(ms: number): string {
  let text = isoCache.get(ms)
  if (text === undefined) {
    text = new Date(ms).toISOString()
    if (isoCache.size >= 4096) isoCache.clear()
    isoCache.set(ms, text)
  }
  return text
}

/** ISO 8601 UTC without milliseconds (`2025-02-03T13:21:41Z`). */
export const isoSecondsZ = (ms: number) => `${isoTime(ms).slice(0, 19)}Z`
