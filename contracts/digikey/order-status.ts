import { z } from 'zod'

/**
 * DigiKey's Order Status v4 answers, as zod: the sales order with its status, line items,
 * shipments and schedules, and the order search. Loose objects: DigiKey may add fields.
 * `schemas.ts` re-exports them.
 * @see https://developer.digikey.com/products/order-status/orderstatus
 */

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
