import type { ApiProduct } from './store.ts'

/**
 * DigiKey's API products: which legs each accepts, which error envelope it answers,
 * and which product a path belongs to (each product is subscribed and rate-limited on its own).
 */
/** The error envelope of each API generation. */
export type Envelope = 'v3' | 'v4'
export const PRODUCTS: Record<
  ApiProduct,
  { legs: 'three' | 'both'; envelope: Envelope; title: string }
> = {
  ordering: { legs: 'three', envelope: 'v3', title: 'Ordering' },
  orderstatus: { legs: 'both', envelope: 'v4', title: 'Order Status' },
  packinglist: { legs: 'three', envelope: 'v4', title: 'Packing List' },
  ordermanagement: { legs: 'three', envelope: 'v4', title: 'Order Management' },
}

/** The product (and so the envelope and rate limit) a path belongs to. */
export function productOf(path: string): ApiProduct | undefined {
  if (path.startsWith('/Ordering/')) return 'ordering'
  if (path.startsWith('/orderstatus/')) return 'orderstatus'
  if (path.startsWith('/packinglist/')) return 'packinglist'
  if (path.startsWith('/OrderManagement/')) return 'ordermanagement'
  return undefined
}
