import { z } from 'zod'
import * as S from '../../../contracts/digikey/schemas.ts'
import { seg, type Call } from './call.ts'

/** Packing List v1 (3-legged): one list per invoice; `includePdf` adds the document (base64). @see https://developer.digikey.com/products/barcode/packinglist */
export const createPackingList = (call: Call) => ({
  byInvoice: (invoiceId: number, o: { includePdf?: boolean } = {}) =>
    call(3, 'GET', `/packinglist/v1/invoice/${seg(invoiceId)}`, S.PackingList, {
      query: { includePdf: o.includePdf },
    }),
  bySalesOrder: (salesOrderId: number, o: { includePdf?: boolean } = {}) =>
    call(3, 'GET', `/packinglist/v1/salesorderid/${seg(salesOrderId)}`, z.array(S.PackingList), {
      query: { includePdf: o.includePdf },
    }),
  byPurchaseOrder: (poNumber: string, o: { includePdf?: boolean } = {}) =>
    call(3, 'GET', `/packinglist/v1/purchaseordernumber/${seg(poNumber)}`, z.array(S.PackingList), {
      query: { includePdf: o.includePdf },
    }),
})
