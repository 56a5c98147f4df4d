import { base64 } from '../core/index.ts'

/**
 * ShipHero ids: Relay global ids, `base64("<Type>:<legacy_id>")`, plus the
 * integer `legacy_id`. Every id argument also accepts the legacy id as a string.
 * @see https://developer.shiphero.com/getting-started/
 */
export function toGlobalId(type: string, legacyId: number | string): string {
  if (typeof legacyId !== 'number') return base64(`${type}:${legacyId}`)
  // A page of 20 products answers ~60 ids: each is encoded once, then remembered (per type, bounded).
  let byId = GLOBAL_IDS.get(type)
  if (!byId) GLOBAL_IDS.set(type, (byId = new Map()))
  let id = byId.get(legacyId)
  if (id === undefined) {
    id = base64(`${type}:${legacyId}`)
    if (byId.size >= 20_000) byId.clear()
    byId.set(legacyId, id)
  }
  return id
}
const GLOBAL_IDS = new Map<string, Map<number, string>>()

/** Type name in global ids where it differs from the GraphQL type's name. */
const ID_TYPE: Record<string, string> = {
  AuthenticatedUser: 'User',
  ShipmentLineItem: 'ShippedLineItem',
}
export const idTypeOf = (graphqlType: string) => ID_TYPE[graphqlType] ?? graphqlType

/** Fields holding another entity's id, and that entity's type. */
export const ID_REFS: Readonly<Record<string, string>> = {
  account_id: 'Account',
  warehouse_id: 'Warehouse',
  locked_to_warehouse_id: 'Warehouse',
  default_warehouse_id: 'Warehouse',
  order_id: 'Order',
  user_id: 'User',
  product_id: 'Product',
  line_item_id: 'LineItem',
  shipment_id: 'Shipment',
  shipping_label_id: 'ShippingLabel',
}

/** Decode a global id into its type and legacy id; `undefined` when it is not one. */
export function fromGlobalId(value: string): { type: string; legacyId: number } | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined
  const text = Buffer.from(value, 'base64').toString('utf8')
  const m = /^([A-Za-z]+):(\d+)$/.exec(text)
  return m ? { type: m[1]!, legacyId: Number(m[2]) } : undefined
}

/**
 * The legacy id an id argument names, for an entity type: a global id of that
 * type, or a legacy id sent as a string (or number). `undefined` otherwise.
 */
export function legacyIdOf(value: unknown, type: string): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : undefined
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  if (/^\d{1,15}$/.test(text)) return Number(text) || undefined
  const decoded = fromGlobalId(text)
  return decoded && decoded.type === type ? decoded.legacyId : undefined
}
