import { z } from 'zod'

/**
 * The Digipix wire, as zod schemas. Requests are strict (the simulator rejects
 * unknown fields); responses are loose (a client keeps working when the real
 * API adds a field). Fields marked `[proposal]` are not in Digipix's public
 * docs — see mocks/digipix/LIMITATIONS.md.
 *
 * @see https://api.digipix.io/docs
 */
export const SCOPES = ['orders', 'quote', 'products'] as const
export const Scope = z.enum(SCOPES)
export type Scope = z.infer<typeof Scope>

export const ORDER_STATUSES = [
  'QUOTE',
  'APPROVED',
  'NEW',
  'IN_MANUFACTURING',
  'SHIPPED',
  'DELIVERED',
  'CANCELED',
] as const
export const OrderStatus = z.enum(ORDER_STATUSES)
export type OrderStatus = z.infer<typeof OrderStatus>

export const SHIPMENT_METHODS = { 1: 'Cheapest', 2: 'Fastest', 3: 'Collect' } as const
export const ShipmentMethodId = z.union([z.literal(1), z.literal(2), z.literal(3)])

/** "any non-numeric characters will be removed", then exactly 8 digits. */
export const ZipCode = z
  .string()
  .transform((v) => v.replace(/\D/g, ''))
  .pipe(
    z
      .string()
      .regex(/^[0-9]{8}$/, 'zipCode must have exactly 8 digits once non-digits are removed'),
  )

// ── token ────────────────────────────────────────────────────────────────
export const TokenRequest = z.strictObject({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  grant_type: z.string().min(1),
  scope: z.array(z.string()).optional(),
})
export type TokenRequest = z.input<typeof TokenRequest>

export const TokenResponse = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
})
export type TokenResponse = z.infer<typeof TokenResponse>

/** RFC 6749 §5.2 error body of the token endpoint. [proposal] */
export { OAuthError } from '../shared/oauth.ts'

// ── products ─────────────────────────────────────────────────────────────
export const ProductPart = z.looseObject({
  id: z.string(),
  name: z.string(),
  required: z.boolean(),
  minFiles: z.number().int(),
  maxFiles: z.number().int(),
})
export const Product = z.looseObject({
  id: z.string(),
  name: z.string(),
  internalCode: z.number().int(),
  price: z.number(),
  weight: z.number(),
  productionTime: z.number().int(),
  parts: z.array(ProductPart),
})
export type Product = z.infer<typeof Product>
export const ProductList = z.array(Product)

// ── quote ────────────────────────────────────────────────────────────────
export const QuoteItem = z.strictObject({
  productId: z.string().min(1),
  quantity: z.number().int().min(1).max(10_000),
})
export const QuoteRequest = z.strictObject({
  zipCode: ZipCode,
  items: z.array(QuoteItem).min(1).max(100),
})
export type QuoteRequest = z.input<typeof QuoteRequest>

export const ShippingOption = z.looseObject({
  id: z.string(),
  shipmentMethodId: z.number().int(),
  shipmentMethod: z.string(),
  carrier: z.string(),
  cost: z.number(),
  estimatedDeliveryDays: z.number().int(),
})
export type ShippingOption = z.infer<typeof ShippingOption>
export const QuoteResponse = z.array(ShippingOption)

// ── orders ───────────────────────────────────────────────────────────────
export const Address = z.strictObject({
  street: z.string().min(1).max(200),
  number: z.string().min(1).max(20),
  complement: z.string().max(100).optional(),
  neighborhood: z.string().min(1).max(100),
  city: z.string().min(1).max(100),
  state: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'state must be a 2-letter UF')
    .transform((s) => s.toUpperCase()),
  zipCode: ZipCode,
  country: z.string().length(2).default('BR'),
})
export const Recipient = z.strictObject({
  name: z.string().min(1).max(200),
  email: z.email().optional(),
  phone: z.string().max(30).optional(),
  document: z
    .string()
    .transform((v) => v.replace(/\D/g, ''))
    .pipe(
      z
        .string()
        .regex(/^(\d{11}|\d{14})$/, 'document must be a CPF (11 digits) or CNPJ (14 digits)'),
    )
    .optional(),
  address: Address,
})
export const ItemFile = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  pages: z.number().int().min(1).optional(),
})
export const ItemPart = z.strictObject({
  partId: z.string().min(1),
  files: z.array(ItemFile).min(1),
})
export const OrderItem = z.strictObject({
  productId: z.string().min(1),
  quantity: z.number().int().min(1).max(10_000),
  parts: z.array(ItemPart).optional(),
  pages: z.number().int().min(1).optional(),
})

export const CreateOrderRequest = z.strictObject({
  customData: z.record(z.string(), z.unknown()).optional(),
  statusNotificationUrl: z.url({ protocol: /^https?$/ }).optional(),
  recipient: Recipient,
  items: z.array(OrderItem).min(1).max(100),
  status: z.string().optional(),
  shipmentId: z.string().min(1).optional(),
  shipmentMethodId: z.number().optional(),
  shipmentMethod: z.string().optional(),
  /** Deprecated by Digipix; accepted and ignored. */
  shipmentKey: z.string().optional(),
  partnerOrderID: z.string().max(64, 'partnerOrderID must be at most 64 characters').optional(),
})
export type CreateOrderRequest = z.input<typeof CreateOrderRequest>

export const PatchOrderRequest = z.strictObject({
  status: z.string().min(1),
  shipmentId: z.string().min(1).optional(),
  shipmentMethodId: z.number().optional(),
  shipmentKey: z.string().optional(),
})
export type PatchOrderRequest = z.input<typeof PatchOrderRequest>

export const TrackingItem = z.looseObject({
  carrier: z.string(),
  trackingCode: z.string(),
  trackingUrl: z.string(),
})

export const OrderShipment = ShippingOption.extend({
  trackingCode: z.string().optional(),
  trackingUrl: z.string().optional(),
})

const ResponseAddress = z.looseObject({
  street: z.string(),
  number: z.string(),
  neighborhood: z.string(),
  city: z.string(),
  state: z.string(),
  zipCode: z.string(),
})
export const Order = z.looseObject({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  partnerOrderID: z.string().optional(),
  status: OrderStatus,
  createdAt: z.string(),
  updatedAt: z.string().optional(),
  recipient: z.looseObject({ name: z.string(), address: ResponseAddress }),
  items: z.array(z.looseObject({ productId: z.string(), quantity: z.number() })),
  shipments: z.array(ShippingOption).optional(),
  shipment: OrderShipment.optional(),
  subtotal: z.number(),
  shippingCost: z.number().optional(),
  total: z.number(),
  customData: z.record(z.string(), z.unknown()).optional(),
  statusNotificationUrl: z.string().optional(),
})
export type Order = z.infer<typeof Order>

/** The POST Digipix sends to `statusNotificationUrl`. */
export const StatusCallback = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  customData: z.record(z.string(), z.unknown()).optional(),
  tracking_items: z.array(TrackingItem).optional(),
})
export type StatusCallback = z.infer<typeof StatusCallback>

/** Error body on 4xx/5xx. [proposal]: Digipix documents that errors "can be returned", not their shape. */
export const ErrorBody = z.looseObject({
  error: z.string(),
  message: z.string(),
  details: z.array(z.looseObject({ field: z.string(), message: z.string() })).optional(),
})
export type ErrorBody = z.infer<typeof ErrorBody>
