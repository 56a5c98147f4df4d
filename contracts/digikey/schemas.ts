import { z } from 'zod'

/**
 * DigiKey's wire, as zod: OAuth token responses, both error envelopes
 * (ApiErrorResponse of the v3 APIs, DKProblemDetails of the v4 ones), Ordering
 * v3, Order Status v4, Packing List v1 and Order Management v1. Request
 * schemas are strict (the simulator reports unknown fields); response schemas
 * accept extra fields, so a client keeps working when DigiKey adds one.
 * Models without public documentation (Packing List, Order Management) are
 * vendorsim proposals, marked in the OpenAPI document and LIMITATIONS.
 * @see https://developer.digikey.com/products/ordering/ordering
 * @see https://developer.digikey.com/products/order-status/orderstatus
 */

// ── OAuth ───────────────────────────────────────────────────────────────────

/** 2-legged: `{ access_token, token_type, expires_in }`; 3-legged adds the refresh token and its lifetime. */
export const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().int().positive().optional(),
})
export type TokenResponse = z.output<typeof TokenResponse>

/** RFC 6749 token-endpoint error, as DigiKey answers `invalid_grant`. */
export { OAuthError } from '../shared/oauth.ts'

// ── Error envelopes ─────────────────────────────────────────────────────────

export const ApiValidationError = z.object({ Field: z.string(), Message: z.string() })

/** v3-era APIs (Ordering v3) and the gateway (burst limits, invalid client id). */
export const ApiErrorResponse = z.object({
  ErrorResponseVersion: z.string(),
  StatusCode: z.number().int(),
  ErrorMessage: z.string(),
  ErrorDetails: z.string().nullable(),
  RequestId: z.string(),
  ValidationErrors: z.array(ApiValidationError),
})
export type ApiErrorResponse = z.output<typeof ApiErrorResponse>

/** v4 APIs: DigiKey's problem details, verbatim from the ProductSearch v4 Swagger (`additionalProperties: false`). */
export const DKProblemDetails = z.strictObject({
  type: z.string().nullish(),
  title: z.string().nullish(),
  status: z.number().int().nullish(),
  detail: z.string().nullish(),
  instance: z.string().nullish(),
  correlationId: z.string().nullish(),
  errors: z.record(z.string(), z.array(z.string())).nullish(),
})
export type DKProblemDetails = z.output<typeof DKProblemDetails>

/** Either envelope: DigiKey sometimes answers a 401 in the other one. */
export const DigiKeyErrorBody = z.union([ApiErrorResponse, DKProblemDetails])

// ── Ordering v3 ─────────────────────────────────────────────────────────────

/** The request bodies (OrderRequest, the schedule changes): `requests.ts`. */
export * from './requests.ts'

export const OrderResponse = z.object({
  Message: z.string().nullable(),
  /** The sales order id; `0` when only Marketplace products were ordered; `-1` when accepted but not yet assigned (do not resubmit). */
  SalesOrderId: z.number().int(),
  PurchaseOrderNumber: z.string().nullable(),
  SalesOrderIds_DKPlus: z.array(z.number().int()).nullable(),
})
export type OrderResponse = z.output<typeof OrderResponse>

// ── Order Status v4 ─────────────────────────────────────────────────────────

export const SALES_ORDER_STATUSES = [
  'Unknown',
  'Received',
  'Processing',
  'Processing3rdParty',
  'ProcessingPartialShipment',
  'ProcessingAwaitingBackorders',
  'ProcessingShipBackorder',
  'ProcessingScheduledShipmentMultipleRelease',
  'ProcessingScheduledShipmentSingleRelease',
  'ProcessingScheduledShipmentMsc',
  'Shipped',
  'Delivered',
  'GenericDelay',
  'Canceled',
  'Proforma',
  'ActionRequiredWireTransfer',
] as const
export type SalesOrderStatus = (typeof SALES_ORDER_STATUSES)[number]

export const PACK_TYPES = [
  'TapeReel',
  'CutTape',
  'Bulk',
  'TapeBox',
  'Tube',
  'Tray',
  'Box',
  'Bag',
  'Spools',
  'DigiReel',
  'Strip',
  'Bottle',
  'Canister',
  'Book',
  'Dispenser',
  'Sheet',
  'Pail',
  'Can',
  'Case',
  'RetailPkg',
  'DigiSpool',
  'ElectronicDelivery',
] as const

export const StatusInfo = z.object({
  SalesOrderStatus: z.enum(SALES_ORDER_STATUSES),
  ShortDescription: z.string(),
  LongDescription: z.string(),
})

export const ItemShipment = z.object({
  QuantityShipped: z.number().int(),
  InvoiceId: z.number().int(),
  ShippedDate: z.string(),
  TrackingNumber: z.string().nullable(),
  ExpectedDeliveryDate: z.string().nullable(),
})

export const Schedule = z.object({
  QuantityScheduled: z.number().int(),
  ScheduledDate: z.string(),
  DigiKeyReleaseDate: z.string().nullable(),
})

export const SalesOrderLineItem = z.object({
  SalesOrderId: z.number().int(),
  DetailId: z.number().int(),
  TotalPrice: z.number(),
  PurchaseOrder: z.string().nullable(),
  CustomerReference: z.string().nullable(),
  CountryOfOrigin: z.string().nullable(),
  DigiKeyProductNumber: z.string(),
  ManufacturerProductNumber: z.string(),
  Description: z.string(),
  PackType: z.enum(PACK_TYPES),
  QuantityInitialRequested: z.number().int(),
  QuantityOrdered: z.number().int(),
  QuantityShipped: z.number().int(),
  QuantityReserved: z.number().int(),
  QuantityBackOrder: z.number().int(),
  UnitPrice: z.number(),
  PoLineItemNumber: z.string().nullable(),
  ItemShipments: z.array(ItemShipment),
  Schedules: z.array(Schedule),
})

