/** The rows ShipHero's tables keep (times as ISO strings, ids as legacy numbers), and the records inside them. */
export interface AddressRecord {
  name?: string | null
  address1?: string | null
  address2?: string | null
  city?: string | null
  state?: string | null
  country?: string | null
  zip?: string | null
  phone?: string | null
}

export interface AccountRow {
  id: number
  parent_id: number | null
  email: string
  username: string
  name: string
  status: string
  is_3pl: boolean
  created_at: string
}
export interface UserRow {
  id: number
  account_id: number
  email: string
  first_name: string
  last_name: string
  is_admin: boolean
  is_developer: boolean
  is_active: boolean
  created_at: string
  updated_at: string
}
export interface WarehouseRow {
  id: number
  account_id: number
  identifier: string
  company_name: string
  address: AddressRecord
  return_address: AddressRecord
  phone_number: string
  invoice_email: string
  profile: string
  active: boolean
  dynamic_slotting: boolean
}
export interface ProductRow {
  id: number
  account_id: number
  sku: string
  name: string
  barcode: string | null
  tags: string[]
  images: Array<{ src: string; position: number | null }>
  cases: Array<{ id: number; case_barcode: string; case_quantity: number }>
  dimensions: {
    weight: string | null
    height: string | null
    width: string | null
    length: string | null
  }
  created_at: string
  updated_at: string
  [field: string]: unknown
}
export interface WarehouseProductRow {
  id: number
  account_id: number
  product_id: number
  sku: string
  warehouse_id: number
  on_hand: number
  allocated: number
  reserve_inventory: number
  backorder: number
  non_sellable_quantity: number
  price: string
  value: string
  value_currency: string | null
  active: boolean
  created_at: string
  updated_at: string
  [field: string]: unknown
}
export interface LineItemRecord {
  id: number
  sku: string
  partner_line_item_id: string
  quantity: number
  price: string
  product_name: string | null
  fulfillment_status: string
  quantity_pending_fulfillment: number
  quantity_shipped: number
  quantity_allocated: number
  backorder_quantity: number
  /** Warehouse the allocation sits in (legacy id), or null while nothing is allocated. */
  warehouse_id: number | null
  locked_to_warehouse_id: number | null
  created_at: string
  updated_at: string
  [field: string]: unknown
}
export interface AllocationRecord {
  warehouse_id: number
  allocated_at: string
  allocation_reference: string
  ready_to_ship: boolean
  line_items: Array<{ line_item_id: number; sku: string; quantity_allocated: number }>
}
export interface OrderRow {
  id: number
  account_id: number
  order_number: string
  partner_order_id: string | null
  shop_name: string
  fulfillment_status: string
  order_date: string
  line_items: LineItemRecord[]
  allocations: AllocationRecord[]
  holds: Record<string, boolean>
  tags: string[]
  shipping_address: Record<string, unknown>
  created_at: string
  updated_at: string
  [field: string]: unknown
}
export interface ShippingLabelRecord {
  id: number
  carrier: string
  shipping_name: string
  shipping_method: string
  cost: string
  tracking_number: string | null
  tracking_url: string | null
  status: string
  created_date: string
  address: AddressRecord
  dimensions: Record<string, unknown>
  line_item_ids: number[]
}
export interface ShipmentRow {
  id: number
  account_id: number
  order_id: number
  user_id: number
  warehouse_id: number
  address: AddressRecord
  line_items: Array<{ id: number; line_item_id: number; quantity: number }>
  labels: ShippingLabelRecord[]
  profile: string
  shipped_off_shiphero: boolean
  created_date: string
}
export interface InventoryChangeRow {
  id: number
  account_id: number
  user_id: number
  warehouse_id: number
  product_id: number
  sku: string
  previous_on_hand: number
  change_in_on_hand: number
  reason: string
  created_at: string
}
export interface WebhookRow {
  id: number
  account_id: number
  name: string
  url: string
  shop_name: string | null
  source: string
  enabled: boolean
  health: 'HEALTHY' | 'WARNING' | 'UNHEALTHY'
  secret: string
  created_at: string
  updated_at: string
  last_enabled_change: string
}
