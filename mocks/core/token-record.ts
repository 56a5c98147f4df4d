/*
 * What the token kit stores and issues: the types its users (token endpoints, vendors' auth
 * guards, the tenant context) share. A leaf: it imports nothing.
 */

export type Legs = 2 | 3

export interface TokenRecord {
  readonly token: string
  readonly kind: 'access' | 'refresh' | 'static'
  readonly clientId: string
  /** The user or account the token acts for (password / authorization-code grants). */
  readonly subject?: string
  readonly scopes: readonly string[]
  readonly issuedAt: number
  /** `null` for tokens that never expire (static API tokens). */
  readonly expiresAt: number | null
  /** 2-legged (client only) or 3-legged (on behalf of a user). */
  readonly legs: Legs
  readonly environment: string
  /** Free-form vendor data (partner name, permissions, ...). */
  readonly meta: Readonly<Record<string, unknown>>
  /**
   * Session state a route may change while the token lives (Stitchex keeps the
   * current organisation against the token). Use `TokenKit.setSession`.
   */
  readonly session: Readonly<Record<string, unknown>>
}

export type VerifyResult =
  | { ok: true; record: TokenRecord }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'used' }

/** Sim-wide map token → tenant, so a bearer token alone finds its tenant. */
export type TokenIndex = Map<string, string>

export interface IssueOptions {
  clientId: string
  scopes?: readonly string[]
  ttlSeconds: number | null
  subject?: string
  legs?: Legs
  environment?: string
  meta?: Record<string, unknown>
  /**
   * Opaque tokens by default; `jwt` signs an HS256 JWT with the given claims builder;
   * `given` registers a token whose text the vendor chose (Digit's `da_…` API tokens).
   */
  format?:
    | { kind: 'opaque'; length?: number; prefix?: string }
    | {
        kind: 'jwt'
        secret: string
        claims: (times: { iat: number; exp: number | null }) => Record<string, unknown>
      }
    | { kind: 'given'; token: string }
}
