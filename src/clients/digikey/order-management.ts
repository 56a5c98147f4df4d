import { z } from 'zod'
import * as S from '../../../contracts/digikey/schemas.ts'
import { seg, type Call } from './call.ts'

const OM = '/OrderManagement/v1'

/** Order Management v1 (3-legged; the sub-paths are vendorsim proposals). @see https://developer.digikey.com/products/ordering/ordermanagement */
export const createOrderManagement = (call: Call) => ({
  salesOrder: (salesOrderId: number) =>
    call(3, 'GET', `${OM}/SalesOrders/${seg(salesOrderId)}`, S.SalesOrderView),
  byPoNumber: (poNumber: string) =>
    call(3, 'GET', `${OM}/SalesOrders`, z.array(S.SalesOrderView), { query: { poNumber } }),
  changeEligibility: (salesOrderId: number) =>
    call(3, 'GET', `${OM}/SalesOrders/${seg(salesOrderId)}/ChangeEligibility`, S.ChangeEligibility),
  details: (salesOrderId: number) =>
    call(
      3,
      'GET',
      `${OM}/SalesOrders/${seg(salesOrderId)}/Details`,
      z.array(S.SalesOrderDetailView),
    ),
  detail: (salesOrderId: number, detailId: number) =>
    call(
      3,
      'GET',
      `${OM}/SalesOrders/${seg(salesOrderId)}/Details/${seg(detailId)}`,
      S.SalesOrderDetailView,
    ),
  schedules: (salesOrderId: number) =>
    call(3, 'GET', `${OM}/SalesOrders/${seg(salesOrderId)}/Schedules`, S.SalesOrderSchedulesView),
  detailSchedules: (salesOrderId: number, detailId: number) =>
    call(
      3,
      'GET',
      `${OM}/SalesOrders/${seg(salesOrderId)}/Details/${seg(detailId)}/Schedules`,
      z.array(S.ScheduleView),
    ),
  schedule: (salesOrderId: number, detailId: number, scheduleIndex: number) =>
    call(
      3,
      'GET',
      `${OM}/SalesOrders/${seg(salesOrderId)}/Details/${seg(detailId)}/Schedules/${seg(scheduleIndex)}`,
      S.ScheduleView,
    ),
  /** Replace a detail's schedules (quantities add up to its open quantity); reads return the old ones until it takes effect. */
  replaceSchedules: (
    salesOrderId: number,
    detailId: number,
    schedules: Array<{ QuantityScheduled: number; ScheduledDate: string }>,
  ) =>
    call(
      3,
      'PUT',
      `${OM}/SalesOrders/${seg(salesOrderId)}/Details/${seg(detailId)}/Schedules`,
      S.ScheduleChangeAccepted,
      { json: { Schedules: schedules } },
    ),
  /** Move one schedule to another date. */
  updateSchedule: (
    salesOrderId: number,
    detailId: number,
    scheduleIndex: number,
    scheduledDate: string,
  ) =>
    call(
      3,
      'PATCH',
      `${OM}/SalesOrders/${seg(salesOrderId)}/Details/${seg(detailId)}/Schedules/${seg(scheduleIndex)}`,
      S.ScheduleView,
      { json: { ScheduledDate: scheduledDate } },
    ),
  nextAvailableDeliveryDate: (shipMethod: S.ShipMethod) =>
    call(3, 'GET', `${OM}/NextAvailableDeliveryDate`, S.NextAvailableDeliveryDate, {
      query: { shipMethod },
    }),
})
