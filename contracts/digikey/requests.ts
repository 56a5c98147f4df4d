import { z } from 'zod'

/**
 * The bodies DigiKey accepts, as zod: the Ordering v3 `OrderRequest` and the Order Management
 * schedule changes. They are strict (the simulator reports unknown fields) and their messages
 * are .NET model binding's. The simulator validates with these alone; `schemas.ts` re-exports
 * them beside the responses, so loading the simulator does not build every response schema.
 * @see https://developer.digikey.com/products/ordering/ordering
 */

// ── Ordering v3 ─────────────────────────────────────────────────────────────

export const SHIP_METHODS = [
  'DHL worldwide Express',
  'FedEx ground',
  'FedEx 3 day',
  'FedEx 2 day',
  'FedEx standard overnight',
  'FedEx priority overnight',
  'FedEx first overnight',
  'FedEx international priority',
  'FedEx international economy',
  'UPS ground',
  'UPS 3 day',
  'UPS 2 day',
  'UPS 2 day noon',
  'UPS 1 day',
  'UPS 1 day 3 p.m.',
  'UPS 1 day early a.m.',
  'UPS worldwide expedited',
  'UPS worldwide express',
  'UPS worldwide saver',
  'USPS express mail international',
  'USPS express mail',
  'USPS priority mail',
  'USPS ground advantage',
  'USPS standard mail',
] as const
export type ShipMethod = (typeof SHIP_METHODS)[number]

/** .NET model-binding wording: "The X field is required." when absent, "The X field must be a <kind>." when of another type. */
const required = (field: string, kind = 'string') => ({
  error: (issue: { input: unknown; code?: string }) =>
    issue.input === undefined || issue.input === null
      ? `The ${field} field is required.`
      : issue.code === 'invalid_type'
        ? `The ${field} field must be ${kind}.`
        : undefined,
})
const text = (field: string, max: number) =>
  z
    .string(required(field, 'a string'))
    .trim()
    .min(1, `The ${field} field is required.`)
    .max(max, `The field ${field} must be a string with a maximum length of ${max}.`)
const optionalText = (field: string, max: number) =>
  z
    .string()
    .max(max, `The field ${field} must be a string with a maximum length of ${max}.`)
    .nullish()

export const Address = z.strictObject(
  {
    Company: optionalText('Company', 100),
    FirstName: optionalText('FirstName', 50),
    LastName: optionalText('LastName', 50),
    Email: z.email('The Email field is not a valid e-mail address.').nullish(),
    AddressLineOne: text('AddressLineOne', 100),
    AddressLineTwo: optionalText('AddressLineTwo', 100),
    City: text('City', 50),
    Province: optionalText('Province', 50),
    PostalCode: text('PostalCode', 20),
    Country: z
      .string(required('Country', 'a string'))
      .regex(/^[A-Z]{2}$/, 'The Country field must be a two-letter ISO 3166 code.'),
  },
  required('Address', 'an object'),
)

const contact = (field: string) =>
  z.strictObject(
    {
      CustomerId: z.string().max(20).nullish(),
      Name: text('Name', 100),
      Address: Address,
      Telephone: optionalText('Telephone', 30),
    },
    required(field, 'an object'),
  )
export const Contact = contact('Contact')

export const OrderLineItem = z.strictObject({
  DigiKeyPartNumber: text('DigiKeyPartNumber', 60),
  RequestedQuantity: z
    .number(required('RequestedQuantity', 'a number'))
    .int('The RequestedQuantity field must be a whole number.')
    .positive('The RequestedQuantity field must be greater than 0.')
    .max(10_000_000),
  UnitPrice: z.number().nonnegative('The UnitPrice field must not be negative.').nullish(),
  CustomerLineItemId: optionalText('CustomerLineItemId', 60),
  ManufacturerPartNumber: optionalText('ManufacturerPartNumber', 60),
  ProductDescription: optionalText('ProductDescription', 200),
  MfgCOfCRequired: z.boolean().nullish(),
})

/** OrderRequest, as the Ordering v3 model table gives it (not the seed page's top example). */
export const OrderRequest = z.strictObject({
  PurchaseOrderNumber: text('PurchaseOrderNumber', 40),
  Currency: z
    .string(required('Currency', 'a string'))
    .regex(/^[A-Z]{3}$/, 'The Currency field must be a three-letter ISO 4217 code.'),
  ShipControl: z
    .enum(['Immediate', 'Single'], 'ShipControl must be "Immediate" or "Single".')
    .nullish(),
  MfgCOfCRequired: z.boolean().nullish(),
  BuyerContact: contact('BuyerContact').nullish(),
  ShippingContact: contact('ShippingContact'),
  BillingAccount: z.number().int().nullish(),
  ShipMethod: z
    .enum(SHIP_METHODS, `ShipMethod must be one of: ${SHIP_METHODS.join(', ')}.`)
    .nullish(),
  ShipperAccountNumber: optionalText('ShipperAccountNumber', 30),
  LineItems: z
    .array(OrderLineItem, required('LineItems', 'an array'))
    .min(1, 'The LineItems field must contain at least one line item.')
    .max(500),
  OrderNotes: z.array(z.string().max(500)).max(20).nullish(),
  PackagingPreference: z
    .enum(['DKR', 'CT'], 'PackagingPreference must be "DKR" or "CT".')
    .nullish(),
  Taxable: z.boolean().nullish(),
  ExportQuestions: z.record(z.string(), z.unknown()).nullish(),
})
export type OrderRequest = z.input<typeof OrderRequest>

// ── Order Management v1 [proposal models] ───────────────────────────────────

/** A calendar date `yyyy-MM-dd` that exists (no 2026-02-30). */
const date = (field: string) =>
  z
    .string(required(field, 'a string'))
    .refine(
      (d) =>
        /^\d{4}-\d{2}-\d{2}$/.test(d) &&
        !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
        new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
      `The ${field} field must be a date (yyyy-MM-dd).`,
    )

export const ScheduleInput = z.strictObject({
  QuantityScheduled: z
    .number(required('QuantityScheduled', 'a number'))
    .int()
    .positive('The QuantityScheduled field must be greater than 0.'),
  ScheduledDate: date('ScheduledDate'),
})
/** PUT body: the detail's whole new schedule; quantities must add up to the open quantity. */
export const ReplaceScheduleRequest = z.strictObject({
  Schedules: z
    .array(ScheduleInput, required('Schedules', 'an array'))
    .min(1, 'The Schedules field must contain at least one schedule.')
    .max(12),
})
export const PartialScheduleUpdateRequest = z.strictObject({ ScheduledDate: date('ScheduledDate') })
