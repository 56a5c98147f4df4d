import type { SalesOrderStatus } from '../../contracts/digikey/schemas.ts'
import type { StepKind, Tenant } from '../core/index.ts'
import { shipmentOf, trackingNumber } from './shipping.ts'
import type { DigiKeyCredentials, DigiKeyState, LineRecord, SalesOrderRecord } from './store.ts'

type DigiKeyTenant = Tenant<DigiKeyState, DigiKeyCredentials>

/**
 * The sales order state machine, on the tenant clock [proposal timings, configurable per tenant]:
 * Received → (processingSeconds) Processing → (shipSeconds) a shipment of everything that can go:
 * in-stock quantities, backorders once their stock arrives (the part's lead time), scheduled
 * quantities on their dates. Partly shipped → ProcessingPartialShipment; all shipped → Shipped;
 * the last shipment's expected delivery date → Delivered. `ShipControl: Single` ships nothing until
 * everything can go (ProcessingAwaitingBackorders). Marketplace orders: Processing3rdParty, one
 * shipment by the partner. Canceled, GenericDelay, ActionRequiredWireTransfer, Proforma come from
 * the sandbox routes. Each shipment gets an invoice id, a tracking number and a packing list.
 */
export const FINAL: readonly SalesOrderStatus[] = ['Shipped', 'Delivered', 'Canceled']
export const HOLDS: readonly SalesOrderStatus[] = [
  'GenericDelay',
  'ActionRequiredWireTransfer',
  'Proforma',
]

/** Quantity still to ship on a line. */
export const openQuantity = (l: LineRecord) => l.requested - l.shipped

/** Release time of a schedule date: 14:00 UTC (08:00 in Thief River Falls) [proposal]. */
export const releaseAt = (date: string) => Date.parse(`${date}T14:00:00Z`)

/** What a line could ship at `at`. */
function shippable(line: LineRecord, at: number): number {
  const stock =
    line.reserved +
    (line.backorder > 0 && line.backorderAt !== null && line.backorderAt <= at ? line.backorder : 0)
  if (line.schedules.length === 0) return Math.min(stock, openQuantity(line))
  const due = line.schedules
    .filter((s) => releaseAt(s.date) <= at)
    .reduce((n, s) => n + s.quantity, 0)
  const scheduledTotal = line.schedules.reduce((n, s) => n + s.quantity, 0)
  // Quantity not covered by any schedule ships as usual.
  const unscheduled = Math.max(0, openQuantity(line) + line.shipped - scheduledTotal)
  return Math.max(0, Math.min(stock, due + unscheduled - line.shipped))
}

/** The status of an open order after processing started. */
function openStatus(o: SalesOrderRecord): SalesOrderStatus {
  if (o.marketplace) return 'Processing3rdParty'
  const open = o.lines.filter((l) => openQuantity(l) > 0)
  if (open.length === 0) return 'Shipped'
  const dates = new Set(open.flatMap((l) => l.schedules.map((s) => s.date)))
  if (dates.size > 1) return 'ProcessingScheduledShipmentMultipleRelease'
  if (dates.size === 1) return 'ProcessingScheduledShipmentSingleRelease'
  const waiting = open.some((l) => l.backorder > 0)
  if (waiting && o.shipControl === 'Single') return 'ProcessingAwaitingBackorders'
  if (o.shipments.length > 0) return 'ProcessingPartialShipment'
  return 'Processing'
}

/** What would ship at `at` (quantities per line), or undefined when nothing can go. */
function plannedShipment(o: SalesOrderRecord, at: number): number[] | undefined {
  const quantities = o.lines.map((l) => shippable(l, at))
  if (quantities.every((q) => q === 0)) return undefined
  // Single: nothing leaves until every unscheduled line can ship complete.
  if (
    o.shipControl === 'Single' &&
    o.lines.some((l, i) => l.schedules.length === 0 && quantities[i]! < openQuantity(l))
  )
    return undefined
  return quantities
}

/** When something can next happen to an order (ms), or undefined. */
function nextEventAt(tenant: DigiKeyTenant, o: SalesOrderRecord, now: number): number | undefined {
  const { delays } = tenant.state.settings
  if (o.status === 'Received') return o.enteredAt + delays.processingSeconds * 1000
  if (o.status === 'Shipped') return Math.max(...o.shipments.map((s) => s.expectedDeliveryAt))
  if (FINAL.includes(o.status) || HOLDS.includes(o.status) || o.processingAt === null)
    return undefined
  const ready =
    o.processingAt + (o.marketplace ? delays.marketplaceShipSeconds : delays.shipSeconds) * 1000
  if (ready <= now && plannedShipment(o, now)) return now
  const times: number[] = [ready]
  for (const l of o.lines) {
    if (openQuantity(l) === 0) continue
    if (l.backorder > 0 && l.backorderAt !== null) times.push(l.backorderAt)
    for (const s of l.schedules) times.push(releaseAt(s.date))
  }
  const future = times.map((t) => Math.max(t, ready)).filter((t) => t > now)
  return future.length ? Math.min(...future) : undefined
}

