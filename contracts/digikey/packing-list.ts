import { z } from 'zod'

/**
 * The Packing List v1 answer, as zod: a vendorsim proposal (DigiKey publishes the operation,
 * not its model; marked in the OpenAPI document and LIMITATIONS). `schemas.ts` re-exports it.
 * @see https://developer.digikey.com/products/barcode/packinglist
 */

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
