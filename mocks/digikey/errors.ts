import type { Context } from 'hono'
import { oauthErrorBody, type SimError, send, type Tenant } from '../core/index.ts'
import { PRODUCTS, productOf, type Envelope } from './apis.ts'
import type { DigiKeyCredentials, DigiKeyState } from './store.ts'

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}
/** ASP.NET Core's default problem types (DigiKey's v4 APIs are ASP.NET services) [proposal]. */
const TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
  403: 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
  404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
  429: 'https://tools.ietf.org/html/rfc6585#section-4',
  500: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
  503: 'https://tools.ietf.org/html/rfc9110#section-15.6.4',
}

/** The request id of this request: minted by the core (`requestId` of the definition), or made here for errors before a tenant is known. */
export function requestIdOf(c: Context<any>): string {
  let id = c.get('requestId') as string | undefined
  if (!id) {
    const tenant = c.get('tenant') as Tenant<DigiKeyState, DigiKeyCredentials> | undefined
    id = tenant ? tenant.ids.uuid() : '00000000-0000-4000-8000-000000000000'
    c.set('requestId', id)
  }
  return id
}

/** The v3 `ApiErrorResponse`. */
export const apiErrorBody = (err: SimError, requestId: string) => ({
  ErrorResponseVersion: '3.0.0.0',
  StatusCode: err.status,
  ErrorMessage: err.message,
  ErrorDetails: (err.extra.errorDetails as string | undefined) ?? null,
  RequestId: requestId,
  ValidationErrors: err.details.map((d) => ({ Field: d.field, Message: d.message })),
})

/** The v4 `DKProblemDetails`. */
export const problemBody = (err: SimError, requestId: string, instance: string) => {
  // No prototype: a field named `toString` or `__proto__` is just a field.
  const errors: Record<string, string[]> = Object.create(null)
  for (const d of err.details) (errors[d.field] ??= []).push(d.message)
  const details = err.extra.errorDetails as string | undefined
  return {
    type: TYPES[err.status] ?? TYPES[500]!,
    title: REASONS[err.status] ?? 'Error',
    status: err.status,
    detail: err.details.length ? err.message : details ? `${err.message}. ${details}` : err.message,
    instance,
    correlationId: requestId,
    ...(err.details.length ? { errors } : {}),
  }
}

/**
 * DigiKey's error envelopes: `ApiErrorResponse` for Ordering v3 and the gateway
 * (invalid client id on unknown paths, burst and daily limits); `DKProblemDetails`
 * for the v4-generation APIs (Order Status v4, and [proposal] Packing List v1 and
 * Order Management v1); RFC 6749 bodies on the token endpoint. A 401 answers in
 * the other envelope when the tenant's switch (or a fault's `other-envelope`
 * variant) says so, as the real service sometimes does. Every response carries
 * `X-DIGIKEY-REQUEST-ID`, equal to the body's `RequestId` / `correlationId`.
 */
export function renderDigiKeyError(err: SimError, c: Context<any>): Response {
  const requestId = requestIdOf(c)
  // The core adds this request's rate-limit headers where the error set none.
  const headers: Record<string, string> = { ...err.headers, 'X-DIGIKEY-REQUEST-ID': requestId }
  let body: unknown
  if (err.extra.oauth) body = oauthErrorBody(err)
  else {
    const product = productOf(c.req.path)
    let envelope: Envelope = err.extra.gateway || !product ? 'v3' : PRODUCTS[product].envelope
    const tenant = c.get('tenant') as Tenant<DigiKeyState, DigiKeyCredentials> | undefined
    if (
      err.status === 401 &&
      (err.extra.variant === 'other-envelope' || tenant?.state.settings.swapEnvelopeOn401)
    )
      envelope = envelope === 'v3' ? 'v4' : 'v3'
    body =
      envelope === 'v3' ? apiErrorBody(err, requestId) : problemBody(err, requestId, c.req.path)
  }
  return send(c, body, err.status, headers)
}

/** `LineItems[0].RequestedQuantity`: .NET model-binding field names. */
export function dotnetPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p)
  return out
}

/** zod issues as .NET model-binding problems: unknown fields named, paths like `Schedules[0].ScheduledDate`. */
export function dotnetProblems(
  issues: ReadonlyArray<{ code?: string; path: PropertyKey[]; message: string; keys?: string[] }>,
  model: string,
): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = []
  for (const issue of issues) {
    const base = dotnetPath(issue.path)
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys)
        problems.push({
          field: base ? `${base}.${key}` : key,
          message: `${key} is not a field of ${base ? 'this object' : model}; see the ${model} model.`,
        })
    } else problems.push({ field: base, message: issue.message })
  }
  return problems
}
