import { z } from 'zod'
import { OAuthError } from '../shared/oauth.ts'

/**
 * Zod contracts of ShipHero's wire format: token responses, the query and
 * mutation envelopes, the entities the client reads, error objects and
 * webhook bodies. Fields ShipHero may add are allowed (loose objects).
 * @see https://developer.shiphero.com/getting-started/
 */
export const TokenResponse = z.looseObject({
  access_token: z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'a JWT'),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1),
  scope: z.string(),
  token_type: z.literal('Bearer'),
})
/** `/auth/refresh` answers the same without a new refresh token. */
export const RefreshResponse = TokenResponse.omit({ refresh_token: true })
/** ShipHero's token errors are Auth0's: the RFC 6749 body, always with a description. */
export const Auth0Error = OAuthError.extend({ error_description: z.string() })

export const RequestId = z.string().regex(/^[0-9a-f]{24}$/, '24 hex characters')
export const GlobalId = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'a base64 Relay id')

/** An error object: ShipHero's keys at the top level next to `message`. */
export const ErrorObject = z.looseObject({
  message: z.string(),
  code: z.number().int().optional(),
  operation: z.string().optional(),
  field: z.string().optional(),
  request_id: RequestId.optional(),
  locations: z.array(z.object({ line: z.number(), column: z.number() })).optional(),
})
export const CreditsError = ErrorObject.extend({
  code: z.literal(30),
  required_credits: z.number().int(),
  remaining_credits: z.number().int(),
  time_remaining: z.string().regex(/^\d+ seconds?$/),
})
export const GraphqlResponse = z.looseObject({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z.array(ErrorObject).optional(),
})

export const PageInfo = z.object({
  hasNextPage: z.boolean(),
  hasPreviousPage: z.boolean(),
  startCursor: z.string().nullable(),
  endCursor: z.string().nullable(),
})
export const connection = <T extends z.ZodType>(node: T) =>
  z.looseObject({
    pageInfo: PageInfo,
    edges: z.array(z.object({ node, cursor: z.string().optional() })),
  })
export const queryResult = <T extends z.ZodType>(data: T) =>
  z.looseObject({ request_id: RequestId, complexity: z.number().int().nonnegative(), data })

export const WarehouseProduct = z.looseObject({
  id: GlobalId,
  legacy_id: z.number().int(),
  sku: z.string(),
  warehouse_id: GlobalId,
  on_hand: z.number().int(),
  allocated: z.number().int().nullable(),
  available: z.number().int().nullable(),
  reserve_inventory: z.number().int().nullable(),
  price: z.string().nullable(),
  value: z.string().nullable(),
  active: z.boolean().nullable(),
})
export type WarehouseProduct = z.infer<typeof WarehouseProduct>

export const Product = z.looseObject({
  id: GlobalId,
  legacy_id: z.number().int(),
  account_id: GlobalId,
  sku: z.string(),
  name: z.string(),
  barcode: z.string().nullable(),
  tags: z.array(z.string()).nullable(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
  warehouse_products: z.array(WarehouseProduct).nullable(),
})
export type Product = z.infer<typeof Product>

export const LineItem = z.looseObject({
  id: GlobalId,
  legacy_id: z.number().int(),
  sku: z.string(),
  partner_line_item_id: z.string(),
  quantity: z.number().int(),
  price: z.string(),
  fulfillment_status: z.string(),
  quantity_pending_fulfillment: z.number().int(),
  quantity_shipped: z.number().int(),
  quantity_allocated: z.number().int(),
  backorder_quantity: z.number().int(),
})
export const Order = z.looseObject({
  id: GlobalId,
  legacy_id: z.number().int(),
  order_number: z.string(),
  partner_order_id: z.string().nullable(),
  shop_name: z.string().nullable(),
  fulfillment_status: z.string(),
  order_date: z.string().nullable(),
  total_price: z.string().nullable(),
  tags: z.array(z.string()).nullable(),
  line_items: connection(LineItem),
})
export type Order = z.infer<typeof Order>

export const Shipment = z.looseObject({
  id: GlobalId,
  legacy_id: z.number().int(),
  order_id: GlobalId,
  warehouse_id: GlobalId,
  created_date: z.string().nullable(),
  line_items: connection(z.looseObject({ line_item_id: GlobalId, quantity: z.number().int() })),
  shipping_labels: z
    .array(
      z.looseObject({ tracking_number: z.string().nullable(), carrier: z.string().nullable() }),
    )
    .nullable(),
})
export type Shipment = z.infer<typeof Shipment>

export const Webhook = z.looseObject({
  id: GlobalId,
  legacy_id: z.number().int(),
  name: z.string(),
  url: z.string(),
  shop_name: z.string().nullable(),
  enabled: z.boolean().nullable(),
  health: z.enum(['HEALTHY', 'WARNING', 'UNHEALTHY']).nullable(),
  shared_signature_secret: z.string().nullable(),
})
export type Webhook = z.infer<typeof Webhook>

export const InventoryChange = z.looseObject({
  id: GlobalId,
  sku: z.string(),
  warehouse_id: GlobalId,
  previous_on_hand: z.number().int(),
  change_in_on_hand: z.number().int(),
  reason: z.string().nullable(),
  created_at: z.string(),
})
export const UserQuota = z.looseObject({
  credits_remaining: z.number().int(),
  max_available: z.number().int(),
  increment_rate: z.number().int(),
})

/** Webhook bodies [official samples, extended where the notes say so]. */
export const InventoryUpdatePayload = z.looseObject({
  webhook_type: z.literal('Inventory Update'),
  account_id: z.number().int(),
  account_uuid: GlobalId,
  inventory: z.array(
    z.looseObject({ sku: z.string(), inventory: z.string(), backorder_quantity: z.string() }),
  ),
})
export const InventoryChangePayload = z.looseObject({
  webhook_type: z.literal('Inventory Change'),
  account_id: z.number().int(),
  warehouse_id: z.number().int(),
  sku: z.string(),
  quantity: z.number().int(),
  previous_on_hand: z.number().int(),
  timestamp: z.string(),
  reason: z.string().nullable(),
})
export const ShipmentUpdatePayload = z.looseObject({
  webhook_type: z.literal('Shipment Update'),
  test: z.string(),
  fulfillment: z.looseObject({
    shipment_id: z.number().int(),
    shipment_uuid: GlobalId,
    warehouse_id: z.number().int(),
    order_number: z.string(),
    tracking_number: z.string(),
    line_items: z.array(z.looseObject({ sku: z.string(), quantity: z.number().int() })),
  }),
  packages: z.array(z.unknown()),
})
export const OrderAllocatedPayload = z.looseObject({
  webhook_type: z.enum(['Order Allocated', 'Order Deallocated']),
  order_id: z.number().int(),
  order_uuid: GlobalId,
  warehouse_id: z.number().int(),
  line_items: z.array(z.unknown()),
})
export const OrderCanceledPayload = z.looseObject({
  webhook_type: z.literal('Order Canceled'),
  order_id: z.number().int(),
  order_uuid: GlobalId,
  order_number: z.string(),
})
