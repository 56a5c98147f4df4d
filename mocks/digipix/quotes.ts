import type { z } from 'zod'
import type { QuoteRequest, ShippingOption } from '../../contracts/digipix/schemas.ts'
import { DAY, isoTicks, SimError, type Tenant } from '../core/index.ts'
import { resolveItems, shippingOptions } from './pricing.ts'
import type { DigipixCredentials, DigipixState, QuoteRecord } from './store.ts'

type DigipixTenant = Tenant<DigipixState, DigipixCredentials>

/** How long a quoted shipping option can be used to place an order (once) [proposal]. */
export const QUOTE_VALIDITY_MS = 7 * DAY

/**
 * Quote shipping for a destination and its items: every option the partner can choose, each kept
 * as a quote an order may use once (flow 2) until it expires.
 * @see https://api.digipix.io/docs#tag/Quote
 */
export async function quoteShipping(
  tenant: DigipixTenant,
  input: z.output<typeof QuoteRequest>,
): Promise<ShippingOption[]> {
  const lines = resolveItems(tenant.state, input.items)
  const options = shippingOptions(tenant.ids, input.zipCode, lines, tenant.state.partner.collect)
  const now = tenant.clock.now()
  for (const option of options) {
    await tenant.state.quotes.insert({
      id: option.id,
      zipCode: input.zipCode,
      items: input.items,
      option,
      createdAt: now,
      expiresAt: now + QUOTE_VALIDITY_MS,
    })
  }
  return options
}

/**
 * The quote an order names by `shipmentId`, when it may still be used: not used by another
 * order, not expired, priced for the same zip code and the same items (in any order).
 */
export function redeemableQuote(
  state: DigipixState,
  shipmentId: string,
  items: ReadonlyArray<{ productId: string; quantity: number }>,
  zip: string,
  now: number,
): QuoteRecord {
  const quote = state.quotes.get(shipmentId)
  if (!quote)
    throw new SimError(
      404,
      'shipment_not_found',
      `No quote option "${shipmentId}"; get one from POST /v1/quote`,
    )
  if (quote.usedBy)
    throw new SimError(
      409,
      'shipment_already_used',
      `Quote option "${quote.id}" was already used by order ${quote.usedBy}`,
    )
  if (now >= quote.expiresAt)
    throw new SimError(
      422,
      'quote_expired',
      `Quote option "${quote.id}" expired at ${isoTicks(quote.expiresAt)}`,
    )
  if (quote.zipCode !== zip)
    throw new SimError(
      422,
      'quote_mismatch',
      `Quote option "${quote.id}" was priced for zipCode ${quote.zipCode}, not ${zip}`,
    )
  const key = (xs: ReadonlyArray<{ productId: string; quantity: number }>) =>
    JSON.stringify(xs.map((x) => [x.productId, x.quantity]).sort())
  if (key(quote.items) !== key(items))
    throw new SimError(
      422,
      'quote_mismatch',
      `Quote option "${quote.id}" was priced for other items`,
    )
  return quote
}
