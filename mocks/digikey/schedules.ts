import { addBusinessDays, DAY, SimError, type StepKind, type Tenant } from '../core/index.ts'
import { FINAL, HOLDS, openQuantity, plan, releaseAt, update } from './lifecycle.ts'
import type { DigiKeyCredentials, DigiKeyState, SalesOrderRecord } from './store.ts'

/*
 * The rules of a sales order's delivery schedules (Order Management v1): which orders may change
 * them, which dates a schedule may use, and a replaced schedule taking effect.
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

type DigiKeyTenant = Tenant<DigiKeyState, DigiKeyCredentials>

/**
 * A replaced schedule taking effect, some seconds after it was accepted (DigiKey: "up to a
 * minute"). One per order detail, keyed `<order>/<detail>`: a newer ReplaceSchedule replaces the
 * step planned for the older one. The order may have moved on meanwhile: a schedule that no
 * longer fits (not eligible, or other than the open quantity) is dropped.
 */
const SCHEDULE_CHANGE: StepKind<DigiKeyTenant, { order: number; detail: number }, string> = {
  label: (key) => `digikey schedule ${key}`,
  run: (tenant, _key, { order, detail }, dueAt) =>
    tenant.state.lock.run(async () => {
      const current = tenant.state.salesOrders.get(order)
      const l = current?.lines.find((x) => x.detailId === detail)
      if (!current || !l?.pendingSchedules || l.pendingSchedules.at !== dueAt) return
      const fits =
        ineligibility(current) === null &&
        l.pendingSchedules.schedules.reduce((n, s) => n + s.quantity, 0) === openQuantity(l)
      const next = await update(tenant, current, tenant.clock.now(), (d) => {
        const dl = d.lines.find((x) => x.detailId === detail)!
        if (fits) dl.schedules = dl.pendingSchedules!.schedules
        dl.pendingSchedules = null
      })
      plan(tenant, next)
    }),
}

/** Plan the pending schedule of an order's detail to take effect at `at`. */
export function planScheduleChange(
  tenant: DigiKeyTenant,
  order: number,
  detail: number,
  at: number,
) {
  tenant.timers.of(SCHEDULE_CHANGE, tenant).plan(`${order}/${detail}`, at, { order, detail })
}