export const ShippingAddress = z.object({
  FirstName: z.string().nullable(),
  LastName: z.string().nullable(),
  CompanyName: z.string().nullable(),
  AddressLine1: z.string().nullable(),
  AddressLine2: z.string().nullable(),
  AddressLine3: z.string().nullable(),
  City: z.string().nullable(),
  State: z.string().nullable(),
  County: z.string().nullable(),
  ZipCode: z.string().nullable(),
  IsoCode: z.string().nullable(),
  Phone: z.string().nullable(),
  InvoiceId: z.number().int().nullable(),
})

export const SalesOrder = z.object({
  CustomerId: z.number().int(),
  Contact: z.object({
    FirstName: z.string().nullable(),
    LastName: z.string().nullable(),
    Email: z.string().nullable(),
  }),
  SalesOrderId: z.number().int(),
  Status: StatusInfo,
  PurchaseOrder: z.string().nullable(),
  TotalPrice: z.number(),
  DateEntered: z.string(),
  OrderNumber: z.number(),
  ShipMethod: z.string().nullable(),
  Currency: z.string(),
  ShippingAddress: ShippingAddress,
  LineItems: z.array(SalesOrderLineItem),
})
export type SalesOrder = z.output<typeof SalesOrder>

export const OrderSummary = z.object({
  OrderNumber: z.number(),
  CustomerId: z.number().int(),
  DateEntered: z.string(),
  Currency: z.string(),
  PONumber: z.string().nullable(),
  EntireOrderStatus: z.object({
    Status: z.string(),
    ShortDescription: z.string(),
    LongDescription: z.string(),
  }),
  SalesOrders: z.array(SalesOrder),
})

export const OrderSearchResponse = z.object({
  TotalOrders: z.number().int(),
  Orders: z.array(OrderSummary),
})
export type OrderSearchResponse = z.output<typeof OrderSearchResponse>

// ── Packing List v1 [proposal model] ────────────────────────────────────────

export const PackingListLine = z.object({
  DetailId: z.number().int(),
  DigiKeyProductNumber: z.string(),
  ManufacturerProductNumber: z.string(),
  Description: z.string(),
  QuantityShipped: z.number().int(),
  CountryOfOrigin: z.string().nullable(),
})

export const PackingList = z.object({
  SalesOrderId: z.number().int(),
  InvoiceId: z.number().int(),
  PurchaseOrder: z.string().nullable(),
  ShipDate: z.string(),
  Carrier: z.string(),
  TrackingNumber: z.string(),
  LineItems: z.array(PackingListLine),
  /** Base64 PDF, only with `includePdf=true`. */
  PackingListPdf: z.string().nullable(),
})
export type PackingList = z.output<typeof PackingList>

// ── Order Management v1 [proposal models] ───────────────────────────────────

export const ScheduleView = z.object({
  ScheduleIndex: z.number().int(),
  QuantityScheduled: z.number().int(),
  ScheduledDate: z.string(),
  DigiKeyReleaseDate: z.string().nullable(),
})

export const SalesOrderDetailView = z.object({
  SalesOrderId: z.number().int(),
  DetailId: z.number().int(),
  DigiKeyProductNumber: z.string(),
  ManufacturerProductNumber: z.string(),
  Description: z.string(),
  QuantityOrdered: z.number().int(),
  QuantityShipped: z.number().int(),
  QuantityOpen: z.number().int(),
  UnitPrice: z.number(),
  Schedules: z.array(ScheduleView),
})

export const SalesOrderView = z.object({
  SalesOrderId: z.number().int(),
  OrderNumber: z.number(),
  CustomerId: z.number().int(),
  PurchaseOrderNumber: z.string().nullable(),
  Status: StatusInfo,
  DateEntered: z.string(),
  Currency: z.string(),
  ShipMethod: z.string().nullable(),
  ShipControl: z.enum(['Immediate', 'Single']),
  Details: z.array(SalesOrderDetailView),
})
export type SalesOrderView = z.output<typeof SalesOrderView>

export const ChangeEligibility = z.object({
  SalesOrderId: z.number().int(),
  IsEligible: z.boolean(),
  Reason: z.string().nullable(),
})

export const SalesOrderSchedulesView = z.object({
  SalesOrderId: z.number().int(),
  Details: z.array(
    z.object({
      DetailId: z.number().int(),
      QuantityOpen: z.number().int(),
      Schedules: z.array(ScheduleView),
    }),
  ),
})

export const ScheduleChangeAccepted = z.object({
  SalesOrderId: z.number().int(),
  DetailId: z.number().int(),
  Message: z.string(),
  EffectiveAfterSeconds: z.number().int(),
})

export const NextAvailableDeliveryDate = z.object({
  ShipMethod: z.string(),
  ReleaseDate: z.string(),
  DeliveryDate: z.string(),
})

// ── Rate limits ─────────────────────────────────────────────────────────────

/** The documented BurstLimit body (an ApiErrorResponse). */
export const BurstLimitBody = ApiErrorResponse.extend({
  StatusCode: z.literal(429),
  ErrorMessage: z.literal('BurstLimit exceeded'),
})
