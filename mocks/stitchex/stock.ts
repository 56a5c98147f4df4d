import type { Hono } from 'hono'
import { StockOperationInput } from '../../contracts/stitchex/requests.ts'
import { readBody, type SimEnv, send, type Tenant } from '../core/index.ts'
import { requireOrganisation } from './auth.ts'
import { badRequest, unprocessable } from './errors.ts'
import { idParam, listPage, ownRow, parseInput } from './params.ts'
import { nextId, type StitchexCredentials, type StitchexState } from './store.ts'
import type { LineRecord, ReceivingTicketRow } from './rows.ts'
import { productView, receivingTicketView, stockOperationView } from './views.ts'
import { emit } from './webhooks.ts'

type Env = SimEnv<StitchexState, StitchexCredentials>
type AnyTenant = Tenant<StitchexState, StitchexCredentials>

/** Check SKUs of one organisation; `field` prefixes the 422 of an unknown one. */
export function skusOf(
  state: StitchexState,
  org: number,
  lines: ReadonlyArray<{ sku_id: number }>,
  field = 'line_quantities',
) {
  return lines.map((l, i) => {
    const sku = state.skus.get(l.sku_id)
    if (!sku || sku.organisation_id !== org)
      throw unprocessable(`${field}[${i}].sku_id`, `${l.sku_id} not found`)
    return sku
  })
}

/** Move stock of SKUs by `delta` units each and announce each product that changed. */
export async function moveStock(
  tenant: AnyTenant,
  changes: ReadonlyArray<{ sku_id: number; delta: number; allocatedDelta?: number }>,
  now: number,
) {
  const { state } = tenant
  const products = new Set<number>()
  for (const ch of changes) {
    const sku = await state.skus.update(ch.sku_id, (s) => {
      s.in_stock += ch.delta
      s.allocated = Math.max(0, s.allocated + (ch.allocatedDelta ?? 0))
      s.updated_at = now
    })
    products.add(sku.product_id)
  }
  for (const pid of products) {
    const product = state.products.get(pid)!
    emit(tenant, product.organisation_id, 'product', 'update', productView(state, product))
  }
}

/** Lines grouped by product variation, from SKU quantities (receiving tickets and pick tickets). */
export function linesFromQuantities(
  state: StitchexState,
  quantities: ReadonlyArray<{ sku_id: number; quantity: number }>,
  price: (variationWsp: number) => number = (wsp) => wsp,
): LineRecord[] {
  const byVariation = new Map<number, LineRecord>()
  for (const q of quantities) {
    const sku = state.skus.get(q.sku_id)!
    let line = byVariation.get(sku.variation_id)
    if (!line) {
      const product = state.products.get(sku.product_id)!
      const variation = product.variations.find((v) => v.id === sku.variation_id)!
      line = {
        id: nextId(state, 'line'),
        product_id: product.id,
        variation_id: variation.id,
        unit_price: price(variation.wsp),
        tax_level: 0,
        percentage_discount: 0,
        quantities: [],
      }
      byVariation.set(sku.variation_id, line)
    }
    line.quantities.push({
      id: nextId(state, 'quantity'),
      sku_id: sku.id,
      size: sku.size,
      quantity: q.quantity,
    })
  }
  return [...byVariation.values()]
}

/** A production-order delivery waiting to be checked in (the sandbox makes them: Stitchex does in its UI). */
export async function createReceivingTicket(
  tenant: AnyTenant,
  org: number,
  quantities: ReadonlyArray<{ sku_id: number; quantity: number }>,
) {
  const { state } = tenant
  skusOf(state, org, quantities)
  if (quantities.some((q) => q.quantity < 1))
    throw badRequest('line_quantities: each quantity must be at least 1')
  const now = tenant.clock.now()
  const production = nextId(state, 'productionOrder')
  const row: ReceivingTicketRow = {
    id: nextId(state, 'receivingTicket'),
    organisation_id: org,
    production_order_id: production,
    production_order_number: `PO-${production}`,
    vendor: 'Mill & Loom Manufacturing',
    delivery_name: `Delivery ${production}`,
    status: 'pending',
    lines: linesFromQuantities(state, quantities, (wsp) => Math.round(wsp * 0.4)),
    received_at: null,
    created_at: now,
    updated_at: now,
  }
  await state.receivingTickets.insert(row)
  emit(tenant, org, 'receiving_ticket', 'create', receivingTicketView(state, row))
  return row
}

/**
 * Stock operations (adjust `in_stock` and `available_to_sell`; an `idempotency_key` seen before
 * answers the first result and applies nothing) and receiving tickets (list, one, check in).
 * @see https://help.uphance.com/en/articles/2690504-inventory-api-stock-operations
 * @see https://help.uphance.com/developer-api/inventory-api-receiving-tickets
 */
export function registerStock(app: Hono<Env>) {
  app.post('/stock_operations', async (c) => {
    const org = requireOrganisation(c)
    const tenant = c.get('tenant')
    const { state } = tenant
    const body = await readBody(c)
    const input = parseInput(StockOperationInput, body.value ?? {})
    const op = input.stock_operation
    const apply = () =>
      state.lock.run(async () => {
        skusOf(state, org, op.line_quantities, 'stock_operation.line_quantities')
        const now = tenant.clock.now()
        const row = await state.stockOperations.insert({
          id: nextId(state, 'stockOperation'),
          organisation_id: org,
          source: op.source ?? null,
          external_ref: op.external_ref ?? null,
          external_url: op.external_url ?? null,
          comments: op.comments ?? null,
          line_quantities: op.line_quantities.map((l) => ({
            sku_id: l.sku_id,
            quantity: l.quantity,
          })),
          created_at: now,
        })
        await moveStock(
          tenant,
          op.line_quantities.map((l) => ({ sku_id: l.sku_id, delta: l.quantity })),
          now,
        )
        return { stock_operation: stockOperationView(row) }
      })
    const key = input.idempotency_key
    const { result } = key
      ? await tenant.idempotency.run(`${org}|${key}`, apply)
      : { result: await apply() }
    return send(c, result, 201)
  })

  app.get('/receiving_tickets', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    return send(
      c,
      listPage(c, 'receiving_tickets', state.receivingTickets.lookup('org', org), (r) =>
        receivingTicketView(state, r),
      ),
    )
  })
  app.get('/receiving_tickets/:id', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    return send(c, {
      receiving_ticket: receivingTicketView(
        state,
        ownRow(state.receivingTickets.get(idParam(c)), org, 'Receiving ticket'),
      ),
    })
  })
  app.put('/receiving_tickets/:id/receive', async (c) => {
    const org = requireOrganisation(c)
    const tenant = c.get('tenant')
    const { state } = tenant
    const ticketId = idParam(c)
    const row = await state.lock.run(async () => {
      const before = ownRow(state.receivingTickets.get(ticketId), org, 'Receiving ticket')
      if (before.status === 'checked in') throw unprocessable('status', 'is already checked in')
      const now = tenant.clock.now()
      const after = await state.receivingTickets.update(before.id, (d) => {
        d.status = 'checked in'
        d.received_at = now
        d.updated_at = now
      })
      await moveStock(
        tenant,
        before.lines.flatMap((l) =>
          l.quantities.map((q) => ({ sku_id: q.sku_id, delta: q.quantity })),
        ),
        now,
      )
      emit(tenant, org, 'receiving_ticket', 'update', receivingTicketView(state, after))
      return after
    })
    return send(c, { receiving_ticket: receivingTicketView(state, row) })
  })
}
