/**
 * The selection sets the typed client asks for, kept in one place so the contract schemas and
 * the queries agree. Every field is in the simulator's Digit SDL (`contracts/digit/schema.graphql`).
 * @see https://api.digit-software.com/docs
 */
export const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }'
export const COST = 'costAmount currency { code symbol }'
export const UOM = 'id name symbol'
export const ITEM = `id name sku description itemTypes status trackingMethod defaultStockUom { ${UOM} } defaultSalesPrice { ${COST} } createdAt updatedAt`
export const ADDRESS =
  'id title addressLineOne addressLineTwo city state zip country isShippingDefault isBillingDefault'
export const COMPANY = `id name type kind locations { ${ADDRESS} } createdAt`
/** An order without cost information (`totalOrderAmount` needs READ_ORDER_COST_INFO: ask `orders.get(id, { costs: true })`). */
export const ORDER = `id orderNumber documentNumber orderDate orderStatus paymentStatus invoiceStatus shippedPercentage customerReferenceNumber requestedDeliveryDate notes createdAt updatedAt customer { id } shippingAddress { ${ADDRESS} } billingAddress { ${ADDRESS} } items { id quantity fulfilledQuantity item { id name sku } cost { ${COST} } }`
export const ORDER_TOTAL = `totalOrderAmount { ${COST} }`
