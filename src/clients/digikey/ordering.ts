import * as S from '../../../contracts/digikey/schemas.ts'
import type { Call } from './call.ts'

/** Ordering v3 (3-legged; the account needs a credit line). @see https://developer.digikey.com/products/ordering/ordering */
export const createOrdering = (call: Call) => ({
  /** 201 with `SalesOrderId` (0: Marketplace only, see `SalesOrderIds_DKPlus`; -1: accepted, id not assigned yet — do not resubmit). */
  placeOrder: (order: S.OrderRequest) =>
    call(3, 'POST', '/Ordering/v3/Orders', S.OrderResponse, { json: order }),
})
