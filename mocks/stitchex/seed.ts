import { DAY, type TenantBase } from '../core/index.ts'
import { catalogueRows } from './catalogue-rows.ts'
import { pay } from './documents.ts'
import { createSalesOrder } from './orders.ts'
import { createPickTicket, shipPickTicket } from './pick-tickets.ts'
import { createStitchexTables, type StitchexCredentials, type StitchexState } from './store.ts'
import { totalsOf } from './views.ts'

/** Build a tenant: two organisations, their catalogues, stock and documents. */
export async function createStitchexState(
  tenant: TenantBase<StitchexCredentials>,
): Promise<StitchexState> {
  const state = await createStitchexTables()
  seedCatalogue(state, tenant)
  await seedDocuments(state, tenant)
  return state
}

/**
 * Each organisation's documents, made through the same code the API runs: a shipped order with a
 * part-paid invoice, a shipped order paid over its total (so an overpayment credit note exists),
 * a confirmed order waiting on an open pick ticket, and a draft.
 */
export async function seedDocuments(state: StitchexState, tenant: TenantBase<StitchexCredentials>) {
  const t = { ...tenant, state }
  const start = tenant.clock.now() - 30 * DAY
  for (const org of state.organisations.keys()) {
    const customers = state.customers.lookup('org', org)
    const products = state.products.lookup('org', org)
    const skusOf = (p: number, v: number) =>
      state.skus
        .lookup('product', products[p]!.id)
        .filter((s) => s.variation_id === products[p]!.variations[v]!.id)
    const line = (p: number, v: number, qty: number[]) => ({
      line_quantities: skusOf(p, v)
        .slice(0, qty.length)
        .map((s, i) => ({ sku_id: s.id, quantity: qty[i]! })),
    })
    const order = (
      days: number,
      customer: number,
      status: 'draft' | 'confirmed',
      lines: ReturnType<typeof line>[],
      ref: string,
    ) =>
      createSalesOrder(
        state,
        org,
        {
          company_id: customers[customer]!.id,
          status,
          line_items: lines,
          purchase_order_ref: ref,
          shipping_cost: 15,
        },
        start + days * DAY,
      )
    const ship = async (orderId: number, days: number) => {
      const ticket = await createPickTicket(t, orderId, undefined, start + days * DAY)
      await state.pickTickets.update(ticket.id, (d) => {
        d.tracking_number = `1Z999AA1${String(ticket.id).padStart(10, '0')}`
        d.carrier = 'ups'
      })
      await shipPickTicket(t, org, ticket.id, start + (days + 1) * DAY)
    }
    const a = await order(
      1,
      0,
      'confirmed',
      [line(0, 0, [4, 8, 8, 4]), line(1, 1, [2, 4, 4])],
      'PO-HS-2231',
    )
    await ship(a.id, 3)
    const invoiceA = state.invoices.lookup('sale', a.id)[0]!
    await pay(
      t,
      org,
      {
        amount: 150,
        sale_id: a.id,
        invoice_id: invoiceA.id,
        reference: 'Bank transfer 88121',
        source: 'Bank transfer',
      },
      start + 10 * DAY,
    )
    const b = await order(5, 1, 'confirmed', [line(2, 2, [3, 3, 3])], 'PO-NL-0415')
    await ship(b.id, 7)
    const invoiceB = state.invoices.lookup('sale', b.id)[0]!
    const owed = state.invoices.get(invoiceB.id)!
    const total = totalsOf(owed.lines, owed.shipping_cost).grand_total / 100
    await pay(
      t,
      org,
      {
        amount: total + 10,
        sale_id: b.id,
        invoice_id: invoiceB.id,
        reference: 'Card 4242',
        source: 'Credit card',
      },
      start + 12 * DAY,
    )
    const c = await order(
      14,
      2,
      'confirmed',
      [line(3, 0, [2, 2, 2, 2]), line(4, 1, [5, 5])],
      'PO-AV-77',
    )
    await createPickTicket(t, c.id, undefined, start + 15 * DAY)
    await order(20, 0, 'draft', [line(5, 2, [1, 2, 1])], 'PO-HS-2260')
  }
}

/**
 * Seed the catalogue of every organisation: seasons, channels, customers, products and SKUs with
 * stock. It is the same for every tenant of a simulator: built once, frozen and shared until a
 * tenant writes (a table's update stores a copy).
 */
export function seedCatalogue(
  state: StitchexState,
  tenant: Pick<TenantBase<StitchexCredentials>, 'shared' | 'clock'>,
) {
  const t = tenant.clock.now() - 90 * DAY
  const catalogue = tenant.shared(`catalogue:${t}`, (rng) =>
    catalogueRows(rng.fork('catalogue'), t),
  )
  for (const row of catalogue.seasons) state.seasons.seed(row)
  for (const row of catalogue.channels) state.channels.seed(row)
  for (const row of catalogue.customers) state.customers.seed(row)
  for (const row of catalogue.products) state.products.seed(row)
  for (const row of catalogue.skus) state.skus.seed(row)
  state.nextId = { ...catalogue.ids.nextId }
}
