import { createCodeStore } from './auth-codes.ts'
import type { Clock } from './clock.ts'
import type { IdFactory } from './ids.ts'
import { signHs256 } from './jwt.ts'
import type { IssueOptions, TokenIndex, TokenRecord, VerifyResult } from './token-record.ts'

/**
 * The token kit shared by every vendor: one store per tenant, every flavour the
 * vendors use — client credentials with scopes (Digipix, DigiKey 2-legged),
 * authorization code + refresh rotation (DigiKey 3-legged), password grant +
 * refresh (ShipHero, Stitchex), static API tokens with permissions (Digit).
 * Expiry is read from the tenant clock; nothing here knows a vendor's wire format.
 */
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
  const codes = createCodeStore(deps)

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
    codes.prune(cutoff)
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
    issueCode: codes.issue,
    /** Redeem a code once; `undefined` when unknown, used, expired or issued for another client/redirect. */
    redeemCode: codes.redeem,

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
      codes.reindex()
    },

    /** Forget every token of this tenant (reset). */
    dropAll() {
      for (const token of tokens.keys()) if (index.get(token) === tenantId) index.delete(token)
      tokens.clear()
      codes.dropAll()
      refreshQueues.clear()
    },
  }
}
export type TokenKit = ReturnType<typeof createTokenKit>

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
