import type { Clock } from './clock.ts'
import type { IdFactory } from './ids.ts'

/*
 * A tenant's authorization codes (RFC 6749 §4.1.2): single-use, short-lived, bound to a client
 * and a redirect address. Each code is filed in the sim-wide index like a token, so a code alone
 * finds its tenant.
 */

export interface AuthorizationCode {
  readonly code: string
  readonly clientId: string
  readonly redirectUri: string
  readonly subject: string
  readonly scopes: readonly string[]
  readonly expiresAt: number
  used: boolean
}

/** The codes of one tenant: what the token kit issues and redeems them through. */
export function createCodeStore(deps: {
  clock: Clock
  ids: IdFactory
  index: Map<string, string>
  tenantId: string
}) {
  const { clock, ids, index, tenantId } = deps
  const codes = new Map<string, AuthorizationCode>()
  return {
    issue(o: {
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
      index.set(code, tenantId)
      return entry
    },
    redeem(
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
    /** Forget codes that expired before `cutoff` (ms). */
    prune(cutoff: number) {
      for (const [code, entry] of codes) {
        if (entry.expiresAt < cutoff) {
          codes.delete(code)
          if (index.get(code) === tenantId) index.delete(code)
        }
      }
    },
    /** File every code in the sim-wide index again. */
    reindex() {
      for (const code of codes.keys()) index.set(code, tenantId)
    },
    /** Forget every code (reset). */
    dropAll() {
      for (const code of codes.keys()) if (index.get(code) === tenantId) index.delete(code)
      codes.clear()
    },
  }
}
