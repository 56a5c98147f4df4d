import { Product, ProductList } from '../../../contracts/digipix/schemas.ts'
import type { DigipixAuth } from './auth.ts'

/** Products (scope `products`). @see https://api.digipix.io/docs#tag/Products */
export function createProducts(auth: DigipixAuth) {
  return {
    /** Every product available to the partner. */
    list: () => auth.send({ method: 'GET', path: '/v1/products', schema: ProductList }),
    /** One product by id (`photobook`). */
    get: (productId: string) =>
      auth.send({
        method: 'GET',
        path: `/v1/products/${encodeURIComponent(productId)}`,
        schema: Product,
      }),
  }
}
