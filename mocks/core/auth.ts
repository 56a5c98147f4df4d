import type { Clock } from './clock.ts'
import type { IdFactory } from './ids.ts'
import { signHs256 } from './jwt.ts'

/**
 * The token kit shared by every vendor: one store per tenant, every flavour the
 * vendors use — client credentials with scopes (Digipix, DigiKey 2-legged),
 * authorization code + refresh rotation (DigiKey 3-legged), password grant +
 * refresh (ShipHero, Stitchex), static API tokens with permissions (Digit).
 * Expiry is read from the tenant clock; nothing here knows a vendor's wire format.
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

export interface AuthorizationCode {
  readonly code: string
  readonly clientId: string
  readonly redirectUri: string
  readonly subject: string
  readonly scopes: readonly string[]
  readonly expiresAt: number
  used: boolean
}

/**
 * Create a tenant's token store.
 * @example
 * const auth = createTokenKit({ clock, ids, index, tenantId: 'default' })
 * const t = auth.issue({ clientId: 'abc', scopes: ['orders'], ttlSeconds: 3600 })
 * auth.verify(t.token) // { ok: true, record }
 */
export function createTokenKit(deps: {
  clock: Clock
  ids: IdFactory
  index: TokenIndex
  tenantId: string
}) {
  const { clock, ids, index, tenantId } = deps
  const tokens = new Map<string, TokenRecord & { state: 'live' | 'revoked' | 'used' }>()
  const codes = new Map<string, AuthorizationCode>()

  // Expired tokens are forgotten a day after they expire (until then they still answer "expired"):
  // swept every 256 issues, so a tenant that mints tokens for ever holds only the live ones.
  const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000
  let issuedSinceSweep = 0
  /** Live refresh tokens kept per client and user; the oldest is forgotten past it (identity providers cap them too). */
  const MAX_REFRESH = 1000
  const refreshQueues = new Map<string, string[]>()
  const sweep = () => {
    const cutoff = clock.now() - PRUNE_AFTER_MS
    for (const [token, r] of tokens) {
      if (r.expiresAt !== null && r.expiresAt < cutoff) {
        tokens.delete(token)
        if (index.get(token) === tenantId) index.delete(token)
      }
    }
    for (const [code, entry] of codes) {
      if (entry.expiresAt < cutoff) {
        codes.delete(code)
        if (index.get(code) === tenantId) index.delete(code)
      }
    }
  }

  const issue = (kind: TokenRecord['kind'], o: IssueOptions): TokenRecord => {
    const issuedAt = clock.now()
    const expiresAt = o.ttlSeconds === null ? null : issuedAt + o.ttlSeconds * 1000
    let token: string
    const format = o.format ?? { kind: 'opaque' }
    if (format.kind === 'jwt') {
      token = signHs256(
        format.claims({
          iat: Math.floor(issuedAt / 1000),
          exp: expiresAt === null ? null : Math.floor(expiresAt / 1000),
        }),
        format.secret,
      )
      // Two tokens minted in the same second with the same claims are the same JWT; keep one record.
    } else if (format.kind === 'given') {
      // The same text again in this store, or in another tenant's, is a clash; a tenant being
      // rebuilt by a reset registers its own tokens again, under the same tenant id.
      const owner = index.get(format.token)
      if (tokens.has(format.token) || (owner !== undefined && owner !== tenantId))
        throw new Error('a token with this text already exists')
      token = format.token
    } else {
      token = (format.prefix ?? '') + ids.hex(format.length ?? 40)
    }
    const record = {
      token,
      kind,
      clientId: o.clientId,
      subject: o.subject,
      scopes: [...(o.scopes ?? [])],
      issuedAt,
      expiresAt,
      legs: o.legs ?? 2,
      environment: o.environment ?? 'sandbox',
      meta: { ...(o.meta ?? {}) },
      session: {},
      state: 'live' as const,
    }
    tokens.set(token, record)
    index.set(token, tenantId)
    if (kind === 'refresh') {
      // Refresh tokens may never expire (ShipHero's): keep the newest MAX_REFRESH per client and user.
      const key = `${record.clientId}|${record.subject ?? ''}`
      let queue = refreshQueues.get(key)
      if (!queue) refreshQueues.set(key, (queue = []))
      queue.push(token)
      if (queue.length > MAX_REFRESH) {
        const oldest = queue.shift()!
        tokens.delete(oldest)
        if (index.get(oldest) === tenantId) index.delete(oldest)
      }
    }
    if (++issuedSinceSweep >= 256) {
      issuedSinceSweep = 0
      sweep()
    }
    return record
  }

  return {
    /** Issue an access token. */
    issue: (o: IssueOptions) => issue('access', o),
    /** Issue a refresh token (opaque). */
    issueRefresh: (o: IssueOptions) => issue('refresh', o),
    /** Register a long-lived API token (Digit-style) with permissions in `scopes`; `format: { kind: 'given', token }` keeps the vendor's text. */
    issueStatic: (o: Omit<IssueOptions, 'ttlSeconds'>) =>
      issue('static', { ...o, ttlSeconds: null }),

    /** Change a live token's session state (merged); `false` when the token is unknown. */
    setSession(token: string, patch: Record<string, unknown>) {
      const record = tokens.get(token)
      if (!record) return false
      Object.assign(record.session as Record<string, unknown>, patch)
      return true
    },

    /** Records of this tenant, oldest first (for listings: strip `token` before showing them). */
    list(where?: (r: TokenRecord & { state: 'live' | 'revoked' | 'used' }) => boolean) {
      const all = [...tokens.values()]
      return where ? all.filter(where) : all
    },

    verify(token: string, kind: TokenRecord['kind'] | 'any' = 'any'): VerifyResult {
      const record = tokens.get(token)
      if (!record || (kind !== 'any' && record.kind !== kind))
        return { ok: false, reason: 'unknown' }
      if (record.state === 'revoked') return { ok: false, reason: 'revoked' }
      if (record.state === 'used') return { ok: false, reason: 'used' }
      if (record.expiresAt !== null && clock.now() >= record.expiresAt)
        return { ok: false, reason: 'expired' }
      return { ok: true, record }
    },

    /**
     * Consume a refresh token for rotation: it is marked used, so presenting it
     * again fails with `used`. Returns the record it carried.
     */
    consumeRefresh(token: string): VerifyResult {
      const result = this.verify(token, 'refresh')
      if (result.ok) tokens.set(token, { ...tokens.get(token)!, state: 'used' })
      return result
    },

    revoke(token: string) {
      const record = tokens.get(token)
      if (record) tokens.set(token, { ...record, state: 'revoked' })
      return record !== undefined
    },

    /** Make a token expire now (a test hook); `false` when unknown. */
    expire(token: string) {
      const record = tokens.get(token)
      if (record)
        tokens.set(token, {
          ...record,
          expiresAt: Math.min(record.expiresAt ?? Infinity, clock.now()),
        })
      return record !== undefined
    },

    /** Mint a single-use authorization code. */
    issueCode(o: {
      clientId: string
      redirectUri: string
      subject: string
      scopes?: readonly string[]
      ttlSeconds: number
    }): AuthorizationCode {
      const code = ids.autoId()
      const entry: AuthorizationCode = {
        code,
        clientId: o.clientId,
        redirectUri: o.redirectUri,
        subject: o.subject,
        scopes: [...(o.scopes ?? [])],
        expiresAt: clock.now() + o.ttlSeconds * 1000,
        used: false,
      }
      codes.set(code, entry)
      // A code alone finds its tenant, like a token.
      index.set(code, tenantId)
      return entry
    },

    /** Redeem a code once; `undefined` when unknown, used, expired or issued for another client/redirect. */
    redeemCode(
      code: string,
      clientId: string,
      redirectUri: string | undefined,
    ): AuthorizationCode | undefined {
      const entry = codes.get(code)
      if (!entry || entry.used || clock.now() >= entry.expiresAt) return undefined
      if (
        entry.clientId !== clientId ||
        (redirectUri !== undefined && redirectUri !== entry.redirectUri)
      )
        return undefined
      entry.used = true
      return entry
    },

    /** Live tokens, for `/_sandbox/state` (the token text is never listed). */
    summary() {
      let live = 0
      for (const r of tokens.values())
        if (r.state === 'live' && (r.expiresAt === null || clock.now() < r.expiresAt)) live++
      return { issued: tokens.size, live }
    },

    /** Forget tokens and codes expired more than a day ago (also done every 256 issues). */
    prune: sweep,

    /** File this store's tokens and codes in the sim-wide index again (a reset's fresh tenant, after the old one's were dropped). */
    reindex() {
      for (const token of tokens.keys()) index.set(token, tenantId)
      for (const code of codes.keys()) index.set(code, tenantId)
    },

    /** Forget every token of this tenant (reset). */
    dropAll() {
      for (const token of [...tokens.keys(), ...codes.keys()])
        if (index.get(token) === tenantId) index.delete(token)
      tokens.clear()
      codes.clear()
      refreshQueues.clear()
    },
  }
}
export type TokenKit = ReturnType<typeof createTokenKit>

