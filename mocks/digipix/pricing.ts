import {
  SHIPMENT_METHODS,
  type Product,
  type ShippingOption,
} from '../../contracts/digipix/schemas.ts'
import { SimError, type IdFactory } from '../core/index.ts'
import type { DigipixState } from './store.ts'

/** Money is a JSON number in BRL, rounded to cents. */
export const money = (n: number) => Math.round(n * 100) / 100

/** Look up every product of a list of items; unknown ids are a 400 naming the item. */
export function resolveItems(
  state: DigipixState,
  items: ReadonlyArray<{ productId: string; quantity: number }>,
): Array<{ product: Product; quantity: number }> {
  const details: Array<{ field: string; message: string }> = []
  const out: Array<{ product: Product; quantity: number }> = []
  items.forEach((item, i) => {
    const product = state.products.get(item.productId)
    if (!product)
      details.push({
        field: `items.${i}.productId`,
        message: `unknown product "${item.productId}"`,
      })
    else out.push({ product, quantity: item.quantity })
  })
  if (details.length)
    throw new SimError(400, 'validation_error', 'Some items reference unknown products', {
      details,
    })
  return out
}

export const subtotalOf = (lines: Array<{ product: Product; quantity: number }>) =>
  money(lines.reduce((s, l) => s + l.product.price * l.quantity, 0))

/**
 * Shipping options for a destination and a parcel [proposal]: the first CEP
 * digit gives the region (0–3 south-east, nearest to the plant), weight in kg
 * drives the price. Collect is offered only to partners with that contract.
 */
export function shippingOptions(
  ids: IdFactory,
  zipCode: string,
  lines: Array<{ product: Product; quantity: number }>,
  collect: boolean,
): ShippingOption[] {
  const grams = lines.reduce((s, l) => s + l.product.weight * l.quantity, 0)
  const kg = Math.max(0.3, grams / 1000)
  const region = Number(zipCode[0])
  const far = region >= 4 ? (region >= 6 ? 2 : 1) : 0
  const options: ShippingOption[] = [
    {
      id: ids.autoId(),
      shipmentMethodId: 1,
      shipmentMethod: SHIPMENT_METHODS[1],
      carrier: 'Correios PAC',
      cost: money(9.9 + kg * 3.1 * (1 + far * 0.6)),
      estimatedDeliveryDays: 5 + far * 3,
    },
    {
      id: ids.autoId(),
      shipmentMethodId: 2,
      shipmentMethod: SHIPMENT_METHODS[2],
      carrier: 'Correios SEDEX',
      cost: money(19.9 + kg * 6.4 * (1 + far * 0.6)),
      estimatedDeliveryDays: 2 + far,
    },
  ]
  if (collect)
    options.push({
      id: ids.autoId(),
      shipmentMethodId: 3,
      shipmentMethod: SHIPMENT_METHODS[3],
      carrier: 'Digipix Collect',
      cost: 0,
      estimatedDeliveryDays: 1,
    })
  return options
}

/** Resolve `shipmentMethodId` and/or `shipmentMethod` (label) to a method id; `undefined` when neither is given. */
export function methodIdOf(input: {
  shipmentMethodId?: number
  shipmentMethod?: string
}): 1 | 2 | 3 | undefined {
  let fromId: 1 | 2 | 3 | undefined
  if (input.shipmentMethodId !== undefined) {
    if (![1, 2, 3].includes(input.shipmentMethodId))
      throw new SimError(
        400,
        'validation_error',
        'shipmentMethodId must be 1 (Cheapest), 2 (Fastest) or 3 (Collect)',
        { details: [{ field: 'shipmentMethodId', message: 'must be 1, 2 or 3' }] },
      )
    fromId = input.shipmentMethodId as 1 | 2 | 3
  }
  let fromLabel: 1 | 2 | 3 | undefined
  if (input.shipmentMethod !== undefined) {
    const hit = Object.entries(SHIPMENT_METHODS).find(
      ([, label]) => label.toLowerCase() === input.shipmentMethod!.toLowerCase(),
    )
    if (!hit)
      throw new SimError(
        400,
        'validation_error',
        'shipmentMethod must be "Cheapest", "Fastest" or "Collect"',
        { details: [{ field: 'shipmentMethod', message: 'unknown label' }] },
      )
    fromLabel = Number(hit[0]) as 1 | 2 | 3
  }
  if (fromId !== undefined && fromLabel !== undefined && fromId !== fromLabel) {
    throw new SimError(400, 'validation_error', 'shipmentMethodId and shipmentMethod disagree', {
      details: [{ field: 'shipmentMethod', message: `does not match shipmentMethodId ${fromId}` }],
    })
  }
  return fromId ?? fromLabel
}
