/** The rows Stitchex's tables keep, and the records inside them: each belongs to one organisation; times are epoch ms and amounts integer cents (answered as strings). */
export interface OrganisationRow {
  id: number
  name: string
  currency: string
  /** Percent applied to wholesale lines (`tax_level`). */
  taxRate: number
  nextOrderNumber: number
  nextInvoiceNumber: number
  nextCreditNoteNumber: number
}

export interface SeasonRow {
  id: number
  organisation_id: number
  name: string
  created_at: number
  updated_at: number
}
export interface ChannelRow extends SeasonRow {
  currency: string
  channel_type: string
}
export interface PersonRecord {
  id: number
  first_name: string | null
  last_name: string | null
  position: string | null
  phone_1: string | null
  phone_2: string | null
  email: string | null
  notes: string | null
  buyer: boolean
  shipping: boolean
  billing: boolean
}
export interface AddressRecord {
  id: number
  line_1: string | null
  line_2: string | null
  line_3: string | null
  city: string | null
  state: string | null
  country: string | null
  postcode: string | null
  default_for_shipping: boolean
  default_for_billing: boolean
}
export interface CustomerRow {
  id: number
  organisation_id: number
  name: string
  company_type: string
  customer_type: string
  country: string | null
  city: string | null
  vat_number: string | null
  channel_id: number | null
  currency: string
  notes: string | null
  reference: string | null
  people: PersonRecord[]
  addresses: AddressRecord[]
  created_at: number
  updated_at: number
}
export interface VariationRecord {
  id: number
  color: string | null
  textile_content: string | null
  /** Cents. */
  wsp: number
  msrp: number
}
export interface ProductRow {
  id: number
  organisation_id: number
  product_identifier: string
  name: string
  description: string | null
  sizing_system: string | null
  image_url: string | null
  not_for_sale: boolean
  season_id: number | null
  variations: VariationRecord[]
  created_at: number
  updated_at: number
}
export interface SkuRow {
  id: number
  organisation_id: number
  product_id: number
  variation_id: number
  color: string | null
  size: string | null
  ean: string | null
  in_stock: number
  /** Units promised to confirmed orders and not yet shipped (`available_to_sell` = in stock − allocated). */
  allocated: number
  created_at: number
  updated_at: number
}
export interface QuantityRecord {
  id: number
  sku_id: number
  size: string | null
  quantity: number
}
export interface LineRecord {
  id: number
  product_id: number
  variation_id: number
  /** Cents. */
  unit_price: number
  /** Percent. */
  tax_level: number
  percentage_discount: number
  quantities: QuantityRecord[]
}
export type OrderStatus = 'draft' | 'confirmed' | 'cancelled'
export interface SalesOrderRow {
  id: number
  organisation_id: number
  order_number: string
  status: OrderStatus
  company_id: number
  channel_id: number | null
  season_id: number | null
  currency: string
  purchase_order_ref: string | null
  notes: string | null
  internal_notes: string | null
  start_ship_date: string | null
  cancel_ship_date: string | null
  shipping_cost: number
  lines: LineRecord[]
  /** sku id → units shipped. */
  shipped: Record<string, number>
  submitted_at: number | null
  confirmed_at: number | null
  created_at: number
  updated_at: number
}
export interface InvoiceRow {
  id: number
  organisation_id: number
  invoice_number: number
  sale_id: number
  company_id: number
  pick_ticket_id: number | null
  currency: string
  lines: LineRecord[]
  shipping_cost: number
  total_paid: number
  total_credited: number
  due_date: string
  created_at: number
  updated_at: number
}
export interface CreditNoteRow {
  id: number
  organisation_id: number
  credit_note_number: number
  invoice_id: number | null
  sale_id: number | null
  company_id: number | null
  currency: string
  amount: number
  reason: string
  created_at: number
  updated_at: number
}
export interface PaymentRow {
  id: number
  organisation_id: number
  amount: number
  reference: string | null
  date: string
  sale_id: number | null
  company_id: number | null
  invoice_id: number | null
  source: string | null
  created_at: number
  updated_at: number
}
export interface StockOperationRow {
  id: number
  organisation_id: number
  source: string | null
  external_ref: string | null
  external_url: string | null
  comments: string | null
  line_quantities: Array<{ sku_id: number; quantity: number }>
  created_at: number
}
export interface PickTicketRow {
  id: number
  organisation_id: number
  order_id: number
  shipment_number: string
  status: 'open' | 'packing' | 'shipped'
  tracking_number: string | null
  carrier: string | null
  service: string | null
  lines: LineRecord[]
  stock_adjusted_at: number | null
  created_at: number
  updated_at: number
}
export interface ReceivingTicketRow {
  id: number
  organisation_id: number
  production_order_id: number
  production_order_number: string
  vendor: string
  delivery_name: string
  status: 'pending' | 'checked in'
  lines: LineRecord[]
  received_at: number | null
  created_at: number
  updated_at: number
}
