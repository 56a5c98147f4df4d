import { z } from 'zod'
import { ORDER_STATUSES } from '../../contracts/digit/requests.ts'

/**
 * The rows Digit's tables keep, as the schemas every write is checked against: items, customer
 * companies and their locations, sales orders and their lines. Each belongs to one account
 * (`primary` or `sandbox`); times are epoch ms.
 */

const Money = z.object({ amount: z.number(), currency: z.string() })

export const ItemRow = z.object({
  id: z.string(),
  account: z.enum(['primary', 'sandbox']),
  name: z.string().min(1),
  sku: z.string().nullable(),
  description: z.string().nullable(),
  itemTypes: z.array(z.enum(['sell', 'buy', 'make'])),
  status: z.enum(['active', 'inactive', 'archived']),
  trackingMethod: z.enum(['none', 'serialized', 'batch']),
  uomId: z.string(),
  price: Money.nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
})
export type ItemRow = z.output<typeof ItemRow>

export const CompanyRow = z.object({
  id: z.string(),
  account: z.enum(['primary', 'sandbox']),
  name: z.string().min(1),
  type: z.array(z.enum(['customer', 'vendor'])),
  kind: z.enum(['company', 'individual']),
  createdAt: z.number(),
})
export type CompanyRow = z.output<typeof CompanyRow>

export const LocationRow = z.object({
  id: z.string(),
  account: z.enum(['primary', 'sandbox']),
  companyId: z.string(),
  title: z.string().nullable(),
  addressLineOne: z.string(),
  addressLineTwo: z.string().nullable(),
  city: z.string(),
  state: z.string().nullable(),
  zip: z.string(),
  country: z.string(),
  isShippingDefault: z.boolean(),
  isBillingDefault: z.boolean(),
  createdAt: z.number(),
})
export type LocationRow = z.output<typeof LocationRow>

/** Digit's order statuses (the wire's enum). */
export { ORDER_STATUSES }
export type OrderStatus = (typeof ORDER_STATUSES)[number]

const OrderLine = z.object({
  id: z.string(),
  itemId: z.string(),
  quantity: z.number().positive(),
  fulfilled: z.number().min(0),
  costAmount: z.number().min(0),
  currency: z.string(),
})
export type OrderLine = z.output<typeof OrderLine>

export const OrderRow = z.object({
  id: z.string(),
  account: z.enum(['primary', 'sandbox']),
  number: z.number().int().positive(),
  orderDate: z.number(),
  status: z.enum(ORDER_STATUSES),
  paymentStatus: z.enum(['not_paid', 'partially_paid', 'paid', 'refunded']),
  customerId: z.string(),
  shippingAddressId: z.string(),
  billingAddressId: z.string().nullable(),
  reference: z.string().nullable(),
  notes: z.string().nullable(),
  requestedDeliveryDate: z.number().nullable(),
  lines: z.array(OrderLine).min(1),
  createdAt: z.number(),
  updatedAt: z.number(),
})
export type OrderRow = z.output<typeof OrderRow>
