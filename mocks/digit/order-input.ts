import { type companyOf, locationOf } from './companies.ts'
import { costInput, type DigitCtx } from './context.ts'
import { badInput } from './errors.ts'
import type { OrderLine, OrderRow } from './rows.ts'

/**
 * What createOrder and updateOrder make of their input before anything is stored: lines
 * (items checked, quantities, one currency), the billing address, dates.
 */

export interface LineInput {
  id: string
  quantity: number
  cost: { costAmount: number; currencyCode: string }
}

/** Order lines from input (items checked by `checkItems` first): quantities positive, one currency. */
export function linesOf(
  ctx: DigitCtx,
  input: readonly LineInput[],
  before?: OrderRow,
): OrderLine[] {
  if (!input.length) throw badInput('items', 'an order needs at least one line')
  if (input.length > 500) throw badInput('items', 'at most 500 lines')
  const lines = input.map((l, i) => {
    if (!Number.isFinite(l.quantity) || l.quantity <= 0 || l.quantity > 1e9)
      throw badInput(`items[${i}].quantity`, 'must be a positive number')
    const price = costInput(`items[${i}].cost`, l.cost)
    const kept = before?.lines.find((x) => x.itemId === l.id)
    return {
      id: kept?.id ?? ctx.tenant.ids.uuidv7(ctx.now),
      itemId: l.id,
      quantity: l.quantity,
      fulfilled: 0,
      costAmount: price.amount,
      currency: price.currency,
    }
  })
  const currencies = new Set(lines.map((l) => l.currency))
  if (currencies.size > 1)
    throw badInput('items', `every line must use one currency (got ${[...currencies].join(', ')})`)
  return lines
}

/** `itemOf` answers "No result found"; an order line names its index instead. */
export function checkItems(ctx: DigitCtx, input: readonly LineInput[]) {
  input.forEach((l, i) => {
    const row = ctx.state.items.get(l.id)
    if (!row || row.account !== ctx.account.key)
      throw badInput(`items[${i}].id`, `no item with id "${l.id}" in this organization`)
  })
}

/** Billing address: the given one, the shipping one when asked, else the customer's billing default, else shipping. */
export function billingOf(
  ctx: DigitCtx,
  customer: ReturnType<typeof companyOf>,
  shippingId: string,
  input: { billingAddressId?: string | null; useShippingAsBilling?: boolean | null },
) {
  if (input.useShippingAsBilling) return shippingId
  if (input.billingAddressId)
    return locationOf(ctx, customer, input.billingAddressId, 'billingAddressId').id
  const locations = ctx.state.locations.lookup('company', customer.id)
  return locations.find((l) => l.isBillingDefault)?.id ?? shippingId
}

/** An epoch-ms date from input, within what a date can hold; `null` when not given. */
export const date = (field: string, ms: number | null | undefined) => {
  if (ms == null) return null
  if (ms < 0 || ms > 253_402_300_799_000) throw badInput(field, 'out of range')
  return ms
}