/** A sales order's next step: whatever the machine does with the order when it falls due. */
const SALES_ORDER_STEP: StepKind<DigiKeyTenant, SalesOrderStatus, number> = {
  label: (id, status) => `digikey sales order ${id} (${status})`,
  run: (tenant, id, _status, dueAt) =>
    tenant.state.lock.run(async () => {
      const current = tenant.state.salesOrders.get(id)
      if (current) await step(tenant, current, dueAt)
    }),
}

/** Plan the order's next step on the clock (replacing the one planned). */
export function plan(tenant: DigiKeyTenant, o: SalesOrderRecord) {
  const steps = tenant.timers.of(SALES_ORDER_STEP, tenant)
  const at = nextEventAt(tenant, o, tenant.clock.now())
  if (at === undefined) return void steps.cancel(o.id)
  steps.plan(o.id, at, o.status)
}

/** Run one step of the machine at `at`. Callers hold the tenant lock. */
export async function step(
  tenant: DigiKeyTenant,
  o: SalesOrderRecord,
  at: number,
): Promise<SalesOrderRecord> {
  let next = o
  if (o.status === 'Received') {
    next = await update(tenant, o, at, (d) => {
      d.processingAt = at
    })
  } else if (o.status === 'Shipped') {
    next = await update(tenant, o, at, () => undefined, 'Delivered')
  } else if (!FINAL.includes(o.status) && !HOLDS.includes(o.status)) {
    next = await ship(tenant, o, at)
  }
  plan(tenant, next)
  return next
}

/** Ship what can go at `at` as one shipment (one invoice, one tracking number, one packing list). */
async function ship(
  tenant: DigiKeyTenant,
  o: SalesOrderRecord,
  at: number,
): Promise<SalesOrderRecord> {
  const quantities = plannedShipment(o, at)
  if (!quantities) return update(tenant, o, at, (d) => arriveBackorders(d, at))
  const invoiceId = ++tenant.state.seq.invoice
  const tracking = trackingNumber(tenant, o.shipMethod)
  return update(tenant, o, at, (d) => {
    arriveBackorders(d, at)
    const lines: Array<{ detailId: number; quantity: number }> = []
    d.lines.forEach((l, i) => {
      const q = quantities[i]!
      if (q <= 0) return
      l.shipped += q
      l.reserved = Math.max(0, l.reserved - q)
      lines.push({ detailId: l.detailId, quantity: q })
    })
    d.shipments.push(shipmentOf(d, invoiceId, tracking, at, lines))
  })
}

/** Backordered stock that has arrived becomes reserved. */
function arriveBackorders(d: SalesOrderRecord, at: number) {
  for (const l of d.lines) {
    if (l.backorder > 0 && l.backorderAt !== null && l.backorderAt <= at) {
      l.reserved += l.backorder
      l.backorder = 0
      l.backorderAt = null
    }
  }
}

/** Store a change and the status it leads to (computed unless given), keeping the history. */
export async function update(
  tenant: DigiKeyTenant,
  o: SalesOrderRecord,
  at: number,
  mutate: (d: SalesOrderRecord) => void,
  status?: SalesOrderStatus,
): Promise<SalesOrderRecord> {
  return tenant.state.salesOrders.update(o.id, (d) => {
    mutate(d)
    const to = status ?? (d.processingAt === null ? 'Received' : openStatus(d))
    if (to !== d.status) {
      d.status = to
      d.history.push({ status: to, at })
    }
  })
}

/**
 * Sandbox: move an order forward to `to` now, skipping delays — backorders
 * arrive and schedules fall due at once. Callers hold the tenant lock.
 */
export async function forceForward(
  tenant: DigiKeyTenant,
  o: SalesOrderRecord,
  to: 'Processing' | 'Shipped' | 'Delivered',
  at: number,
): Promise<SalesOrderRecord> {
  let current = o
  if (current.status === 'Received') current = await step(tenant, current, at)
  if (to === 'Processing') return current
  if (!FINAL.includes(current.status)) {
    const invoiceId = ++tenant.state.seq.invoice
    const tracking = trackingNumber(tenant, current.shipMethod)
    current = await update(
      tenant,
      current,
      at,
      (d) => {
        const lines: Array<{ detailId: number; quantity: number }> = []
        for (const l of d.lines) {
          const q = openQuantity(l)
          if (q <= 0) continue
          l.shipped += q
          l.reserved = 0
          l.backorder = 0
          l.backorderAt = null
          l.schedules = []
          l.pendingSchedules = null
          lines.push({ detailId: l.detailId, quantity: q })
        }
        if (lines.length) d.shipments.push(shipmentOf(d, invoiceId, tracking, at, lines))
      },
      'Shipped',
    )
  }
  if (to === 'Delivered' && current.status === 'Shipped')
    current = await update(tenant, current, at, () => undefined, 'Delivered')
  plan(tenant, current)
  return current
}
