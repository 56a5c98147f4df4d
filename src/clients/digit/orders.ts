import type { z } from 'zod'
import { nodesConnection, Order } from '../../../contracts/digit/schemas.ts'
import type { CostInput, ListArgs } from './items.ts'
import { ORDER, ORDER_TOTAL, PAGE_INFO } from './operations.ts'
import type { DigitGraphql } from './transport.ts'

export type DigitOrder = z.output<typeof Order>
export type OrderStatus = z.output<typeof Order>['orderStatus']
export interface OrderLineInput {
  /** The item's id. */
  id: string
  quantity: number
  cost: CostInput
}
/** What a real import sends: customer, shipping address, lines; the organization is the token's. */
export interface CreateOrderInput {
  customerId: string
  shippingAddressId: string
  items: OrderLineInput[]
  clerkOrganizationId?: string
  billingAddressId?: string
  useShippingAsBilling?: boolean
  orderStatus?: 'draft' | 'requested' | 'unfulfilled'
  paymentStatus?: 'not_paid' | 'partially_paid' | 'paid'
  orderDate?: string
  requestedDeliveryDate?: string
  customerReferenceNumber?: string
  notes?: string
}
export type UpdateOrderInput = { orderId: string } & Partial<
  Omit<CreateOrderInput, 'clerkOrganizationId' | 'orderStatus'>
> & {
    orderStatus?: NonNullable<OrderStatus>
    paymentStatus?: CreateOrderInput['paymentStatus'] | 'refunded'
  }
export interface OrderListArgs extends ListArgs {
  order?: { by: 'orderDate' | 'orderNumber' | 'createdAt'; direction: 'asc' | 'desc' }
}

/** Sales orders. `{ costs: true }` also reads `totalOrderAmount` (needs READ_ORDER_COST_INFO). */
export function createOrders(gql: DigitGraphql) {
  const Orders = nodesConnection(Order)
  const fields = (costs?: boolean) => (costs ? `${ORDER} ${ORDER_TOTAL}` : ORDER)
  return {
    list: async (a: OrderListArgs & { costs?: boolean } = {}) =>
      gql.check(
        Orders,
        (
          await gql.query(
            `query ($search: String, $connection: ConnectionInput, $order: OrderOrderInput) { orders(search: $search, connection: $connection, order: $order) { totalCount ${PAGE_INFO} nodes { ${fields(a.costs)} } } }`,
            { search: a.search, connection: { first: a.first, after: a.after }, order: a.order },
          )
        ).orders,
        'orders',
      ),
    all: (o: { search?: string; order?: OrderListArgs['order']; pageSize?: number } = {}) =>
      gql.paginate<DigitOrder>(
        `query ($search: String, $connection: ConnectionInput, $order: OrderOrderInput) { orders(search: $search, connection: $connection, order: $order) { totalCount ${PAGE_INFO} nodes { ${ORDER} } } }`,
        (d) => gql.check(Orders, d.orders, 'orders'),
        {
          variables: { search: o.search, order: o.order },
          pageSize: o.pageSize ?? 100,
          page: gql.page,
        },
      ),
    get: async (orderId: string, o: { costs?: boolean } = {}) =>
      gql.check(
        Order,
        (
          await gql.query(`query ($id: ID!) { order(orderId: $id) { ${fields(o.costs)} } }`, {
            id: orderId,
          })
        ).order,
        'order',
      ),
    create: (input: CreateOrderInput) =>
      gql.mutate('createOrder', 'CreateOrderInput', { ...input }, 'order', ORDER, Order),
    update: (input: UpdateOrderInput) =>
      gql.mutate('updateOrder', 'UpdateOrderInput', { ...input }, 'order', ORDER, Order),
  }
}
