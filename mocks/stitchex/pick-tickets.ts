import type { Hono } from 'hono'
import { SimError, type SimEnv, send, type Tenant } from '../core/index.ts'
import { requireOrganisation } from './auth.ts'
import { raiseInvoice } from './documents.ts'
import { badRequest, unprocessable } from './errors.ts'
import { idParam, intParam, listPage, ownRow } from './params.ts'
import { moveStock } from './stock.ts'
import { nextId, type StitchexCredentials, type StitchexState } from './store.ts'
import type { LineRecord, PickTicketRow } from './rows.ts'
import { pickTicketView } from './views.ts'
import { emit } from './webhooks.ts'

type Env = SimEnv<StitchexState, StitchexCredentials>
type AnyTenant = Tenant<StitchexState, StitchexCredentials>

/** Units of each SKU of an order already on a pick ticket (shipped or not). */
function picked(state: StitchexState, orderId: number) {
  const out = new Map<number, number>()
  for (const t of state.pickTickets.lookup('order', orderId))
    for (const l of t.lines)
      for (const q of l.quantities) out.set(q.sku_id, (out.get(q.sku_id) ?? 0) + q.quantity)
  return out
}

/**
 * A pick ticket for a confirmed order: every unit not yet on a ticket, or the `quantities` given
 * (each at most what is left). Stitchex makes these in its UI; the sandbox makes them here.
 */
export async function createPickTicket(
  tenant: AnyTenant,
  orderId: number,
  quantities?: ReadonlyArray<{ sku_id: number; quantity: number }>,
  now = tenant.clock.now(),
) {
  const { state } = tenant
  const order = state.salesOrders.get(orderId)
  if (!order) throw new SimError(404, 'not_found', `Sales order ${orderId} not found`)
  if (order.status !== 'confirmed')
    throw new SimError(
      409,
      'not_confirmed',
      `Sales order ${order.order_number} is ${order.status}: only confirmed orders are picked`,
    )
  const taken = picked(state, order.id)
  const want = new Map<number, number>()
  if (quantities)
    quantities.forEach((q, i) => {
      if (!order.lines.some((l) => l.quantities.some((x) => x.sku_id === q.sku_id)))
        throw new SimError(
          400,
          'validation_error',
          `line_quantities[${i}].sku_id: ${q.sku_id} is not on order ${order.order_number}`,
        )
      want.set(q.sku_id, (want.get(q.sku_id) ?? 0) + q.quantity)
    })
  const lines: LineRecord[] = []
  for (const l of order.lines) {
    const qs = []
    for (const q of l.quantities) {
      const left = q.quantity - (taken.get(q.sku_id) ?? 0)
      const n = quantities ? (want.get(q.sku_id) ?? 0) : left
      if (n > left)
        throw new SimError(
          400,
          'validation_error',
          `SKU ${q.sku_id}: only ${left} left to pick on order ${order.order_number}`,
        )
      if (n > 0)
        qs.push({ id: nextId(state, 'quantity'), sku_id: q.sku_id, size: q.size, quantity: n })
    }
    if (qs.length) lines.push({ ...l, id: nextId(state, 'line'), quantities: qs })
  }
  if (!lines.length)
    throw new SimError(
      409,
      'nothing_to_pick',
      `Sales order ${order.order_number} has nothing left to pick`,
    )
  const row: PickTicketRow = {
    id: nextId(state, 'pickTicket'),
    organisation_id: order.organisation_id,
    order_id: order.id,
    shipment_number: `${order.order_number}-${state.pickTickets.lookup('order', order.id).length + 1}`,
    status: 'open',
    tracking_number: null,
    carrier: null,
    service: null,
    lines,
    stock_adjusted_at: null,
    created_at: now,
    updated_at: now,
  }
  await state.pickTickets.insert(row)
  emit(tenant, row.organisation_id, 'pick_ticket', 'create', pickTicketView(state, row))
  return row
}

const FIELD = /^[\w .\-/]{1,60}$/

/**
 * Pick tickets: list (`since_id`, `since_created_at`, `filter[warehouse_name]`, `by_order_number`,
 * `by_order_id`, `by_shipment_number`), one, update by query parameters (`tracking_number` +
 * `carrier`, `service`), and ship (after tracking and carrier): stock leaves, the order's
 * fulfilment moves, an invoice is raised. Each change is announced, including the API's own.
 * @see https://help.uphance.com/en/articles/2532221-inventory-api-pick-tickets
 */
