import { connection, Order, queryResult } from '../../../contracts/shiphero/schemas.ts'
import { ORDER, PAGE_INFO } from './operations.ts'
import type { ShipHeroGraphql } from './transport.ts'

/** Orders. @see https://developer.shiphero.com/examples-query/#orders */
export function createOrders(gql: ShipHeroGraphql) {
  const OrderResult = queryResult(Order)
  const change = (name: string, input: string) => (data: Record<string, unknown>) =>
    gql.mutate(name, input, data, `order { ${ORDER} }`, 'order', Order)
  return {
    get: async (id: string) =>
      gql.check(
        OrderResult,
        (
          await gql.query(
            `query ($id: String!) { order(id: $id) { request_id complexity data { ${ORDER} } } }`,
            { id },
          )
        ).order,
        'order',
      ).data,
    all: (
      o: { fulfillment_status?: string; customer_account_id?: string; pageSize?: number } = {},
    ) =>
      gql.paginate<Order>(
        `query ($first: Int, $after: String, $s: String, $c: String) { orders(fulfillment_status: $s, customer_account_id: $c) { request_id complexity data(first: $first, after: $after) { ${PAGE_INFO} edges { node { ${ORDER} } } } } }`,
        (d) => gql.check(connection(Order), d.orders.data, 'orders'),
        {
          variables: { s: o.fulfillment_status, c: o.customer_account_id },
          pageSize: o.pageSize ?? 20,
        },
      ),
    create: change('order_create', 'CreateOrderInput'),
    update: change('order_update', 'UpdateOrderInput'),
    cancel: (data: {
      order_id: string
      reason?: string
      force?: boolean
      customer_account_id?: string
    }) => change('order_cancel', 'CancelOrderInput')(data),
    updateFulfillmentStatus: (data: {
      order_id: string
      fulfillment_status: string
      reason?: string
    }) => change('order_update_fulfillment_status', 'UpdateOrderFulfillmentStatusInput')(data),
    addLineItems: (data: { order_id: string; line_items: Array<Record<string, unknown>> }) =>
      change('order_add_line_items', 'AddLineItemsInput')(data),
  }
}
