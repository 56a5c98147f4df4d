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

// ── Order Status v4, Packing List v1, Order Management v1: files of their own ──

export * from './order-management.ts'
export * from './order-status.ts'
export * from './packing-list.ts'

// ── Rate limits ─────────────────────────────────────────────────────────────

/** The documented BurstLimit body (an ApiErrorResponse). */
export const BurstLimitBody = ApiErrorResponse.extend({
  StatusCode: z.literal(429),
  ErrorMessage: z.literal('BurstLimit exceeded'),
})
