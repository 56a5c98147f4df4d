import type { SimContext } from './context.ts'
import type { SimError } from './errors.ts'
import type { IssueOptions, TokenRecord } from './token-record.ts'

/**
 * One token endpoint for every grant the vendors use (RFC 6749 §4): client
 * credentials, authorization code, resource-owner password and refresh (with or
 * without rotation). A vendor declares an endpoint — path, body encodings, grants,
 * how clients and users are checked, what tokens look like, the response body and
 * the error shape — and the core parses, checks in RFC order, issues through the
 * tenant's token kit and answers. The same declaration tells the core which body
 * fields identify the tenant (client id, login, refresh token, code).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4
 */
export type GrantType = 'client_credentials' | 'authorization_code' | 'password' | 'refresh_token'

export interface TokenClient {
  clientId: string
  clientSecret: string
}

/** Who a user token acts for (password and authorization-code grants). */
export interface TokenUser {
  subject: string
  meta?: Record<string, unknown>
}

/** What a grant established, handed to the vendor's `access` / `refresh` / `respond`. */
export interface GrantRequest {
  grant: GrantType
  /** The body's fields (strings from forms; any JSON value from JSON bodies). */
  fields: Readonly<Record<string, unknown>>
  client?: TokenClient
  /** The user (password grant) or the subject carried by a code or refresh token. */
  subject?: string
  user?: TokenUser
  scopes: readonly string[]
  /** Refresh grant: the refresh token presented. */
  previous?: TokenRecord
}

type Message<A extends unknown[] = []> = string | ((...args: A) => string)

/** How an endpoint says no: its vendor's token error. */
export type TokenFailure = (status: number, code: string, description: string) => SimError

export interface TokenEndpoint<S = any, C = any> {
  path: string
  /** Body encodings accepted; the first is the documented one. */
  encodings: ReadonlyArray<'form' | 'json'>
  grants: readonly GrantType[]
  /** The grant of a body that names none (ShipHero's `/auth/token` is a password grant without `grant_type`). */
  impliedGrant?: GrantType
  /** `required`: client_id + client_secret (body or HTTP Basic) for every grant; `none`: first-party password logins. */
  clientAuth: 'required' | 'none'
  /** Body field naming the user in password grants (`username`, `email`). */
  loginField?: string
  /** Scopes a client may ask for; others are `invalid_scope`. Omit to take any. */
  scopes?: readonly string[]
  /** Normalise and check the body's fields before anything else (strict vendors refuse unknown fields); throw the vendor's error. */
  fields?(
    raw: Record<string, unknown>,
    encoding: 'form' | 'json',
    c: SimContext<S, C>,
  ): Record<string, unknown>
  /** The client with this id and secret, in the environment the request addresses; `undefined` when either is wrong. */
  client?(c: SimContext<S, C>, clientId: string, clientSecret: string): TokenClient | undefined
  /** The user with this login and password; `undefined` when either is wrong (throw for blocked users). */
  user?(c: SimContext<S, C>, login: string, password: string): TokenUser | undefined
  /** Whether a refresh token presented here may be used (same client, same environment). */
  accepts?(c: SimContext<S, C>, record: TokenRecord, client: TokenClient | undefined): boolean
  /** The access token to issue (may throw the vendor's error, e.g. a user blocked since login). */
  access(c: SimContext<S, C>, req: GrantRequest): IssueOptions
  /** The refresh token to issue with it, or `undefined` for none (client credentials, non-rotating refresh). */
  refresh?(c: SimContext<S, C>, req: GrantRequest): IssueOptions | undefined
  /** A refresh token works once (the next one replaces it), or stays valid. */
  rotate: boolean
  respond(
    c: SimContext<S, C>,
    r: { access: TokenRecord; refresh?: TokenRecord; req: GrantRequest },
  ): Record<string, unknown>
  /** Extra headers of a successful answer (`Cache-Control: no-store`). */
  headers?: Record<string, string>
  /** The vendor's token error (default: RFC 6749 `{error, error_description}` through `oauthError`). */
  error?: TokenFailure
  /** HTTP status of `invalid_grant` (RFC 6749 says 400; some vendors answer 401 or 403). */
  invalidGrantStatus?: number
  messages?: Partial<{
    encoding: string
    notObject: string
    invalidJson: string
    invalidClient: Message<[SimContext<S, C>]>
    missingLogin: string
    missingRefresh: string
    invalidLogin: string
    invalidRefresh: Message<['unknown' | 'expired' | 'revoked' | 'used' | 'foreign']>
    invalidCode: string
    redirectMismatch: string
  }>
}

/** A vendor's message (text, or made from the case), else the default. */
export const text = <A extends unknown[]>(
  m: Message<A> | undefined,
  fallback: string,
  ...args: A
) => (m === undefined ? fallback : typeof m === 'string' ? m : m(...args))