export function registerPickTickets(app: Hono<Env>) {
  app.get('/pick_tickets', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    const number = c.req.query('by_order_number')
    // By order (its id, or its number through the orders' index): that order's tickets only.
    const byNumber =
      number !== undefined
        ? (state.salesOrders.lookup('number', `${org}|${number}`)[0]?.id ?? 0)
        : undefined
    const orderId = intParam(c, 'by_order_id') ?? byNumber
    const shipment = c.req.query('by_shipment_number')
    const warehouse = c.req.query('filter[warehouse_name]')
    const rows =
      orderId !== undefined
        ? state.pickTickets.lookup('order', orderId)
        : state.pickTickets.lookup('org', org)
    return send(
      c,
      listPage(
        c,
        'pick_tickets',
        rows,
        (t) => pickTicketView(state, t),
        // The organisation's index needs no filter of its own; an order's tickets are checked.
        orderId === undefined && shipment === undefined && warehouse === undefined
          ? undefined
          : (t) =>
              t.organisation_id === org &&
              (byNumber === undefined || t.order_id === byNumber) &&
              (shipment === undefined || t.shipment_number === shipment) &&
              (warehouse === undefined || warehouse === 'Main warehouse'),
      ),
    )
  })
  app.get('/pick_tickets/:id', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    return send(c, {
      pick_ticket: pickTicketView(
        state,
        ownRow(state.pickTickets.get(idParam(c)), org, 'Pick ticket'),
      ),
    })
  })
  app.put('/pick_tickets/:id', async (c) => {
    const org = requireOrganisation(c)
    const tenant = c.get('tenant')
    const { state } = tenant
    const ticketId = idParam(c)
    const q = c.req.query()
    const given = (['tracking_number', 'carrier', 'service'] as const).filter(
      (k) => q[k] !== undefined,
    )
    if (!given.length)
      throw badRequest(
        'Send tracking_number and carrier, or service, as query parameters: PUT /pick_tickets/{id}?tracking_number=…&carrier=…',
      )
    for (const k of given)
      if (!FIELD.test(q[k]!))
        throw unprocessable(k, 'must be 1 to 60 letters, digits, spaces or . - _ /')
    const row = await state.lock.run(async () => {
      const before = ownRow(state.pickTickets.get(ticketId), org, 'Pick ticket')
      if (before.status === 'shipped')
        throw unprocessable('status', 'is shipped: the ticket can no longer change')
      const after = await state.pickTickets.update(before.id, (d) => {
        if (q.tracking_number !== undefined) d.tracking_number = q.tracking_number
        if (q.carrier !== undefined) d.carrier = q.carrier
        if (q.service !== undefined) {
          d.service = q.service
          if (q.service.toLowerCase() === 'packing') d.status = 'packing'
        }
        d.updated_at = tenant.clock.now()
      })
      emit(tenant, org, 'pick_ticket', 'update', pickTicketView(state, after))
      return after
    })
    return send(c, { pick_ticket: pickTicketView(state, row) })
  })
  app.put('/pick_tickets/:id/ship', async (c) => {
    const org = requireOrganisation(c)
    const tenant = c.get('tenant')
    const ticketId = idParam(c)
    const row = await tenant.state.lock.run(() => shipPickTicket(tenant, org, ticketId))
    return send(c, { pick_ticket: pickTicketView(tenant.state, row) })
  })
}

/** Ship a pick ticket: stock leaves, the order's shipped units grow, an invoice is raised, the change is announced. */
export async function shipPickTicket(
  tenant: AnyTenant,
  org: number,
  ticketId: number,
  now = tenant.clock.now(),
) {
  const { state } = tenant
  const before = ownRow(state.pickTickets.get(ticketId), org, 'Pick ticket')
  if (before.status === 'shipped') throw unprocessable('status', 'is already shipped')
  if (!before.tracking_number || !before.carrier)
    throw unprocessable(
      'tracking_number',
      'and carrier must be set before shipping: PUT /pick_tickets/{id}?tracking_number=…&carrier=… first',
    )
  const units = before.lines.flatMap((l) => l.quantities)
  await moveStock(
    tenant,
    units.map((u) => ({ sku_id: u.sku_id, delta: -u.quantity, allocatedDelta: -u.quantity })),
    now,
  )
  const order = await state.salesOrders.update(before.order_id, (d) => {
    const shipped = { ...d.shipped }
    for (const u of units) shipped[u.sku_id] = (shipped[u.sku_id] ?? 0) + u.quantity
    d.shipped = shipped
    d.updated_at = now
  })
  const after = await state.pickTickets.update(before.id, (d) => {
    d.status = 'shipped'
    d.stock_adjusted_at = now
    d.updated_at = now
  })
  await raiseInvoice(tenant, order, before.lines, before.id, now)
  emit(tenant, org, 'pick_ticket', 'update', pickTicketView(state, after))
  return after
}
