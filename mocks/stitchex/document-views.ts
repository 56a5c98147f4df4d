import { viewPerRow } from '../core/index.ts'
import type { StitchexState } from './store.ts'
import type { CreditNoteRow, InvoiceRow, PaymentRow, SalesOrderRow } from './rows.ts'

import { lineItemsView, money, moneyTotals, stamp, totalsOf } from './views.ts'

/**
 * The wire view of Stitchex's documents: sales orders (with their fulfilment and financial
 * states), invoices, credit notes and payments. Views of the catalogue and of stock are in views.ts.
 * @see https://help.uphance.com/en/articles/3065571-orders-api
 */
/** not_shipped / partially_shipped / shipped, from shipped units against ordered units. */
export function fulfillmentOf(o: SalesOrderRow): 'not_shipped' | 'partially_shipped' | 'shipped' {
  let ordered = 0
  let shipped = 0
  for (const l of o.lines)
    for (const q of l.quantities) {
      ordered += q.quantity
      shipped += Math.min(q.quantity, o.shipped[q.sku_id] ?? 0)
    }
  return shipped === 0 ? 'not_shipped' : shipped >= ordered ? 'shipped' : 'partially_shipped'
}

/** not_paid / partially_paid / paid, from the order's invoices. */
export function financialOf(
  state: StitchexState,
  o: SalesOrderRow,
): 'not_paid' | 'partially_paid' | 'paid' {
  const invoices = state.invoices.lookup('sale', o.id)
  const paid = invoices.reduce((s, i) => s + i.total_paid + i.total_credited, 0)
  if (paid === 0) return 'not_paid'
  const owed = totalsOf(o.lines, o.shipping_cost).grand_total
  return paid >= owed ? 'paid' : 'partially_paid'
}

export function salesOrderView(state: StitchexState, o: SalesOrderRow) {
  const company = state.customers.get(o.company_id)
  const invoices = state.invoices.lookup('sale', o.id)
  const tickets = state.pickTickets.lookup('order', o.id)
  return {
    id: o.id,
    order_number: o.order_number,
    status: o.status,
    fulfillment_status: fulfillmentOf(o),
    financial_status: financialOf(state, o),
    company_id: o.company_id,
    company_name: company?.name ?? null,
    organisation_id: o.organisation_id,
    season_id: o.season_id,
    channel_id: o.channel_id,
    channel_name: o.channel_id ? (state.channels.get(o.channel_id)?.name ?? null) : null,
    currency: o.currency,
    purchase_order_ref: o.purchase_order_ref,
    notes: o.notes,
    internal_notes: o.internal_notes,
    start_ship_date: o.start_ship_date,
    cancel_ship_date: o.cancel_ship_date,
    invoice_method: 'SHIPMENTS',
    invoice_numbers: invoices.map((i) => String(i.invoice_number)).join(', '),
    shipment_numbers: tickets
      .filter((t) => t.status === 'shipped')
      .map((t) => t.shipment_number)
      .join(', '),
    ...moneyTotals(totalsOf(o.lines, o.shipping_cost)),
    settlement_discount: '0.00',
    deposit_percentage: '0.0',
    custom_fields: [],
    submitted_at: stamp(o.submitted_at),
    confirmed_at: stamp(o.confirmed_at),
    created_at: stamp(o.created_at),
    updated_at: stamp(o.updated_at),
    line_items: lineItemsView(state, o.lines),
  }
}

export function invoiceView(state: StitchexState, i: InvoiceRow) {
  const totals = totalsOf(i.lines, i.shipping_cost)
  const order = state.salesOrders.get(i.sale_id)
  const company = state.customers.get(i.company_id)
  const address = company?.addresses.find((a) => a.default_for_billing) ?? company?.addresses[0]
  const contact = company?.people.find((p) => p.billing) ?? company?.people[0]
  const addressView = address
    ? {
        line_1: address.line_1,
        line_2: address.line_2,
        line_3: address.line_3,
        city: address.city,
        state: address.state,
        country: address.country,
        postcode: address.postcode,
      }
    : null
  const contactView = contact
    ? {
        first_name: contact.first_name,
        last_name: contact.last_name,
        position: contact.position,
        phone_1: contact.phone_1,
        phone_2: contact.phone_2,
        email: contact.email,
        notes: contact.notes,
      }
    : null
  return {
    id: i.id,
    invoice_number: i.invoice_number,
    invoice_type: 'normal',
    sale_id: i.sale_id,
    order_number: order?.order_number ?? null,
    company_id: i.company_id,
    customer_name: company?.name ?? null,
    organisation_id: i.organisation_id,
    currency: i.currency,
    channel_id: order?.channel_id ?? null,
    channel_name: order?.channel_id ? (state.channels.get(order.channel_id)?.name ?? null) : null,
    due_date: i.due_date,
    payment_terms: 'Net 30',
    tax_rate_name: 'Sales tax',
    ...moneyTotals(totals),
    settlement_discount_percentage: '0.0',
    total_paid: money(i.total_paid),
    total_credited: money(i.total_credited),
    total_discounted: '0.00',
    amount_outstanding: money(Math.max(0, totals.grand_total - i.total_paid - i.total_credited)),
    payments_count: state.payments.lookup('sale', i.sale_id).filter((p) => p.invoice_id === i.id)
      .length,
    billing_address: addressView,
    shipping_address: addressView,
    billing_contact: contactView,
    shipping_contact: contactView,
    created_at: stamp(i.created_at),
    updated_at: stamp(i.updated_at),
    line_items: lineItemsView(state, i.lines),
  }
}

export const creditNoteView = viewPerRow((c: CreditNoteRow) => ({
  id: c.id,
  credit_note_number: c.credit_note_number,
  invoice_id: c.invoice_id,
  sale_id: c.sale_id,
  company_id: c.company_id,
  organisation_id: c.organisation_id,
  currency: c.currency,
  reason: c.reason,
  subtotal: money(c.amount),
  total_tax: '0.00',
  grand_total: money(c.amount),
  created_at: stamp(c.created_at),
  updated_at: stamp(c.updated_at),
}))

export const paymentView = viewPerRow((p: PaymentRow) => ({
  id: p.id,
  amount: money(p.amount),
  reference: p.reference,
  date: p.date,
  sale_id: p.sale_id,
  company_id: p.company_id,
  invoice_id: p.invoice_id,
  source: p.source,
  organisation_id: p.organisation_id,
  created_at: stamp(p.created_at),
  updated_at: stamp(p.updated_at),
}))
