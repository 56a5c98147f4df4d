import { Hono } from 'hono'
import type { SalesOrder } from '../../contracts/digikey/schemas.ts'
import { CANNED } from '../../fixtures/digikey/catalog.ts'
import { DAY, send, SimError } from '../core/index.ts'
import { firstIndex, type RowOrder } from '../core/sort.ts'
import { intParam, type Env } from './params.ts'
import { guard } from './auth.ts'
import { findSalesOrder, visibleOrders } from './visibility.ts'
import { dkTime, orderSummary, salesOrderView, statusInfo, webOrderPage } from './views.ts'
import type { SalesOrderRecord } from './store.ts'

/** Order Status lists sales orders newest first (the later id first when entered together). */
const NEWEST_FIRST: RowOrder<SalesOrderRecord> = {
  name: '-enteredAt,-id',
  compare: (a, b) => b.enteredAt - a.enteredAt || b.id - a.id,
}

const invalidQuery = (field: string, message: string) =>
  new SimError(400, '400', 'One or more validation errors occurred', {
    details: [{ field, message }],
  })

/** Parse a StartDate/EndDate: a date (`2026-01-05`) or a date-time; `end` makes a bare date inclusive. */
function parseDate(field: string, raw: string | undefined, end: boolean): number | undefined {
  if (raw === undefined || raw === '') return undefined
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(raw)
  const ms = Date.parse(bare ? `${raw}T00:00:00Z` : raw)
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(ms))
    throw invalidQuery(field, `The value '${raw}' is not valid for ${field}.`)
  return bare && end ? ms + DAY - 1 : ms
}

/** DigiKey's real sandbox answers fixed data whatever the input (`canned` mode reproduces it). */
function cannedSalesOrder(id: number, entered: string): SalesOrder {
  return {
    CustomerId: CANNED.CustomerId,
    Contact: { FirstName: 'Sandbox', LastName: 'Customer', Email: 'sandbox@example.com' },
    SalesOrderId: id,
    Status: statusInfo('Shipped'),
    PurchaseOrder: 'SANDBOX',
    TotalPrice: 2.04,
    DateEntered: entered,
    OrderNumber: CANNED.OrderNumbers[0],
    ShipMethod: 'UPS ground',
    Currency: 'USD',
    ShippingAddress: {
      FirstName: 'Sandbox',
      LastName: 'Customer',
      CompanyName: 'DigiKey Sandbox',
      AddressLine1: '701 Brooks Ave S',
      AddressLine2: null,
      AddressLine3: null,
      City: 'Thief River Falls',
      State: 'MN',
      County: null,
      ZipCode: '56701',
      IsoCode: 'US',
      Phone: null,
      InvoiceId: 61200000,
    },
    LineItems: [
      {
        SalesOrderId: id,
        DetailId: 1,
        TotalPrice: 2.04,
        PurchaseOrder: 'SANDBOX',
        CustomerReference: null,
        CountryOfOrigin: 'TW',
        DigiKeyProductNumber: '311-10.0KHRCT-ND',
        ManufacturerProductNumber: 'RC0603FR-0710KL',
        Description: 'RES 10K OHM 1% 1/10W 0603',
        PackType: 'CutTape',
        QuantityInitialRequested: 100,
        QuantityOrdered: 100,
        QuantityShipped: 100,
        QuantityReserved: 0,
        QuantityBackOrder: 0,
        UnitPrice: 0.0204,
        PoLineItemNumber: null,
        ItemShipments: [
          {
            QuantityShipped: 100,
            InvoiceId: 61200000,
            ShippedDate: entered,
            TrackingNumber: '1Z0000000000000000',
            ExpectedDeliveryDate: null,
          },
        ],
        Schedules: [],
      },
    ],
  }
}

/**
 * Order Status v4: `GET /orderstatus/v4/orders` (SearchOrders) and
 * `GET /orderstatus/v4/salesorder/{salesOrderId}` (RetrieveSalesOrder); 2- and 3-legged.
 * @see https://developer.digikey.com/products/order-status/orderstatus/searchorders
 */
export function orderStatusRoutes() {
  const app = new Hono<Env>()
  app.get('/orderstatus/v4/orders', (c) => {
    const caller = guard(c, 'orderstatus')
    const tenant = c.get('tenant')
    const q = c.req.query()
    const shared =
      q.Shared === undefined
        ? false
        : /^true$/i.test(q.Shared)
          ? true
          : /^false$/i.test(q.Shared)
            ? false
            : (() => {
                throw invalidQuery('Shared', `The value '${q.Shared}' is not valid for Shared.`)
              })()
    const now = tenant.clock.now()
    const end = parseDate('EndDate', q.EndDate, true) ?? now
    // Without dates the window is the last month [proposal: OrderDetails v3's documented default].
    const start = parseDate('StartDate', q.StartDate, false) ?? end - 30 * DAY
    if (start > end) throw invalidQuery('StartDate', 'StartDate must be on or before EndDate.')
    const page = q.PageNumber === undefined ? 1 : Number(q.PageNumber)
    const size = q.PageSize === undefined ? 10 : Number(q.PageSize)
    if (!Number.isInteger(page) || page < 1)
      throw invalidQuery(
        'PageNumber',
        `The value '${q.PageNumber}' is not valid for PageNumber; pages start at 1.`,
      )
    if (!Number.isInteger(size) || size < 1 || size > 50)
      throw invalidQuery(
        'PageSize',
        `The value '${q.PageSize}' is not valid for PageSize; use 1 to 50.`,
      )
    if (tenant.state.settings.canned) {
      const dates = [q.StartDate ?? dkTime(start), q.EndDate ?? dkTime(end)]
      const orders = CANNED.SalesOrderIds.map((id, i) => {
        const so = { ...cannedSalesOrder(id, dates[i]!), OrderNumber: CANNED.OrderNumbers[i]! }
        return {
          OrderNumber: so.OrderNumber,
          CustomerId: so.CustomerId,
          DateEntered: so.DateEntered,
          Currency: so.Currency,
          PONumber: so.PurchaseOrder,
          EntireOrderStatus: {
            Status: 'Shipped',
            ShortDescription: so.Status.ShortDescription,
            LongDescription: so.Status.LongDescription,
          },
          SalesOrders: [so],
        }
      })
      return send(c, { TotalOrders: orders.length, Orders: orders })
    }
    // Each account's orders newest first, as the table keeps them: the window is two binary
    // searches, and only the page's orders are laid out.
    const inWindow = visibleOrders(
      c,
      caller,
      shared,
      (key) => {
        const rows = tenant.state.salesOrders.sorted('account', key, NEWEST_FIRST)
        return rows.slice(
          firstIndex(rows, (o) => o.enteredAt <= end),
          firstIndex(rows, (o) => o.enteredAt < start),
        )
      },
      NEWEST_FIRST.compare,
    )
    const one = webOrderPage(inWindow, page, size)
    return send(c, { TotalOrders: one.totalCount, Orders: one.items.map(orderSummary) })
  })

  app.get('/orderstatus/v4/salesorder/:salesOrderId', (c) => {
    const caller = guard(c, 'orderstatus')
    const id = intParam(c, 'salesOrderId')
    if (c.get('tenant').state.settings.canned)
      return send(c, cannedSalesOrder(id, dkTime(c.get('tenant').clock.now())))
    return send(c, salesOrderView(findSalesOrder(c, caller, id)))
  })
  return app
}
