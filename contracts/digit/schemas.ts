import { z } from 'zod'
import { ORDER_STATUSES } from './requests.ts'

/**
 * Zod contracts of Digit's wire format: GraphQL answers and error objects, the 401 body, the
 * entities the client reads, and the simulator's token records. Loose objects: Digit may add fields.
 * @see https://api.digit-software.com/docs
 */
/** What Digit's inputs accept, without zod (the simulator loads only that): `requests.ts`. */
export * from './requests.ts'

export const Uuid7 = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a UUIDv7')
export const ClerkOrgId = z.string().regex(/^org_[A-Za-z0-9]{27}$/, 'a Clerk organization id')
export const ApiToken = z.string().regex(/^da_[A-Za-z0-9]+$/, 'a da_ API token')
export const DateTimeIso = z.iso.datetime({ offset: true })

export const GraphqlErrorObject = z.looseObject({
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  locations: z.array(z.object({ line: z.number(), column: z.number() })).optional(),
  extensions: z.looseObject({ code: z.string().optional() }).optional(),
})
export const GraphqlResponse = z.looseObject({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z.array(GraphqlErrorObject).optional(),
})
/** The answer to a missing, malformed, unknown or revoked token (HTTP 401). */
export const UnauthorizedBody = z.object({
  errors: z.tuple([
    z.looseObject({
      message: z.literal('Unauthorized'),
      extensions: z.looseObject({ code: z.literal('UNAUTHENTICATED') }),
    }),
  ]),
})
/** express-rate-limit's default answer (HTTP 429, text). */
export const RATE_LIMIT_MESSAGE = 'Too many requests, please try again later.'

export const PageInfo = z.object({
  hasNextPage: z.boolean(),
  hasPreviousPage: z.boolean(),
  startCursor: z.string().nullable(),
  endCursor: z.string().nullable(),
})
export const nodesConnection = <T extends z.ZodType>(node: T) =>
  z.looseObject({ nodes: z.array(node), totalCount: z.number().int(), pageInfo: PageInfo })

export const Currency = z.looseObject({ code: z.string(), symbol: z.string().nullish() })
export const Cost = z.looseObject({ costAmount: z.number(), currency: Currency })
export const Uom = z.looseObject({ id: z.string(), name: z.string(), symbol: z.string().nullish() })
export const Item = z.looseObject({
  id: Uuid7,
  name: z.string(),
  sku: z.string().nullish(),
  itemTypes: z.array(z.enum(['sell', 'buy', 'make'])).optional(),
  status: z.enum(['active', 'inactive', 'archived']).optional(),
  trackingMethod: z.enum(['none', 'serialized', 'batch']).optional(),
  defaultStockUom: Uom.optional(),
  defaultSalesPrice: Cost.nullish(),
})
export const Address = z.looseObject({
  id: Uuid7,
  title: z.string().nullish(),
  addressLineOne: z.string().nullish(),
  addressLineTwo: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  zip: z.string().nullish(),
  country: z.string().nullish(),
})
export const Company = z.looseObject({
  id: Uuid7,
  name: z.string().nullish(),
  locations: z.array(Address).optional(),
})
export const OrderStatus = z.enum(ORDER_STATUSES)
export const OrderItem = z.looseObject({
  id: Uuid7,
  quantity: z.number(),
  fulfilledQuantity: z.number().optional(),
  item: Item.partial().optional(),
  cost: Cost.optional(),
})
export const Order = z.looseObject({
  id: Uuid7,
  orderNumber: z.string().optional(),
  documentNumber: z.string().optional(),
  orderDate: DateTimeIso.optional(),
  orderStatus: OrderStatus.optional(),
  paymentStatus: z.string().optional(),
  shippedPercentage: z.number().nullish(),
  customerReferenceNumber: z.string().nullish(),
  customer: Company.partial().nullish(),
  shippingAddress: Address.nullish(),
  billingAddress: Address.nullish(),
  items: z.array(OrderItem).optional(),
  totalOrderAmount: Cost.nullish(),
})
export const Organization = z.looseObject({
  id: ClerkOrgId,
  name: z.string().optional(),
  defaultCurrency: Currency.optional(),
})
export const User = z.looseObject({
  id: z.string(),
  username: z.string().nullish(),
  email: z.string().nullish(),
})
export const Permission = z.looseObject({
  key: z.string().regex(/^[A-Z_]+$/),
  value: z.string().optional(),
  description: z.string().nullish(),
})

/** `POST /_sandbox/tenants` on the simulator: the primary account's token and org, and the SANDBOX account's. */
export const DigitTenantCredentials = z.object({
  token: ApiToken,
  organizationId: ClerkOrgId,
  sandbox: z.object({ token: ApiToken, organizationId: ClerkOrgId }),
})
/** `POST /_sandbox/tokens` on the simulator: the token text is shown once, here. */
export const DigitTokenCreated = z.object({
  id: Uuid7,
  token: ApiToken,
  organizationId: ClerkOrgId,
  account: z.enum(['primary', 'sandbox']),
  name: z.string(),
  permissions: z.array(z.string()),
})
/** `GET /_sandbox/tokens`: every token without its text. */
export const DigitTokenRecord = DigitTokenCreated.omit({ token: true }).extend({
  createdAt: DateTimeIso,
  revoked: z.boolean(),
  preview: z.string(),
})
