import { SimError, type SimContext } from '../core/index.ts'
import type { Caller } from './auth.ts'
import {
  accountKey,
  type DigiKeyCredentials,
  type DigiKeyState,
  type SalesOrderRecord,
} from './store.ts'

type Ctx = SimContext<DigiKeyState, DigiKeyCredentials>

/**
 * Which sales orders a caller may see, and finding them: by id, by invoice, or listed from an
 * index per account (never the whole table). Order Status, Order Management and Packing List
 * share these.
 */

/**
 * Whether a caller may see a sales order: a 2-legged client (or a user naming an account) sees that
 * account's orders; a user sees their own, or with `Shared` their company's (every account of theirs).
 */
function canSee(state: DigiKeyState, caller: Caller, o: SalesOrderRecord, shared: boolean) {
  if (o.environment !== caller.environment) return false
  if (caller.token.legs === 2 || caller.accountNamed) return o.accountId === caller.account.id
  return shared
    ? state.accounts.some((a) => a.id === o.accountId)
    : o.customerId === state.customerId
}

/**
 * The orders a caller may list, read from an index per account (never the whole table): `of`
 * gives an account's rows from its key (`accountKey`), by default all its orders, oldest first.
 * The rows answered are in `order` (by default by id), several accounts' merged.
 */
export function visibleOrders(
  c: Ctx,
  caller: Caller,
  shared: boolean,
  of?: (key: string) => readonly SalesOrderRecord[],
  order: (a: SalesOrderRecord, b: SalesOrderRecord) => number = (a, b) => a.id - b.id,
): SalesOrderRecord[] {
  const { state } = c.get('tenant')
  const accounts =
    caller.token.legs === 2 || caller.accountNamed ? [caller.account] : state.accounts
  const visible: SalesOrderRecord[] = []
  let contributed = 0
  for (const a of accounts) {
    const key = accountKey(caller.environment, a.id)
    const before = visible.length
    for (const o of of ? of(key) : state.salesOrders.lookup('account', key))
      if (canSee(state, caller, o, shared)) visible.push(o)
    if (visible.length > before) contributed++
  }
  // One account's rows are in `order` already; several accounts' are merged.
  return contributed > 1 ? visible.sort(order) : visible
}

/** The visible order with a shipment invoiced as `invoiceId`, from the invoice index. */
export function invoicedOrder(c: Ctx, caller: Caller, invoiceId: number) {
  const { state } = c.get('tenant')
  return state.salesOrders.lookup('invoice', invoiceId).find((o) => canSee(state, caller, o, true))
}

export function findSalesOrder(c: Ctx, caller: Caller, id: number): SalesOrderRecord {
  const o = c.get('tenant').state.salesOrders.get(id)
  if (!o || !canSee(c.get('tenant').state, caller, o, true))
    throw new SimError(404, '404', 'Could not find SalesOrderId', {
      extra: {
        errorDetails: `Sales order ${id} does not exist or is not visible to this ${caller.token.legs === 2 ? 'account' : 'user'}.`,
      },
    })
  return o
}
