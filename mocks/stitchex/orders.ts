import type { Hono } from 'hono'
import { type SimEnv, send } from '../core/index.ts'
import { requireOrganisation } from './auth.ts'
import { unprocessable } from './errors.ts'
import { idParam, listPage, ownRow, parseInput, wrapped } from './params.ts'
import { nextId, type StitchexCredentials, type StitchexState } from './store.ts'
import type { SalesOrderRow } from './rows.ts'
import { salesOrderView } from './document-views.ts'
import { OrderInput } from '../../contracts/stitchex/requests.ts'
import { linesOf, references } from './order-input.ts'

type Env = SimEnv<StitchexState, StitchexCredentials>

/** Promise (or release) the units of confirmed lines: `available_to_sell` follows. */
async function allocate(state: StitchexState, order: SalesOrderRow, sign: 1 | -1, now: number) {
  for (const l of order.lines)
    for (const q of l.quantities) {
      const open = q.quantity - Math.min(q.quantity, order.shipped[q.sku_id] ?? 0)
      if (open > 0)
        await state.skus.update(q.sku_id, (s) => {
          s.allocated = Math.max(0, s.allocated + sign * open)
          s.updated_at = now
        })
    }
}

/** Create a sales order (also used to seed each organisation). */
export async function createSalesOrder(
  state: StitchexState,
  organisationId: number,
  input: OrderInput,
  now: number,
): Promise<SalesOrderRow> {
  const { company, channelId, seasonId } = references(state, organisationId, input)
  if (!input.line_items?.length) throw unprocessable('line_items', "can't be blank")
  const status = input.status ?? 'draft'
  if (status === 'cancelled')
    throw unprocessable('status', 'must be draft or confirmed for a new order')
  const lines = linesOf(state, organisationId, input.line_items)
  const org = state.organisations.get(organisationId)!
  const order: SalesOrderRow = {
    id: nextId(state, 'salesOrder'),
    organisation_id: organisationId,
    order_number: String(org.nextOrderNumber++),
    status,
    company_id: company.id,
    channel_id: channelId,
    season_id: seasonId,
    currency: company.currency,
    purchase_order_ref: input.purchase_order_ref ?? null,
    notes: input.notes ?? null,
    internal_notes: input.internal_notes ?? null,
    start_ship_date: input.start_ship_date ?? null,
    cancel_ship_date: input.cancel_ship_date ?? null,
    shipping_cost: Math.round((input.shipping_cost ?? 0) * 100),
    lines,
    shipped: {},
    submitted_at: now,
    confirmed_at: status === 'confirmed' ? now : null,
    created_at: now,
    updated_at: now,
  }
  await state.salesOrders.insert(order)
  if (status === 'confirmed') await allocate(state, order, 1, now)
  return order
}

/**
 * Sales orders: list (`since_id`, `since_created_at`, `by_order_number`), one, create (Rails-wrapped
 * or bare), update (a draft's fields and lines; draft → confirmed allocates stock; cancelling
 * releases it).
 * @see https://help.uphance.com/en/articles/3065571-orders-api
 */
export function registerSalesOrders(app: Hono<Env>) {
  app.get('/sales_orders', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    const number = c.req.query('by_order_number')
    const rows = number
      ? state.salesOrders.lookup('number', `${org}|${number}`)
      : state.salesOrders.lookup('org', org)
    return send(
      c,
      listPage(c, 'sales_orders', rows, (o) => salesOrderView(state, o)),
    )
  })
  app.get('/sales_orders/:id', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    const order = ownRow(state.salesOrders.get(idParam(c)), org, 'Sales order')
    return send(c, { sales_order: salesOrderView(state, order) })
  })
  app.post('/sales_orders', async (c) => {
    const org = requireOrganisation(c)
    const tenant = c.get('tenant')
    const input = parseInput(OrderInput, await wrapped(c, 'sales_order'))
    const order = await tenant.state.lock.run(() =>
      createSalesOrder(tenant.state, org, input, tenant.clock.now()),
    )
    return send(c, { sales_order: salesOrderView(tenant.state, order) }, 201)
  })
  app.put('/sales_orders/:id', async (c) => {
    const org = requireOrganisation(c)
    const tenant = c.get('tenant')
    const { state } = tenant
    const orderId = idParam(c)
    const input = parseInput(OrderInput, await wrapped(c, 'sales_order'))
    const order = await state.lock.run(async () => {
      const before = ownRow(state.salesOrders.get(orderId), org, 'Sales order')
      const now = tenant.clock.now()
      const to = input.status ?? before.status
      const editing = ['company_id', 'line_items', 'channel_id', 'season_id'].some(
        (k) => (input as Record<string, unknown>)[k] !== undefined,
      )
      if (before.status === 'cancelled')
        throw unprocessable('status', 'a cancelled order cannot change')
      if (editing && before.status !== 'draft')
        throw unprocessable(
          'status',
          `is ${before.status}: only a draft's customer, channel, season and lines can change`,
        )
      if (before.status === 'confirmed' && to === 'draft')
        throw unprocessable('status', 'a confirmed order cannot go back to draft')
      if (to === 'cancelled' && Object.keys(before.shipped).length)
        throw unprocessable('status', 'an order with shipped units cannot be cancelled')
      const refs = references(state, org, input, before)
      const lines = input.line_items ? linesOf(state, org, input.line_items) : before.lines
      if (!lines.length) throw unprocessable('line_items', "can't be blank")
      if (before.status === 'confirmed' && to === 'cancelled')
        await allocate(state, before, -1, now)
      const after = await state.salesOrders.update(before.id, (d) => {
        d.status = to
        d.company_id = refs.company.id
        d.currency = refs.company.currency
        d.channel_id = refs.channelId
        d.season_id = refs.seasonId
        d.lines = lines
        for (const k of [
          'purchase_order_ref',
          'notes',
          'internal_notes',
          'start_ship_date',
          'cancel_ship_date',
        ] as const)
          if (input[k] !== undefined) d[k] = input[k] ?? null
        if (input.shipping_cost !== undefined)
          d.shipping_cost = Math.round(input.shipping_cost * 100)
        if (to === 'confirmed' && before.status === 'draft') d.confirmed_at = now
        d.updated_at = now
      })
      if (before.status === 'draft' && to === 'confirmed') await allocate(state, after, 1, now)
      return after
    })
    return send(c, { sales_order: salesOrderView(state, order) })
  })
}
