import type { OrderRow, OrderStatus } from './rows.ts'

/**
 * The sales-order state machine ([proposal] around Digit's status enum):
 * draft → requested → unfulfilled → partially_fulfilled → fulfilled → closed; cancelled from any
 * state before everything shipped; returned and refunded after fulfilment. Fulfilment itself
 * follows shipped quantities (the sandbox's fulfil route, or `updateOrder` to `fulfilled`, which
 * marks every line shipped).
 */
export const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  draft: ['requested', 'unfulfilled', 'cancelled'],
  requested: ['draft', 'unfulfilled', 'cancelled'],
  unfulfilled: ['fulfilled', 'cancelled'],
  partially_fulfilled: ['fulfilled', 'cancelled'],
  fulfilled: ['closed', 'returned', 'refunded'],
  returned: ['refunded', 'closed'],
  refunded: ['closed'],
  closed: ['returned', 'refunded'],
  cancelled: [],
}

/** Statuses an order may be created in. */
export const CREATABLE: readonly OrderStatus[] = ['draft', 'requested', 'unfulfilled']

/** Before anything shipped: lines, customer and addresses may still change. */
export const EDITABLE: readonly OrderStatus[] = ['draft', 'requested', 'unfulfilled']

/** Orders whose lines can ship. */
export const SHIPPABLE: readonly OrderStatus[] = ['unfulfilled', 'partially_fulfilled']

/** Shipped quantity over ordered quantity, in percent (two decimals); 100 once fulfilled or later. */
export function shippedPercentage(row: OrderRow): number {
  if (row.status === 'fulfilled' || row.status === 'closed' || row.status === 'returned') return 100
  let ordered = 0
  let shipped = 0
  for (const l of row.lines) {
    ordered += l.quantity
    shipped += l.fulfilled
  }
  return ordered ? Math.round((shipped / ordered) * 10_000) / 100 : 0
}

/** The status fulfilled quantities put an order in. */
export const statusAfterShipping = (lines: OrderRow['lines']): OrderStatus =>
  lines.every((l) => l.fulfilled >= l.quantity)
    ? 'fulfilled'
    : lines.some((l) => l.fulfilled > 0)
      ? 'partially_fulfilled'
      : 'unfulfilled'
