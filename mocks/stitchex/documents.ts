import type { Hono } from 'hono'
import type { z } from 'zod'
import { PaymentInput } from '../../contracts/stitchex/requests.ts'
import { type SimEnv, send, type Tenant } from '../core/index.ts'
import { requireOrganisation } from './auth.ts'
import { notFound, unprocessable } from './errors.ts'
import { idParam, intParam, listPage, ownRow, parseInput, wrapped } from './params.ts'
import { nextId, type StitchexCredentials, type StitchexState } from './store.ts'
import type { InvoiceRow, LineRecord, PaymentRow, SalesOrderRow } from './rows.ts'
import { creditNoteView, invoiceView, paymentView } from './document-views.ts'
import { day, totalsOf } from './views.ts'
import { emit } from './webhooks.ts'

type Env = SimEnv<StitchexState, StitchexCredentials>
type AnyTenant = Tenant<StitchexState, StitchexCredentials>

const DAY = 86_400_000

/** What is still owed on an invoice (cents). */
export const outstanding = (i: InvoiceRow) =>
  Math.max(0, totalsOf(i.lines, i.shipping_cost).grand_total - i.total_paid - i.total_credited)

/**
 * Raise an invoice for shipped lines (invoice method SHIPMENTS: one invoice per shipment; the
 * order's shipping cost goes on its first invoice), due in 30 days, and announce it.
 */
export async function raiseInvoice(
  tenant: AnyTenant,
  order: SalesOrderRow,
  lines: LineRecord[],
  pickTicketId: number | null,
  now: number,
): Promise<InvoiceRow> {
  const { state } = tenant
  const org = state.organisations.get(order.organisation_id)!
  const first = state.invoices.lookup('sale', order.id).length === 0
  const invoice: InvoiceRow = {
    id: nextId(state, 'invoice'),
    organisation_id: order.organisation_id,
    invoice_number: org.nextInvoiceNumber++,
    sale_id: order.id,
    company_id: order.company_id,
    pick_ticket_id: pickTicketId,
    currency: order.currency,
    lines,
    shipping_cost: first ? order.shipping_cost : 0,
    total_paid: 0,
    total_credited: 0,
    due_date: day(now + 30 * DAY),
    created_at: now,
    updated_at: now,
  }
  await state.invoices.insert(invoice)
  emit(tenant, invoice.organisation_id, 'invoice', 'create', invoiceView(state, invoice))
  return invoice
}

/**
 * Record a payment: it pays the given invoice (or the order's oldest unpaid one); more than is
 * outstanding pays it in full and the rest becomes an overpayment credit note.
 * @see https://help.uphance.com/en/articles/12548917-payment-api
 */
export async function pay(
  tenant: AnyTenant,
  org: number,
  input: z.output<typeof PaymentInput>,
  now = tenant.clock.now(),
) {
  const { state } = tenant
  let invoice = input.invoice_id != null ? state.invoices.get(input.invoice_id) : undefined
  if (input.invoice_id != null && (!invoice || invoice.organisation_id !== org))
    throw unprocessable('invoice_id', `${input.invoice_id} not found`)
  const saleId = input.sale_id ?? invoice?.sale_id ?? null
  const sale = saleId !== null ? state.salesOrders.get(saleId) : undefined
  if (saleId !== null && (!sale || sale.organisation_id !== org))
    throw unprocessable('sale_id', `${saleId} not found`)
  if (invoice && sale && invoice.sale_id !== sale.id)
    throw unprocessable('invoice_id', `${invoice.id} is not an invoice of sale ${sale.id}`)
  const companyId = input.company_id ?? sale?.company_id ?? invoice?.company_id ?? null
  if (companyId === null)
    throw unprocessable('sale_id', "can't be blank without invoice_id or company_id")
  const company = state.customers.get(companyId)
  if (!company || company.organisation_id !== org)
    throw unprocessable('company_id', `${companyId} not found`)
  if (sale && sale.company_id !== companyId)
    throw unprocessable('company_id', `${companyId} is not the customer of sale ${sale.id}`)
  if (!invoice && sale)
    invoice = state.invoices.lookup('sale', sale.id).find((i) => outstanding(i) > 0)
  const amount = Math.round(input.amount * 100)
  const payment: PaymentRow = {
    id: nextId(state, 'payment'),
    organisation_id: org,
    amount,
    reference: input.reference ?? null,
    date: input.date ?? day(now),
    sale_id: saleId,
    company_id: companyId,
    invoice_id: invoice?.id ?? null,
    source: input.source ?? null,
    created_at: now,
    updated_at: now,
  }
  await state.payments.insert(payment)
  if (invoice) {
    const owed = outstanding(invoice)
    const applied = Math.min(owed, amount)
    const updated = await state.invoices.update(invoice.id, (d) => {
      d.total_paid += applied
      d.updated_at = now
    })
    emit(tenant, org, 'invoice', 'update', invoiceView(state, updated))
    if (amount > owed) {
      const orgRow = state.organisations.get(org)!
      const note = await state.creditNotes.insert({
        id: nextId(state, 'creditNote'),
        organisation_id: org,
        credit_note_number: orgRow.nextCreditNoteNumber++,
        invoice_id: invoice.id,
        sale_id: invoice.sale_id,
        company_id: companyId,
        currency: invoice.currency,
        amount: amount - owed,
        reason: 'overpayment',
        created_at: now,
        updated_at: now,
      })
      emit(tenant, org, 'credit_note', 'create', creditNoteView(note))
    }
  }
  return payment
}

/**
 * Invoices (`?invoice_id=` answers the `invoices` list with that one), credit notes (a single one
 * under the `credit_notes` key, as the real API answers it) and payments.
 * @see https://help.uphance.com/en/articles/3209963-invoices-api
 */
export function registerDocuments(app: Hono<Env>) {
  app.get('/invoices', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    const one = intParam(c, 'invoice_id')
    const rows =
      one !== undefined
        ? [state.invoices.get(one)].filter((i): i is InvoiceRow => i?.organisation_id === org)
        : state.invoices.lookup('org', org)
    return send(
      c,
      listPage(c, 'invoices', rows, (i) => invoiceView(state, i)),
    )
  })
  app.get('/credit_notes', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    return send(
      c,
      listPage(c, 'credit_notes', state.creditNotes.lookup('org', org), creditNoteView),
    )
  })
  app.get('/credit_notes/:id', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    return send(c, {
      credit_notes: creditNoteView(ownRow(state.creditNotes.get(idParam(c)), org, 'Credit note')),
    })
  })
  app.get('/payments', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    const orderId = intParam(c, 'order_id')
    const rows =
      orderId !== undefined
        ? state.payments.lookup('sale', orderId)
        : state.payments.lookup('org', org)
    return send(
      c,
      listPage(
        c,
        'payments',
        rows,
        paymentView,
        // An order's payments are checked against the organisation; its own index needs no filter.
        orderId === undefined ? undefined : (p) => p.organisation_id === org,
      ),
    )
  })
  app.get('/payments/:id', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    const payment = state.payments.get(idParam(c))
    if (!payment || payment.organisation_id !== org) throw notFound('Payment')
    return send(c, { payment: paymentView(payment) })
  })
  app.post('/payments', async (c) => {
    const org = requireOrganisation(c)
    const tenant = c.get('tenant')
    const raw = await wrapped(c, 'payment')
    const input = parseInput(PaymentInput, raw)
    const payment = await tenant.state.lock.run(() => pay(tenant, org, input))
    return send(c, { payment: paymentView(payment) }, 201)
  })
}
