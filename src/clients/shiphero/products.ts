import {
  connection,
  Product,
  queryResult,
  WarehouseProduct,
} from '../../../contracts/shiphero/schemas.ts'
import { PAGE_INFO, PRODUCT, WAREHOUSE_PRODUCT } from './operations.ts'
import type { ShipHeroGraphql } from './transport.ts'

/** Products and warehouse products. @see https://developer.shiphero.com/examples-query/#products */
export function createProducts(gql: ShipHeroGraphql) {
  const ProductResult = queryResult(Product)
  return {
    get: async (by: {
      id?: string
      sku?: string
      barcode?: string
      customer_account_id?: string
    }) =>
      gql.check(
        ProductResult,
        (
          await gql.query(
            `query ($id: String, $sku: String, $barcode: String, $c: String) { product(id: $id, sku: $sku, barcode: $barcode, customer_account_id: $c) { request_id complexity data { ${PRODUCT} } } }`,
            { id: by.id, sku: by.sku, barcode: by.barcode, c: by.customer_account_id },
          )
        ).product,
        'product',
      ).data,
    all: (
      o: { sku?: string; customer_account_id?: string; sort?: string; pageSize?: number } = {},
    ) =>
      gql.paginate<Product>(
        `query ($first: Int, $after: String, $sku: String, $c: String, $sort: String) { products(sku: $sku, customer_account_id: $c) { request_id complexity data(first: $first, after: $after, sort: $sort) { ${PAGE_INFO} edges { node { ${PRODUCT} } } } } }`,
        (d) => gql.check(connection(Product), d.products.data, 'products'),
        { variables: { sku: o.sku, c: o.customer_account_id, sort: o.sort }, pageSize: o.pageSize },
      ),
    create: (data: Record<string, unknown>) =>
      gql.mutate(
        'product_create',
        'CreateProductInput',
        data,
        `product { ${PRODUCT} }`,
        'product',
        Product,
      ),
    update: (data: Record<string, unknown>) =>
      gql.mutate(
        'product_update',
        'UpdateProductInput',
        data,
        `product { ${PRODUCT} }`,
        'product',
        Product,
      ),
    delete: async (data: { sku: string; customer_account_id?: string }) =>
      void (await gql.query(
        'mutation ($data: DeleteProductInput!) { product_delete(data: $data) { request_id complexity } }',
        { data },
      )),
    addToWarehouse: (data: Record<string, unknown>) =>
      gql.mutate(
        'product_add_to_warehouse',
        'AddProductToWarehouseInput',
        data,
        `warehouse_product { ${WAREHOUSE_PRODUCT} }`,
        'warehouse_product',
        WarehouseProduct,
      ),
    updateWarehouseProduct: (data: Record<string, unknown>) =>
      gql.mutate(
        'warehouse_product_update',
        'UpdateWarehouseProductInput',
        data,
        `warehouse_product { ${WAREHOUSE_PRODUCT} }`,
        'warehouse_product',
        WarehouseProduct,
      ),
  }
}
