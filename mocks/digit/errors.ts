import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { SimError, send, sendText } from '../core/index.ts'

/**
 * Digit's errors. HTTP-level refusals answer `{"errors":[{"message","extensions":{"code"}}]}`
 * (Apollo Server's shape; the 401 body is the notes' [proposal]); the rate limit answers
 * express-rate-limit's plain text. Errors inside an operation are GraphQL errors (HTTP 200)
 * with `path` and `extensions.code`.
 * @see https://learn.digit-software.com/en/articles/11940553-digit-api-access
 */
export const CODES = {
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  badUserInput: 'BAD_USER_INPUT',
  notFound: 'NOT_FOUND',
  rateLimited: 'RATE_LIMITED',
} as const

/** The answer to a missing, malformed, unknown or revoked token. */
export const unauthorized = () =>
  new SimError(401, CODES.unauthenticated, 'Unauthorized', {
    headers: { 'WWW-Authenticate': 'Bearer realm="digit"' },
  })

/** An error inside an operation (HTTP 200, the field answered null). */
export const digitError = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new SimError(200, code, message, { extra })

/** `order(orderId)` and `item(itemId)` for an id this account does not have. */
export const noResult = () => digitError(CODES.notFound, 'No result found')
export const badInput = (field: string, message: string) =>
  digitError(CODES.badUserInput, `${field}: ${message}`, { field })
export const missingPermission = (permission: string) =>
  digitError(CODES.forbidden, `Not authorized: requires ${permission}`, { permission })

/** HTTP-level errors in Digit's shape (control routes use the core's own). */
export function renderDigitError(err: SimError, c: Context<any>): Response {
  const status = (err.status === 200 ? 400 : err.status) as ContentfulStatusCode
  if (err.extra.text)
    return sendText(c, err.message, status, {
      ...err.headers,
      'content-type': 'text/html; charset=utf-8',
    })
  const { text: _t, ...extra } = err.extra
  const body = {
    errors: [{ message: err.message, extensions: { code: err.code.toUpperCase(), ...extra } }],
  }
  return send(c, body, status, err.headers)
}
