import {
  connection,
  InventoryChange,
  WarehouseProduct,
} from '../../../contracts/shiphero/schemas.ts'
import { INVENTORY_CHANGE, PAGE_INFO, WAREHOUSE_PRODUCT } from './operations.ts'
import type { ShipHeroGraphql } from './transport.ts'

type Movement = {
  sku: string
  warehouse_id: string
  quantity: number
  reason?: string
  customer_account_id?: string
}

/** Stock movements and their history. @see https://developer.shiphero.com/examples-query/#inventory */
export function createInventory(gql: ShipHeroGraphql) {
  const move = (name: string, input: string) => (data: Movement) =>
    gql.mutate(
      name,
      input,
      data,
      `warehouse_product { ${WAREHOUSE_PRODUCT} }`,
      'warehouse_product',
      WarehouseProduct,
    )
  return {
    add: move('inventory_add', 'UpdateInventoryInput'),
    subtract: move('inventory_subtract', 'UpdateInventoryInput'),
    replace: move('inventory_replace', 'ReplaceInventoryInput'),
    changes: (
      o: {
        sku?: string
        warehouse_id?: string
        customer_account_id?: string
        pageSize?: number
      } = {},
    ) =>
      gql.paginate(
        `query ($first: Int, $after: String, $sku: String, $w: String, $c: String) { inventory_changes(sku: $sku, warehouse_id: $w, customer_account_id: $c) { request_id complexity data(first: $first, after: $after) { ${PAGE_INFO} edges { node { ${INVENTORY_CHANGE} } } } } }`,
        (d) =>
          gql.check(connection(InventoryChange), d.inventory_changes.data, 'inventory_changes'),
        {
          variables: { sku: o.sku, w: o.warehouse_id, c: o.customer_account_id },
          pageSize: o.pageSize,
        },
      ),
  }
}
