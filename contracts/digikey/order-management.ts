import { z } from 'zod'
import { StatusInfo } from './order-status.ts'

/**
 * The Order Management v1 answers, as zod: vendorsim proposals (DigiKey publishes the operation
 * names, not their models; marked in the OpenAPI document and LIMITATIONS). The requests are in
 * `requests.ts`; `schemas.ts` re-exports both.
 * @see https://developer.digikey.com/products/ordering/ordermanagement
 */

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
