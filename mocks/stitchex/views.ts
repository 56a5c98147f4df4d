import { isoTime, viewPerRow } from '../core/index.ts'
import type { StitchexState } from './store.ts'
import type {
  CustomerRow,
  LineRecord,
  PickTicketRow,
  ProductRow,
  ReceivingTicketRow,
  SkuRow,
  StockOperationRow,
} from './rows.ts'

/**
 * The wire view of each stored row, computed when read: money as decimal strings ("45.00"),
 * timestamps with milliseconds (`2026-03-27T10:18:08.000Z`), dates `YYYY-MM-DD`, totals from the
 * lines, stock figures from the SKU rows.
 * @see https://help.uphance.com/en/articles/3065571-orders-api
 */
export const money = (cents: number) => (cents / 100).toFixed(2)
export const stamp = (ms: number | null) => (ms === null ? null : isoTime(ms))
export const day = (ms: number) => isoTime(ms).slice(0, 10)

export interface Totals {
  total_quantity: number
  items_total: number
  items_tax: number
  shipping_cost: number
  shipping_tax: number
  subtotal: number
  total_tax: number
  grand_total: number
}

/** Totals of lines (cents): unit price less discount × quantity, tax per unit at the line's level. */
export function totalsOf(
  lines: readonly LineRecord[],
  shippingCost: number,
  quantityOf: (q: LineRecord['quantities'][number]) => number = (q) => q.quantity,
): Totals {
  let quantity = 0
  let items = 0
  let tax = 0
  let level = 0
  for (const l of lines) {
    const price = Math.round(l.unit_price * (1 - l.percentage_discount / 100))
    const unitTax = Math.round((price * l.tax_level) / 100)
    level = l.tax_level
    for (const q of l.quantities) {
      const n = quantityOf(q)
      quantity += n
      items += price * n
      tax += unitTax * n
    }
  }
  const shippingTax = Math.round((shippingCost * level) / 100)
  return {
    total_quantity: quantity,
    items_total: items,
    items_tax: tax,
    shipping_cost: shippingCost,
    shipping_tax: shippingTax,
    subtotal: items + shippingCost,
    total_tax: tax + shippingTax,
    grand_total: items + shippingCost + tax + shippingTax,
  }
}

export const moneyTotals = (t: Totals) => ({
  items_total: money(t.items_total),
  items_tax: money(t.items_tax),
  subtotal: money(t.subtotal),
  total_tax: money(t.total_tax),
  grand_total: money(t.grand_total),
  total_quantity: t.total_quantity,
  shipping_cost: money(t.shipping_cost),
  shipping_tax: money(t.shipping_tax),
})

export const skuView = viewPerRow((s: SkuRow) => ({
  id: s.id,
  product_id: s.product_id,
  variation_id: s.variation_id,
  color: s.color,
  size: s.size,
  ean: s.ean,
  in_stock: s.in_stock,
  available_to_sell: s.in_stock - s.allocated,
  available_to_sell_from_stock: Math.max(0, s.in_stock - s.allocated),
  created_at: stamp(s.created_at),
  updated_at: stamp(s.updated_at),
}))

export function productView(state: StitchexState, p: ProductRow) {
  const skus = state.skus.lookup('product', p.id)
  const currency = state.organisations.get(p.organisation_id)?.currency ?? 'USD'
  return {
    id: p.id,
    product_identifier: p.product_identifier,
    name: p.name,
    description: p.description,
    sizing_system: p.sizing_system,
    image_url: p.image_url,
    not_for_sale: p.not_for_sale,
    season_id: p.season_id,
    organisation_id: p.organisation_id,
    created_at: stamp(p.created_at),
    updated_at: stamp(p.updated_at),
    variations: p.variations.map((v) => ({
      id: v.id,
      color: v.color,
      textile_content: v.textile_content,
      prices: [{ wsp_money: money(v.wsp), msrp_money: money(v.msrp), name: 'Default', currency }],
      skus: skus.filter((s) => s.variation_id === v.id).map(skuView),
    })),
  }
}

