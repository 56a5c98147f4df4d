import {
  Order,
  type CreateOrderRequest,
  type PatchOrderRequest,
} from '../../../contracts/digipix/schemas.ts'
import type { DigipixAuth } from './auth.ts'

/** Orders (scope `orders`). @see https://api.digipix.io/docs#tag/Orders */
export function createOrders(auth: DigipixAuth) {
  const patch = (orderId: string, input: PatchOrderRequest) =>
    auth.send({
      method: 'PATCH',
      path: `/v1/orders/${encodeURIComponent(orderId)}`,
      json: input,
      schema: Order,
    })
  return {
    /** Create an order (QUOTE, or pre-approved with `shipmentId` / `shipmentMethodId`). */
    create: (input: CreateOrderRequest) =>
      auth.send({ method: 'POST', path: '/v1/orders', json: input, schema: Order }),
    get: (orderId: string) =>
      auth.send({
        method: 'GET',
        path: `/v1/orders/${encodeURIComponent(orderId)}`,
        schema: Order,
      }),
    patch,
    /** Approve a QUOTE order with one of its shipments or a shipment method. */
    approve: (orderId: string, choice: { shipmentId: string } | { shipmentMethodId: 1 | 2 | 3 }) =>
      patch(orderId, { status: 'approved', ...choice }),
    /** Cancel an order that is not yet in production. */
    cancel: (orderId: string) => patch(orderId, { status: 'canceled' }),
  }
}
