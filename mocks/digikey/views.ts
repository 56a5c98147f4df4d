import type { z } from 'zod'
import type {
  OrderSummary,
  PackingList,
  SalesOrder,
  SalesOrderStatus,
  SalesOrderView,
  ScheduleView,
} from '../../contracts/digikey/schemas.ts'
import { isoInZone, isoSecondsZ } from '../core/index.ts'
import { openQuantity, releaseAt } from './lifecycle.ts'
import type { LineRecord, SalesOrderRecord, ShipmentRecord } from './store.ts'

/** DigiKey reports local times of its Minnesota site. */
export const DK_ZONE = 'America/Chicago'
export const dkTime = (ms: number) => isoInZone(ms, DK_ZONE)

/** Short and long descriptions per status, as myDigiKey words them (Shipped verbatim; the rest [proposal]). */
export const STATUS_TEXT: Record<SalesOrderStatus, [string, string]> = {
  Unknown: ['Unknown', 'The status of this order is not available.'],
  Received: ['Received', 'Your order has been received and is waiting to be processed.'],
  Processing: ['Processing', 'Your order is being processed.'],
  Processing3rdParty: [
    'Processing',
    'Your order is being processed by a DigiKey Marketplace supplier.',
  ],
  ProcessingPartialShipment: [
    'Partially Shipped',
    'Some products in this order have shipped. Invoice and tracking information is available for shipped products.',
  ],
  ProcessingAwaitingBackorders: [
    'Awaiting Backorders',
    'This order will ship complete once all backordered products are available.',
  ],
  ProcessingShipBackorder: [
    'Backorder Pending',
    'In-stock products have shipped; backordered products will ship as they become available.',
  ],
  ProcessingScheduledShipmentMultipleRelease: [
    'Scheduled',
    'Products in this order are scheduled to ship on multiple dates.',
  ],
  ProcessingScheduledShipmentSingleRelease: [
    'Scheduled',
    'Products in this order are scheduled to ship on a future date.',
  ],
  ProcessingScheduledShipmentMsc: [
    'Scheduled',
    'This order is scheduled under a Managed Scheduling Contract.',
  ],
  Shipped: [
    'Shipped',
    'All products in this order have been shipped. Invoice and tracking information is available.',
  ],
  Delivered: ['Delivered', 'All products in this order have been delivered.'],
  GenericDelay: ['Delayed', 'This order is delayed. Contact DigiKey customer service for details.'],
  Canceled: ['Canceled', 'This order has been canceled.'],
  Proforma: ['Proforma', 'This order is waiting for payment of a proforma invoice.'],
  ActionRequiredWireTransfer: [
    'Action Required',
    'This order is waiting for a wire transfer payment.',
  ],
}

export const statusInfo = (s: SalesOrderStatus) => ({
  SalesOrderStatus: s,
  ShortDescription: STATUS_TEXT[s][0],
  LongDescription: STATUS_TEXT[s][1],
})

export const scheduleViews = (l: LineRecord): Array<z.output<typeof ScheduleView>> =>
  l.schedules.map((s, i) => ({
    ScheduleIndex: i,
    QuantityScheduled: s.quantity,
    ScheduledDate: s.date,
    DigiKeyReleaseDate: dkTime(releaseAt(s.date)),
  }))

const totalOf = (o: SalesOrderRecord) =>
  Math.round(o.lines.reduce((n, l) => n + l.totalPrice, 0) * 100) / 100

/** Views of stored records: a record is replaced, never changed, on update, so its view can be kept. */
const views = new WeakMap<SalesOrderRecord, SalesOrder>()

/** Order Status v4 `SalesOrder` (built once per stored version of the order). */
export function salesOrderView(o: SalesOrderRecord): SalesOrder {
  let view = views.get(o)
  if (!view) views.set(o, (view = buildSalesOrderView(o)))
  return view
}

