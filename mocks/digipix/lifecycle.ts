import type { OrderStatus } from '../../contracts/digipix/schemas.ts'
import {
  addBusinessDays,
  DAY,
  DIGITS,
  HOUR,
  MINUTE,
  type Rng,
  type StepKind,
  type Tenant,
} from '../core/index.ts'
import type { DigipixCredentials, DigipixState, OrderRecord } from './store.ts'

type DigipixTenant = Tenant<DigipixState, DigipixCredentials>

/** The forward path of an approved order. */
export const FORWARD: readonly OrderStatus[] = [
  'APPROVED',
  'NEW',
  'IN_MANUFACTURING',
  'SHIPPED',
  'DELIVERED',
]
/** Statuses from which an order may still be canceled ("only orders not yet in production"). */
export const CANCELABLE: readonly OrderStatus[] = ['QUOTE', 'APPROVED', 'NEW']
/** Seven days to approve a QUOTE order. */
export const APPROVAL_WINDOW_MS = 7 * DAY

/** The status each automatic step leads to, by the status it leaves. */
const NEXT: Partial<Record<OrderStatus, OrderStatus>> = {
  QUOTE: 'CANCELED',
  APPROVED: 'NEW',
  NEW: 'IN_MANUFACTURING',
  IN_MANUFACTURING: 'SHIPPED',
  SHIPPED: 'DELIVERED',
}

/**
 * When the next step (to `NEXT[order.status]`) falls due, from the moment the order entered its
 * status [proposal]: APPROVED → NEW after 10 min (files fetched), NEW → IN_MANUFACTURING after
 * 4 h, → SHIPPED when the slowest item's productionTime (business days from approval) has passed,
 * → DELIVERED after the shipment's estimatedDeliveryDays (business days); a QUOTE expires.
 */
function nextStepAt(tenant: DigipixTenant, order: OrderRecord, at: number): number | undefined {
  switch (order.status) {
    case 'QUOTE':
      return order.createdAt + APPROVAL_WINDOW_MS
    case 'APPROVED':
      return at + 10 * MINUTE
    case 'NEW':
      return at + 4 * HOUR
    case 'IN_MANUFACTURING': {
      const days = Math.max(
        1,
        ...order.items.map((i) => tenant.state.products.get(i.productId)?.productionTime ?? 1),
      )
      return Math.max(at + HOUR, addBusinessDays(order.approvedAt ?? at, days))
    }
    case 'SHIPPED':
      return addBusinessDays(at, Math.max(1, order.shipment?.estimatedDeliveryDays ?? 1))
    default:
      return undefined
  }
}

/**
 * An order's next automatic step, planned with the status it leaves: it runs only if the order
 * is still in that status when due.
 */
const ORDER_STEP: StepKind<DigipixTenant, OrderStatus> = {
  label: (id, from) => `digipix order ${id} → ${NEXT[from]}`,
  run: (tenant, id, from, dueAt) =>
    tenant.state.lock.run(async () => {
      const current = tenant.state.orders.get(id)
      const to = NEXT[from]
      if (!current || current.status !== from || !to) return
      await transition(tenant, current, to, dueAt, to === 'CANCELED' ? 'expired' : undefined)
    }),
}

/** A Correios object code: two letters, nine digits, `BR` (`QB123456789BR`). */
const trackingCode = (rng: Rng) =>
  `${rng.string(2, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}${rng.string(9, DIGITS)}BR`

/** Plan the order's next automatic step on the tenant clock (replacing any step already planned). */
export function plan(tenant: DigipixTenant, order: OrderRecord, enteredAt: number) {
  const steps = tenant.timers.of(ORDER_STEP, tenant)
  const at = nextStepAt(tenant, order, enteredAt)
  if (at === undefined) return void steps.cancel(order.id)
  steps.plan(order.id, at, order.status)
}

/**
 * Move an order to `to`: store it, notify `statusNotificationUrl`, plan the next step.
 * Callers hold the tenant lock.
 */
export async function transition(
  tenant: DigipixTenant,
  order: OrderRecord,
  to: OrderStatus,
  at: number,
  cancelReason?: OrderRecord['cancelReason'],
): Promise<OrderRecord> {
  const next = await tenant.state.orders.update(order.id, (o) => {
    o.status = to
    o.updatedAt = at
    o.history.push({ status: to, at })
    if (to === 'CANCELED') o.cancelReason = cancelReason ?? 'partner'
    if (to === 'SHIPPED' && o.shipment && !o.shipment.trackingCode) {
      const code = trackingCode(tenant.state.tracking)
      o.shipment.trackingCode = code
      o.shipment.trackingUrl = `https://rastreamento.correios.com.br/app/index.php?objeto=${code}`
    }
  })
  notify(tenant, next)
  plan(tenant, next, at)
  return next
}

/** The callback body: `{ id, status, customData, tracking_items }`, tracking only once shipped. */
export function callbackBody(order: OrderRecord) {
  const tracked =
    (order.status === 'SHIPPED' || order.status === 'DELIVERED') && order.shipment?.trackingCode
  return {
    id: order.id,
    status: order.status,
    customData: order.customData ?? {},
    ...(tracked
      ? {
          tracking_items: [
            {
              carrier: order.shipment!.carrier,
              trackingCode: order.shipment!.trackingCode!,
              trackingUrl: order.shipment!.trackingUrl!,
            },
          ],
        }
      : {}),
  }
}

function notify(tenant: DigipixTenant, order: OrderRecord) {
  if (!order.statusNotificationUrl) return
  tenant.outbox.enqueue({
    url: order.statusNotificationUrl,
    event: `order.${order.status.toLowerCase()}`,
    payload: callbackBody(order),
  })
}