/** Parse `Authorization: Bearer <token>`; `undefined` when absent or malformed. */
export function bearerToken(header: string | undefined | null): string | undefined {
  if (!header) return undefined
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match?.[1]
}

/** How a vendor accepts a token in `Authorization`: `Bearer <t>`, and/or the bare `<t>` some vendors' docs show. */
export type AuthHeaderForm = 'bearer' | 'bare'

/**
 * The token an `Authorization` header carries in one of the vendor's accepted forms;
 * `undefined` when absent or in another form (`Basic …` is never a token).
 * @example
 * tokenFromHeader('Bearer abc', ['bearer', 'bare']) // 'abc'
 * tokenFromHeader('abc', ['bearer', 'bare'])        // 'abc'
 */
export function tokenFromHeader(
  header: string | undefined | null,
  forms: readonly AuthHeaderForm[] = ['bearer'],
): string | undefined {
  if (!header) return undefined
  const bearer = bearerToken(header)
  if (bearer !== undefined) return forms.includes('bearer') ? bearer : undefined
  const text = header.trim()
  return forms.includes('bare') && /^[A-Za-z0-9._~+/=-]+$/.test(text) ? text : undefined
}

/** Whether a token holds a permission (API tokens keep their permissions in `scopes`). */
export const hasPermission = (record: TokenRecord, permission: string) =>
  record.scopes.includes(permission)

/**
 * Throw the vendor's error unless the token holds `permission`.
 * @example
 * requirePermission(record, 'CREATE_ORDER', (p) => digitError(`Not authorized: requires ${p}`))
 */
export function requirePermission(
  record: TokenRecord,
  permission: string,
  deny: (permission: string) => Error,
): void {
  if (!hasPermission(record, permission)) throw deny(permission)
}