function buildSalesOrderView(o: SalesOrderRecord): SalesOrder {
  const lastInvoice = o.shipments.at(-1)?.invoiceId ?? null
  return {
    CustomerId: o.customerId,
    Contact: o.contact,
    SalesOrderId: o.id,
    Status: statusInfo(o.status),
    PurchaseOrder: o.purchaseOrder,
    TotalPrice: totalOf(o),
    DateEntered: dkTime(o.enteredAt),
    OrderNumber: o.orderNumber,
    ShipMethod: o.shipMethod,
    Currency: o.currency,
    ShippingAddress: { ...o.address, AddressLine3: null, County: null, InvoiceId: lastInvoice },
    LineItems: o.lines.map((l) => ({
      SalesOrderId: o.id,
      DetailId: l.detailId,
      TotalPrice: l.totalPrice,
      PurchaseOrder: o.purchaseOrder,
      CustomerReference: l.customerReference,
      CountryOfOrigin: l.countryOfOrigin,
      DigiKeyProductNumber: l.partId,
      ManufacturerProductNumber: l.mpn,
      Description: l.description,
      PackType: l.packType,
      QuantityInitialRequested: l.requested,
      QuantityOrdered: l.requested,
      QuantityShipped: l.shipped,
      QuantityReserved: l.reserved,
      QuantityBackOrder: l.backorder,
      UnitPrice: l.unitPrice,
      PoLineItemNumber: null,
      ItemShipments: o.shipments.flatMap((s) =>
        s.lines
          .filter((x) => x.detailId === l.detailId)
          .map((x) => ({
            QuantityShipped: x.quantity,
            InvoiceId: s.invoiceId,
            ShippedDate: isoSecondsZ(s.at),
            TrackingNumber: s.trackingNumber,
            ExpectedDeliveryDate: isoSecondsZ(s.expectedDeliveryAt),
          })),
      ),
      Schedules: l.schedules.map((s) => ({
        QuantityScheduled: s.quantity,
        ScheduledDate: s.date,
        DigiKeyReleaseDate: dkTime(releaseAt(s.date)),
      })),
    })),
  }
}

/**
 * One page of web orders (`size` per page) among sales orders listed newest first, and how many
 * web orders there are. The sales orders of a web order are placed together (one time, one
 * account, ids in a row), so they stand side by side in that list: a web order is a run of one
 * order number, counted without grouping the list, and only the page's runs are kept.
 */
export function webOrderPage(orders: readonly SalesOrderRecord[], page: number, size: number) {
  const first = (page - 1) * size
  const items: SalesOrderRecord[][] = []
  let count = 0
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i]!
    if (i > 0 && orders[i - 1]!.orderNumber === o.orderNumber) {
      if (count - 1 >= first && count - 1 < first + size) items[items.length - 1]!.push(o)
      continue
    }
    if (count >= first && count < first + size) items.push([o])
    count++
  }
  return { totalCount: count, items }
}

/** Order Status v4 `Orders[]` entry: the sales orders of one web order number. */
export function orderSummary(group: readonly SalesOrderRecord[]): z.output<typeof OrderSummary> {
  const main = group.find((o) => !o.marketplace) ?? group[0]!
  const [short, long] = STATUS_TEXT[main.status]
  return {
    OrderNumber: main.orderNumber,
    CustomerId: main.customerId,
    DateEntered: dkTime(Math.min(...group.map((o) => o.enteredAt))),
    Currency: main.currency,
    PONumber: main.purchaseOrder,
    EntireOrderStatus: { Status: main.status, ShortDescription: short, LongDescription: long },
    SalesOrders: group.map(salesOrderView),
  }
}

/** Packing List v1 model [proposal]: one list per invoice (shipment). */
export function packingListView(
  o: SalesOrderRecord,
  s: ShipmentRecord,
  pdf: string | null,
): PackingList {
  return {
    SalesOrderId: o.id,
    InvoiceId: s.invoiceId,
    PurchaseOrder: o.purchaseOrder,
    ShipDate: isoSecondsZ(s.at),
    Carrier: s.carrier,
    TrackingNumber: s.trackingNumber,
    LineItems: s.lines.map((x) => {
      const l = o.lines.find((y) => y.detailId === x.detailId)!
      return {
        DetailId: l.detailId,
        DigiKeyProductNumber: l.partId,
        ManufacturerProductNumber: l.mpn,
        Description: l.description,
        QuantityShipped: x.quantity,
        CountryOfOrigin: l.countryOfOrigin,
      }
    }),
    PackingListPdf: pdf,
  }
}

/** Order Management v1 `SalesOrderView` [proposal]. */
export function managementView(o: SalesOrderRecord): SalesOrderView {
  return {
    SalesOrderId: o.id,
    OrderNumber: o.orderNumber,
    CustomerId: o.customerId,
    PurchaseOrderNumber: o.purchaseOrder,
    Status: statusInfo(o.status),
    DateEntered: dkTime(o.enteredAt),
    Currency: o.currency,
    ShipMethod: o.shipMethod,
    ShipControl: o.shipControl,
    Details: o.lines.map((l) => detailView(o, l)),
  }
}

export const detailView = (o: SalesOrderRecord, l: LineRecord) => ({
  SalesOrderId: o.id,
  DetailId: l.detailId,
  DigiKeyProductNumber: l.partId,
  ManufacturerProductNumber: l.mpn,
  Description: l.description,
  QuantityOrdered: l.requested,
  QuantityShipped: l.shipped,
  QuantityOpen: openQuantity(l),
  UnitPrice: l.unitPrice,
  Schedules: scheduleViews(l),
})

export const schedulesView = (o: SalesOrderRecord) => ({
  SalesOrderId: o.id,
  Details: o.lines.map((l) => ({
    DetailId: l.detailId,
    QuantityOpen: openQuantity(l),
    Schedules: scheduleViews(l),
  })),
})
