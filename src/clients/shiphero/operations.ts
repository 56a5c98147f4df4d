/**
 * The selection sets the typed client asks for, kept in one place so the
 * contract schemas and the queries agree. Every field here is in ShipHero's
 * public schema.
 * @see https://developer.shiphero.com/schema/
 */
export const WAREHOUSE_PRODUCT =
  'id legacy_id sku warehouse_id on_hand allocated available reserve_inventory price value active'
export const PRODUCT = `id legacy_id account_id sku name barcode tags created_at updated_at warehouse_products { ${WAREHOUSE_PRODUCT} }`
export const LINE_ITEM =
  'id legacy_id sku partner_line_item_id quantity price fulfillment_status quantity_pending_fulfillment quantity_shipped quantity_allocated backorder_quantity'
export const ORDER = `id legacy_id order_number partner_order_id shop_name fulfillment_status order_date total_price tags line_items(first: 100) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${LINE_ITEM} } } }`
export const SHIPMENT =
  'id legacy_id order_id warehouse_id created_date line_items(first: 100) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { line_item_id quantity } } } shipping_labels { tracking_number carrier }'
export const WEBHOOK = 'id legacy_id name url shop_name enabled health shared_signature_secret'
export const INVENTORY_CHANGE =
  'id sku warehouse_id previous_on_hand change_in_on_hand reason created_at'
export const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }'
