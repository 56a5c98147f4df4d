import { invalid } from './errors.ts'
import type { ProductRow } from './rows.ts'

/**
 * What a product or warehouse product input carries: the fields copied as sent, dimensions, and
 * the levels that may not be negative, for `product-mutations.ts`.
 * @see https://developer.shiphero.com/schema/ (CreateProductInput, UpdateWarehouseProductInput)
 */

export type Input = Record<string, unknown>

/** Product fields a mutation may set as given; the rest are derived or per warehouse. */
export const PRODUCT_FIELDS = [
  'name',
  'barcode',
  'country_of_manufacture',
  'tariff_code',
  'product_note',
  'kit',
  'kit_build',
  'no_air',
  'final_sale',
  'customs_value',
  'customs_description',
  'not_owned',
  'ignore_on_customs',
  'ignore_on_invoice',
  'dropship',
  'needs_serial_number',
  'virtual',
  'needs_lot_tracking',
  'packer_note',
  'is_assembly',
  'size',
  'style',
  'vendor_part_number',
  'consumer_package_code',
  'buyer_part_number',
  'buyer_style_number',
  'auto_pack',
] as const

export const WAREHOUSE_PRODUCT_FIELDS = [
  'inventory_bin',
  'inventory_overstock_bin',
  'reserve_inventory',
  'replenishment_level',
  'replenishment_max_level',
  'replenishment_increment',
  'reorder_level',
  'reorder_amount',
  'price',
  'value',
  'value_currency',
  'custom',
  'customs_value',
  'active',
] as const

/** A product's dimensions as stored: each one given, or null. */
export const dims = (d: unknown): ProductRow['dimensions'] => {
  const v = (d ?? {}) as Record<string, string | null | undefined>
  return {
    weight: v.weight ?? null,
    height: v.height ?? null,
    width: v.width ?? null,
    length: v.length ?? null,
  }
}

/** Stock levels and reserves may not be negative. */
export function checkReserve(data: Input) {
  for (const f of [
    'reserve_inventory',
    'reorder_level',
    'reorder_amount',
    'replenishment_level',
    'replenishment_max_level',
    'replenishment_increment',
  ] as const) {
    if (typeof data[f] === 'number' && (data[f] as number) < 0)
      throw invalid(`${f} must not be negative`)
  }
  if (typeof data.on_hand === 'number' && data.on_hand < 0)
    throw invalid('on_hand must not be negative')
}
