import type { Context } from 'hono'
import { type SimError, send } from '../core/index.ts'

/**
 * Digipix error envelope. Digipix documents only that "error descriptions can
 * be returned on 4xx or 5xx"; the shape is our [proposal]:
 * `{ "error": "<code>", "message": "<text>", "details": [{ "field", "message" }] }`.
 * The token endpoint answers RFC 6749 bodies: `{ "error", "error_description" }`.
 */
export function renderDigipixError(err: SimError, c: Context<any>): Response {
  const headers: Record<string, string> = { ...err.headers }
  if (err.status === 401 && !err.extra.oauth)
    headers['WWW-Authenticate'] =
      `Bearer realm="digipix", error="${err.code === 'unauthorized' ? 'invalid_request' : 'invalid_token'}"`
  const body = err.extra.oauth
    ? { error: err.code, error_description: err.message }
    : {
        error: err.code,
        message: err.message,
        ...(err.details.length ? { details: err.details } : {}),
      }
  return send(c, body, err.status, headers)
}
