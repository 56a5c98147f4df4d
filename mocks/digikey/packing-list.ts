import { Hono } from 'hono'
import { send, SimError } from '../core/index.ts'
import { textPdf } from '../core/pdf.ts'
import { intParam, type Ctx, type Env } from './params.ts'
import { guard } from './auth.ts'
import { findSalesOrder, invoicedOrder, visibleOrders } from './visibility.ts'
import type { SalesOrderRecord, ShipmentRecord } from './store.ts'
import { dkTime, packingListView } from './views.ts'

function includePdf(c: Ctx): boolean {
  const raw = c.req.query('includePdf')
  if (raw === undefined || /^false$/i.test(raw)) return false
  if (/^true$/i.test(raw)) return true
  throw new SimError(400, '400', 'One or more validation errors occurred', {
    details: [{ field: 'includePdf', message: `The value '${raw}' is not valid for includePdf.` }],
  })
}

/** The packing list document: a small real PDF, base64. */
function pdfOf(o: SalesOrderRecord, s: ShipmentRecord): string {
  const lines = [
    `Sales order ${o.id}   Invoice ${s.invoiceId}   PO ${o.purchaseOrder}`,
    `Shipped ${dkTime(s.at)} via ${o.shipMethod}, tracking ${s.trackingNumber}`,
    `Ship to: ${[o.address.FirstName, o.address.LastName].filter(Boolean).join(' ')}, ${o.address.CompanyName ?? ''}`,
    `         ${o.address.AddressLine1 ?? ''}, ${o.address.City ?? ''} ${o.address.State ?? ''} ${o.address.ZipCode ?? ''} ${o.address.IsoCode ?? ''}`,
    '',
    'Line  DigiKey part number        Manufacturer part    Qty shipped  COO',
    ...s.lines.map((x) => {
      const l = o.lines.find((y) => y.detailId === x.detailId)!
      return `${String(l.detailId).padEnd(6)}${l.partId.padEnd(27)}${l.mpn.padEnd(21)}${String(x.quantity).padStart(11)}  ${l.countryOfOrigin}`
    }),
  ]
  return Buffer.from(textPdf(`DigiKey packing list - invoice ${s.invoiceId}`, lines)).toString(
    'base64',
  )
}

const lists = (o: SalesOrderRecord, pdf: boolean) =>
  o.shipments.map((s) => packingListView(o, s, pdf ? pdfOf(o, s) : null))

/**
 * Packing List v1 (3-legged only): one packing list per invoice (shipment).
 * Nothing shipped yet → 404. `includePdf=true` adds the document as base64.
 * @see https://developer.digikey.com/products/barcode/packinglist
 */
export function packingListRoutes() {
  const app = new Hono<Env>()
  app.get('/packinglist/v1/invoice/:invoiceId', (c) => {
    const caller = guard(c, 'packinglist')
    const invoiceId = intParam(c, 'invoiceId')
    const pdf = includePdf(c)
    const o = invoicedOrder(c, caller, invoiceId)
    const s = o?.shipments.find((x) => x.invoiceId === invoiceId)
    if (o && s) return send(c, packingListView(o, s, pdf ? pdfOf(o, s) : null))
    throw new SimError(404, '404', 'Could not find InvoiceId', {
      extra: { errorDetails: `No packing list for invoice ${invoiceId}.` },
    })
  })

  app.get('/packinglist/v1/salesorderid/:salesOrderId', (c) => {
    const caller = guard(c, 'packinglist')
    const o = findSalesOrder(c, caller, intParam(c, 'salesOrderId'))
    const pdf = includePdf(c)
    if (o.shipments.length === 0)
      throw new SimError(404, '404', 'No packing list found', {
        extra: {
          errorDetails: `Sales order ${o.id} has not shipped yet (status ${o.status}); packing lists exist once a shipment is invoiced.`,
        },
      })
    return send(c, lists(o, pdf))
  })

  app.get('/packinglist/v1/purchaseordernumber/:poNumber', (c) => {
    const caller = guard(c, 'packinglist')
    const po = c.req.param('poNumber')
    const pdf = includePdf(c)
    const out = visibleOrders(c, caller, true, (key) =>
      c.get('tenant').state.salesOrders.lookup('po', `${key}|${po}`),
    ).flatMap((o) => lists(o, pdf))
    if (out.length === 0)
      throw new SimError(404, '404', 'No packing list found', {
        extra: { errorDetails: `No shipped sales order has the purchase order number "${po}".` },
      })
    return send(c, out)
  })
  return app
}
