/**
 * Digit's API permissions: the enum key (`READ_ITEM`, used for API tokens) and the colon value
 * (`read:item`, used in app manifests). Keys and values marked `seen` appear in public Digit code;
 * the others complete the CREATE_/UPDATE_ set the mutations need and are [proposal]s.
 * @see https://learn.digit-software.com/en/articles/11940553-digit-api-access
 */
export interface DigitPermission {
  key: string
  value: string
  description: string
  /** The key appears in public Digit code (the rest is a [proposal]). */
  seen: boolean
}

const p = (key: string, value: string, description: string, seen = true): DigitPermission => ({
  key,
  value,
  description,
  seen,
})

export const DIGIT_PERMISSIONS: readonly DigitPermission[] = [
  p('READ_ITEM', 'read:item', 'Read items and units of measure'),
  p('CREATE_ITEM', 'create:item', 'Create items', false),
  p('UPDATE_ITEM', 'update:item', 'Update items', false),
  p('READ_INVENTORY', 'read:inventory', 'Read inventory'),
  p('READ_ORDER', 'read:order', 'Read sales orders'),
  p('READ_ORDER_COST_INFO', 'read:order:costInfo', 'Read order totals and cost information', false),
  p('CREATE_ORDER', 'create:order', 'Create sales orders'),
  p('UPDATE_ORDER', 'update:order', 'Update sales orders'),
  p('READ_SHIPMENT', 'read:shipment', 'Read shipments'),
  p('CREATE_SHIPMENT', 'create:shipment', 'Create shipments'),
  p('UPDATE_SHIPMENT', 'update:shipment', 'Update shipments'),
  p('CREATE_PACK_CONTAINER', 'create:packContainer', 'Create pack containers'),
  p('READ_COMPANY', 'read:company', 'Read companies (customers and vendors)'),
  p('READ_COMPANY_DETAILS', 'read:company:details', 'Read company details'),
  p('CREATE_COMPANY', 'create:company', 'Create companies and their locations'),
  p('READ_CONTACT', 'read:contact', 'Read contacts'),
  p('READ_ORGANIZATION_LOCATION', 'read:organization:location', 'Read organization locations'),
  p('UPDATE_ORGANIZATION', 'update:organization', 'Update the organization'),
  p(
    'READ_ORGANIZATION_DETAIL_AND_METRICS',
    'read:organization:detailAndMetrics',
    'Read organization details and daily metrics',
  ),
]

export const DIGIT_PERMISSION_KEYS: readonly string[] = DIGIT_PERMISSIONS.map((x) => x.key)

/** The key of a permission given as a key (`READ_ITEM`) or a value (`read:item`); `undefined` when unknown. */
export function permissionKey(given: string): string | undefined {
  return DIGIT_PERMISSIONS.find((x) => x.key === given || x.value === given)?.key
}
