import type { z } from 'zod'
import type { LineInput, OrderInput } from '../../contracts/stitchex/requests.ts'
import { unprocessable } from './errors.ts'
import { nextId, type StitchexState } from './store.ts'
import type { LineRecord, SalesOrderRow } from './rows.ts'

/**
 * What a sales order input carries and how it is checked against the organisation before
 * anything is stored: its shape, its lines (SKU, product, variation, price) and the company,
 * channel and season it names, for `orders.ts`.
 * @see https://help.uphance.com/en/articles/3065571-orders-api
 */

/** Order lines from input: every SKU, product and variation of this organisation, prices from the variation unless given. */
export function linesOf(
  state: StitchexState,
  organisationId: number,
  input: z.output<typeof LineInput>[],
): LineRecord[] {
  const org = state.organisations.get(organisationId)!
  return input.map((l, i) => {
    const at = `line_items[${i}]`
    const skus = l.line_quantities.map((q, j) => {
      const sku = state.skus.get(q.sku_id)
      if (!sku || sku.organisation_id !== organisationId)
        throw unprocessable(`${at}.line_quantities[${j}].sku_id`, `${q.sku_id} not found`)
      return sku
    })
    const productId = l.product_id ?? skus[0]!.product_id
    const product = state.products.get(productId)
    if (!product || product.organisation_id !== organisationId)
      throw unprocessable(`${at}.product_id`, `${productId} not found`)
    const variationId = l.variation_id ?? skus[0]!.variation_id
    const variation = product.variations.find((v) => v.id === variationId)
    if (!variation)
      throw unprocessable(
        `${at}.variation_id`,
        `${variationId} is not a variation of product ${product.id}`,
      )
    skus.forEach((s, j) => {
      if (s.variation_id !== variation.id)
        throw unprocessable(
          `${at}.line_quantities[${j}].sku_id`,
          `${s.id} is not a SKU of variation ${variation.id}`,
        )
    })
    const seen = new Set<number>()
    return {
      id: nextId(state, 'line'),
      product_id: product.id,
      variation_id: variation.id,
      unit_price: l.unit_price !== undefined ? Math.round(l.unit_price * 100) : variation.wsp,
      tax_level: l.tax_level ?? org.taxRate,
      percentage_discount: l.percentage_discount ?? 0,
      quantities: l.line_quantities.map((q, j) => {
        if (seen.has(q.sku_id))
          throw unprocessable(`${at}.line_quantities[${j}].sku_id`, `${q.sku_id} appears twice`)
        seen.add(q.sku_id)
        return {
          id: nextId(state, 'quantity'),
          sku_id: q.sku_id,
          size: skus[j]!.size,
          quantity: q.quantity,
        }
      }),
    }
  })
}

/** Everything a new order refers to, checked before anything is stored. */
export function references(
  state: StitchexState,
  organisationId: number,
  input: OrderInput,
  before?: SalesOrderRow,
) {
  const companyId = input.company_id ?? before?.company_id
  if (companyId === undefined) throw unprocessable('company_id', "can't be blank")
  const company = state.customers.get(companyId)
  if (!company || company.organisation_id !== organisationId)
    throw unprocessable('company_id', `${companyId} not found`)
  const channelId =
    input.channel_id === undefined ? (before?.channel_id ?? company.channel_id) : input.channel_id
  if (channelId != null && state.channels.get(channelId)?.organisation_id !== organisationId)
    throw unprocessable('channel_id', `${channelId} not found`)
  const seasonId = input.season_id === undefined ? (before?.season_id ?? null) : input.season_id
  if (seasonId != null && state.seasons.get(seasonId)?.organisation_id !== organisationId)
    throw unprocessable('season_id', `${seasonId} not found`)
  return { company, channelId: channelId ?? null, seasonId: seasonId ?? null }
}
