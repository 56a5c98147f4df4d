import * as S from '../../../contracts/digikey/schemas.ts'
import { seg, type Call } from './call.ts'

/** Order Status v4 (2- or 3-legged). @see https://developer.digikey.com/products/order-status/orderstatus */
export const createOrderStatus = (call: Call, legs: () => Promise<2 | 3>) => ({
  searchOrders: async (
    q: {
      Shared?: boolean
      StartDate?: string
      EndDate?: string
      PageNumber?: number
      PageSize?: number
    } = {},
  ) => call(await legs(), 'GET', '/orderstatus/v4/orders', S.OrderSearchResponse, { query: q }),
  salesOrder: async (salesOrderId: number) =>
    call(await legs(), 'GET', `/orderstatus/v4/salesorder/${seg(salesOrderId)}`, S.SalesOrder),
})
