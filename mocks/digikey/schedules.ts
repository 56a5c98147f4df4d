import { addBusinessDays, DAY, SimError } from '../core/index.ts'
import { FINAL, HOLDS, releaseAt } from './lifecycle.ts'
import type { SalesOrderRecord } from './store.ts'

/*
 * The rules of a sales order's delivery schedules (Order Management v1): which orders may change
 * them, and which dates a schedule may use.
 */

/** DigiKey's 400 for input it refuses: one detail per field. */
export const invalid = (details: Array<{ field: string; message: string }>) =>
  new SimError(400, '400', 'One or more validation errors occurred', { details })

/** Why an order's schedules cannot change, or null when they can. */
export function ineligibility(o: SalesOrderRecord): string | null {
  if (FINAL.includes(o.status))
    return `Sales order ${o.id} is ${o.status}; only open sales orders can be changed.`
  if (HOLDS.includes(o.status))
    return `Sales order ${o.id} is on hold (${o.status}); contact DigiKey customer service.`
  if (o.marketplace)
    return `Sales order ${o.id} is fulfilled by a DigiKey Marketplace supplier (${o.marketplace.PartnerName}); its schedules cannot be changed here.`
  return null
}

/** The first date a schedule may use: the next business day [proposal]. */
export function nextReleaseDate(now: number): string {
  return new Date(addBusinessDays(now, 1)).toISOString().slice(0, 10)
}

/** Schedule dates: not before the next release day, within a year, each used once. */
export function checkDates(dates: string[], now: number) {
  const first = nextReleaseDate(now)
  const last = new Date(now + 365 * DAY).toISOString().slice(0, 10)
  const problems: Array<{ field: string; message: string }> = []
  dates.forEach((d, i) => {
    if (Number.isNaN(releaseAt(d)))
      problems.push({ field: `Schedules[${i}].ScheduledDate`, message: `${d} is not a date.` })
    else if (d < first)
      problems.push({
        field: `Schedules[${i}].ScheduledDate`,
        message: `The earliest schedule date is ${first}.`,
      })
    else if (d > last)
      problems.push({
        field: `Schedules[${i}].ScheduledDate`,
        message: `Schedules can be at most one year ahead (${last}).`,
      })
    if (dates.indexOf(d) !== i)
      problems.push({
        field: `Schedules[${i}].ScheduledDate`,
        message: `${d} is used by more than one schedule.`,
      })
  })
  if (problems.length) throw invalid(problems)
}
