import { CURRENCIES } from '../../fixtures/digit/catalog.ts'
import { nodesConnection, type ConnectionArgs } from '../core/graphql/connections.ts'
import type { Tenant, TokenRecord } from '../core/index.ts'
import { badInput, CODES, digitError } from './errors.ts'
import type { DigitAccount, DigitCredentials, DigitState } from './store.ts'

/** The context every Digit resolver gets: the tenant, the token's account and its permissions. */
export interface DigitCtx {
  tenant: Tenant<DigitState, DigitCredentials>
  state: DigitState
  account: DigitAccount
  record: TokenRecord
  permissions: ReadonlySet<string>
  now: number
}

/** Page sizes: 50 rows unless asked (a [proposal]), at most 500 per page. */
export const PAGING = {
  defaultSize: 50,
  maxSize: 500,
  code: CODES.badUserInput,
  cursorPrefix: 'digit:',
}

/** A `nodes` connection over rows, paged by `connection: { first, after, last, before }`. */
export const page = <T>(rows: readonly T[], connection: ConnectionArgs | null | undefined) =>
  nodesConnection(rows, connection, PAGING)

/** Rows whose text fields contain `search` (case-insensitive); all rows without one. */
export function searchRows<T>(
  rows: readonly T[],
  search: string | null | undefined,
  text: (row: T) => Array<string | null | undefined>,
): readonly T[] {
  const needle = search?.trim().toLowerCase()
  if (!needle) return rows
  if (needle.length > 200) throw badInput('search', 'at most 200 characters')
  return rows.filter((r) => text(r).some((t) => t?.toLowerCase().includes(needle)))
}

/** `clerkOrganizationId`, when given, must be the organization of the calling token. */
export function checkOrganization(ctx: DigitCtx, given: string | null | undefined) {
  if (given == null || given === ctx.account.organizationId) return
  throw digitError(
    CODES.forbidden,
    `clerkOrganizationId "${given}" is not the organization of this API token (${ctx.account.organizationId})`,
    { field: 'clerkOrganizationId' },
  )
}

/** Money as Digit answers it: `{ costAmount, currency { code symbol } }`. */
export const cost = (amount: number, currency: string) => ({
  costAmount: amount,
  currency: { code: currency, symbol: CURRENCIES[currency] ?? null },
})

/** A money input (`CostInput`): a finite, non-negative amount in a currency the simulator knows. */
export function costInput(field: string, v: { costAmount: number; currencyCode: string }) {
  if (!Number.isFinite(v.costAmount) || v.costAmount < 0 || v.costAmount > 1e12)
    throw badInput(`${field}.costAmount`, 'must be a non-negative amount')
  if (!(v.currencyCode in CURRENCIES))
    throw badInput(
      `${field}.currencyCode`,
      `unknown currency "${v.currencyCode}" (known: ${Object.keys(CURRENCIES).join(', ')})`,
    )
  return { amount: Math.round(v.costAmount * 1e6) / 1e6, currency: v.currencyCode }
}

/** A required text input: trimmed, non-empty, at most `max` characters. */
export function text(field: string, v: string, max = 255): string {
  const t = v.trim()
  if (!t) throw badInput(field, 'must not be empty')
  if (t.length > max) throw badInput(field, `at most ${max} characters`)
  return t
}

/** An optional text input: `null` when absent or blank. */
export const optionalText = (field: string, v: string | null | undefined, max = 255) =>
  v == null || v.trim() === '' ? null : text(field, v, max)
