import type { TokenRecord } from '../core/index.ts'
import { SimError, takeQuota, type SimContext } from '../core/index.ts'
import { CODES, missingPermission, unauthorized } from './errors.ts'
import type { AccountKey, DigitAccount, DigitCredentials, DigitState } from './store.ts'

type Ctx = SimContext<DigitState, DigitCredentials>

/** What an authenticated request acts as: the token, its account and its permission keys. */
export interface DigitAuth {
  record: TokenRecord
  account: DigitAccount
  permissions: ReadonlySet<string>
}

/**
 * `Authorization: Bearer da_…`: a token this tenant issued and has not revoked, or 401.
 * Tokens never expire; each is bound to one account (primary or SANDBOX).
 * @see https://learn.digit-software.com/en/articles/11940553-digit-api-access
 */
export function requireToken(c: Ctx): DigitAuth {
  const token = c.get('credential')
  if (!token) throw unauthorized()
  const tenant = c.get('tenant')
  const verified = tenant.auth.verify(token, 'static')
  if (!verified.ok) throw unauthorized()
  const record = verified.record
  return {
    record,
    account: tenant.state.accounts[record.environment as AccountKey],
    permissions: new Set(record.scopes),
  }
}

/**
 * The per-token rate limit (off until `/_sandbox/settings` sets one): a fixed window per token,
 * as express-rate-limit counts, answered 429 with `Retry-After` and its default text.
 */
export function countRequest(c: Ctx, auth: DigitAuth) {
  const tenant = c.get('tenant')
  const quota = tenant.state.settings.rateLimit
  if (!quota) return
  const r = takeQuota(tenant.state.rate, String(auth.record.meta.id), quota, tenant.clock.now())
  c.set('responseHeaders', r.headers)
  if (r.retryAfter !== undefined)
    throw new SimError(429, CODES.rateLimited, 'Too many requests, please try again later.', {
      headers: { ...r.headers, 'Retry-After': String(r.retryAfter) },
      extra: { text: true },
    })
}

/** Throw the permission error unless the token holds `permission`. */
export function need(auth: { permissions: ReadonlySet<string> }, permission: string) {
  if (!auth.permissions.has(permission)) throw missingPermission(permission)
}
