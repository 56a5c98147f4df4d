import {
  CHANNELS,
  COLORS,
  CUSTOMERS,
  ORGANISATIONS,
  PRODUCTS,
  SEASONS,
  SIZES,
} from '../../fixtures/stitchex/catalog.ts'
import type { Rng } from '../core/index.ts'
import type { ChannelRow, CustomerRow, ProductRow, SeasonRow, SkuRow } from './rows.ts'
import { firstIds, nextId } from './store.ts'

/** A 12-digit body with its GS1 check digit: an EAN-13 a scanner accepts (one per SKU). */
export function ean13(body: string): string {
  let sum = 0
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3)
  return `${body}${(10 - (sum % 10)) % 10}`
}

/**
 * The catalogue of every organisation, as stored: seasons, channels, customers, products and SKUs
 * with stock, and the ids that come after them. `seed.ts` files the rows (shared by the tenants).
 */
export function catalogueRows(rng: Rng, t: number) {
  const ids = { nextId: firstIds() }
  const seasonRows: SeasonRow[] = []
  const channelRows: ChannelRow[] = []
  const customers: CustomerRow[] = []
  const products: ProductRow[] = []
  const skus: SkuRow[] = []
  for (const org of ORGANISATIONS) {
    const o = org.id
    const seasons = SEASONS.map(
      (name): SeasonRow => ({
        id: nextId(ids, 'season'),
        organisation_id: o,
        name,
        created_at: t,
        updated_at: t,
      }),
    )
    const channels = CHANNELS.map(
      (c): ChannelRow => ({
        id: nextId(ids, 'channel'),
        organisation_id: o,
        name: c.name,
        channel_type: c.type,
        currency: org.currency,
        created_at: t,
        updated_at: t,
      }),
    )
    seasonRows.push(...seasons)
    channelRows.push(...channels)
    for (const c of CUSTOMERS)
      customers.push({
        id: nextId(ids, 'customer'),
        organisation_id: o,
        name: c.name,
        company_type: 'customer',
        customer_type: 'wholesale',
        country: c.country,
        city: c.city,
        vat_number: null,
        channel_id: channels[0]!.id,
        currency: org.currency,
        notes: null,
        reference: null,
        people: [
          {
            id: nextId(ids, 'person'),
            ...c.person,
            position: 'Buyer',
            phone_1: null,
            phone_2: null,
            notes: null,
            buyer: true,
            shipping: true,
            billing: true,
          },
        ],
        addresses: [
          {
            id: nextId(ids, 'address'),
            line_2: null,
            line_3: null,
            ...c.address,
            default_for_shipping: true,
            default_for_billing: true,
          },
        ],
        created_at: t,
        updated_at: t,
      })
    for (const p of PRODUCTS) {
      const product: ProductRow = {
        id: nextId(ids, 'product'),
        organisation_id: o,
        product_identifier: p.identifier,
        name: p.name,
        description: p.description,
        sizing_system: 'XS-XXL',
        image_url: null,
        not_for_sale: false,
        season_id: seasons[p.season]!.id,
        variations: COLORS.map((color) => ({
          id: nextId(ids, 'variation'),
          color,
          textile_content: p.textile,
          wsp: p.wsp * 100,
          msrp: p.msrp * 100,
        })),
        created_at: t,
        updated_at: t,
      }
      products.push(product)
      for (const v of product.variations)
        for (const size of SIZES) {
          const id = nextId(ids, 'sku')
          skus.push({
            id,
            organisation_id: o,
            product_id: product.id,
            variation_id: v.id,
            color: v.color,
            size,
            ean: ean13(`735000${String(id).padStart(6, '0')}`),
            in_stock: rng.int(0, 60),
            allocated: 0,
            created_at: t,
            updated_at: t,
          })
        }
    }
  }
  return { seasons: seasonRows, channels: channelRows, customers, products, skus, ids }
}