export const customerView = (c: CustomerRow, state: StitchexState) => ({
  id: c.id,
  name: c.name,
  company_type: c.company_type,
  customer_type: c.customer_type,
  country: c.country,
  city: c.city,
  vat_number: c.vat_number,
  channel_id: c.channel_id,
  channel_name: c.channel_id ? (state.channels.get(c.channel_id)?.name ?? null) : null,
  currency: c.currency,
  notes: c.notes,
  reference: c.reference,
  organisation_id: c.organisation_id,
  orders_count: state.salesOrders.lookup('company', c.id).length,
  people: c.people.map((p) => ({ ...p, customer_id: c.id })),
  addresses: c.addresses.map((a) => ({ ...a, customer_id: c.id })),
  created_at: stamp(c.created_at),
  updated_at: stamp(c.updated_at),
})

/** Line items as every document answers them (`line_quantities` with each SKU's size). */
export function lineItemsView(state: StitchexState, lines: readonly LineRecord[]) {
  return lines.map((l) => {
    const product = state.products.get(l.product_id)
    const variation = product?.variations.find((v) => v.id === l.variation_id)
    const price = Math.round(l.unit_price * (1 - l.percentage_discount / 100))
    return {
      id: l.id,
      product_id: l.product_id,
      product_name: product?.name ?? null,
      product_identifier: product?.product_identifier ?? null,
      variation_id: l.variation_id,
      color: variation?.color ?? null,
      unit_price: money(price),
      original_price: money(l.unit_price),
      unit_tax: money(Math.round((price * l.tax_level) / 100)),
      tax_level: l.tax_level.toFixed(1),
      percentage_discount: l.percentage_discount.toFixed(1),
      line_quantities: l.quantities.map((q) => ({
        id: q.id,
        size: q.size,
        quantity: q.quantity,
        sku_id: q.sku_id,
      })),
    }
  })
}

export const stockOperationView = viewPerRow((s: StockOperationRow) => ({
  id: s.id,
  source: s.source,
  external_ref: s.external_ref,
  external_url: s.external_url,
  comments: s.comments,
  organisation_id: s.organisation_id,
  line_quantities: s.line_quantities,
  created_at: stamp(s.created_at),
}))

export function pickTicketView(state: StitchexState, t: PickTicketRow) {
  const order = state.salesOrders.get(t.order_id)!
  const company = state.customers.get(order.company_id)
  const address = company?.addresses.find((a) => a.default_for_shipping) ?? company?.addresses[0]
  const contact = company?.people.find((p) => p.shipping) ?? company?.people[0]
  return {
    id: t.id,
    status: t.status,
    order_id: t.order_id,
    sale_id: t.order_id,
    order_number: order.order_number,
    order_source: 'wholesale',
    shipment_number: t.shipment_number,
    tracking_number: t.tracking_number,
    carrier: t.carrier,
    service: t.service,
    warehouse: 'Main warehouse',
    channel: order.channel_id ? (state.channels.get(order.channel_id)?.name ?? null) : null,
    customer_id: order.company_id,
    customer_name: company?.name ?? null,
    contact_name: contact ? `${contact.first_name ?? ''} ${contact.last_name ?? ''}`.trim() : null,
    contact_email: contact?.email ?? null,
    address: address
      ? {
          line_1: address.line_1,
          city: address.city,
          state: address.state,
          postcode: address.postcode,
          country: address.country,
        }
      : null,
    organisation_id: t.organisation_id,
    currency: order.currency,
    date: day(t.created_at),
    ...moneyTotals(totalsOf(t.lines, 0)),
    invoice_numbers: state.invoices
      .lookup('sale', t.order_id)
      .filter((i) => i.pick_ticket_id === t.id)
      .map((i) => String(i.invoice_number))
      .join(', '),
    stock_adjusted_at: stamp(t.stock_adjusted_at),
    created_at: stamp(t.created_at),
    updated_at: stamp(t.updated_at),
    line_items: lineItemsView(state, t.lines),
  }
}

export const receivingTicketView = (state: StitchexState, r: ReceivingTicketRow) => ({
  id: r.id,
  status: r.status,
  production_order_id: r.production_order_id,
  production_order_number: r.production_order_number,
  vendor: r.vendor,
  delivery_name: r.delivery_name,
  organisation_id: r.organisation_id,
  tax_calc_method: 'SUB_TOTAL',
  ...moneyTotals(totalsOf(r.lines, 0)),
  received_at: stamp(r.received_at),
  created_at: stamp(r.created_at),
  updated_at: stamp(r.updated_at),
  line_items: lineItemsView(state, r.lines),
})
