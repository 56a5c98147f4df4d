import type { Context } from 'hono'
import { oauthErrorBody, SimError, send } from '../core/index.ts'

/**
 * Stitchex's errors. The token endpoint and refused tokens answer Doorkeeper's
 * `{"error", "error_description"}`; everything else answers `{"message"}` (the key real clients
 * read), with `errors: [{field, message}]` when a write is refused field by field (422).
 * @see https://help.uphance.com/en/articles/2532044-uphance-api-for-developers
 */
export const notFound = (what: string) => new SimError(404, 'not_found', `${what} not found`)
export const unprocessable = (field: string, message: string) =>
  new SimError(422, 'unprocessable_entity', `${field} ${message}`, {
    details: [{ field, message }],
  })
export const badRequest = (message: string) => new SimError(400, 'bad_request', message)

export function renderStitchexError(err: SimError, c: Context<any>): Response {
  const body = err.extra.oauth
    ? oauthErrorBody(err)
    : {
        message: err.message,
        ...(err.details.length ? { errors: err.details } : {}),
      }
  return send(c, body, err.status === 200 ? 400 : err.status, err.headers)
}
