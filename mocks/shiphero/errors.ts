import type { Context } from 'hono'
import { SimError, send } from '../core/index.ts'

/**
 * ShipHero's error codes (gRPC-style; 5 and 30 are documented, the rest are
 * [proposal]s listed in LIMITATIONS).
 * @see https://developer.shiphero.com/troubleshooting/error-glossary/
 */
export const CODES = {
  invalidArgument: 3,
  notFound: 5,
  permissionDenied: 7,
  internal: 13,
  unauthenticated: 16,
  notEnoughCredits: 30,
} as const

/** An error inside a GraphQL operation: HTTP 200, `code` and friends at the top level of the error object. */
export const shipHeroError = (code: number, message: string, extra: Record<string, unknown> = {}) =>
  new SimError(200, String(code), message, { extra })

export const notFound = (entity: string) => shipHeroError(CODES.notFound, `${entity} not found`)
export const invalid = (message: string) => shipHeroError(CODES.invalidArgument, message)

/**
 * HTTP-level errors. `/auth/*` answers Auth0-style `{error, error_description}`;
 * `/graphql` answers `{errors: [{message, code}]}`.
 */
export function renderShipHeroError(err: SimError, c: Context<any>): Response {
  const path = c.req.path
  let body: unknown
  if (path.startsWith('/auth/') || err.extra.auth0)
    body = { error: err.extra.auth0 ?? err.code, error_description: err.message }
  else {
    const code = Number(err.code)
    body = {
      errors: [
        {
          message: err.message,
          code: Number.isInteger(code)
            ? code
            : err.status === 401
              ? CODES.unauthenticated
              : err.status >= 500
                ? CODES.internal
                : CODES.invalidArgument,
        },
      ],
    }
  }
  return send(c, body, err.status === 200 ? 400 : err.status, err.headers)
}
