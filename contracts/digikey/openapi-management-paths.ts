import type { OpenAPIV3_1 } from 'openapi-types'
import { ok, om, OM, path, query } from './openapi-operations.ts'

/**
 * Order Management v1, for DigiKey's OpenAPI document (`openapi.ts`): every path and model is a
 * vendorsim proposal (DigiKey publishes the operation names, not the Swagger).
 */
export const ORDER_MANAGEMENT_PATHS: OpenAPIV3_1.PathsObject = {
  [`${OM}/SalesOrders`]: {
    get: om(
      'SalesOrdersByPoNumber',
      'Sales orders with a PO number',
      ok('SalesOrderView', 'Sales orders', true),
      { params: [query('poNumber', 'string', undefined, true)] },
    ),
  },
  [`${OM}/SalesOrders/{salesOrderId}`]: {
    get: om('SalesOrderById', 'A SalesOrderView', ok('SalesOrderView', 'Sales order'), {
      params: [path('salesOrderId')],
    }),
  },
  [`${OM}/SalesOrders/{salesOrderId}/ChangeEligibility`]: {
    get: om(
      'ChangeEligibility',
      'Whether the order can still change',
      ok('ChangeEligibility', 'Eligibility'),
      { params: [path('salesOrderId')] },
    ),
  },
  [`${OM}/SalesOrders/{salesOrderId}/Details`]: {
    get: om(
      'SalesOrderDetails',
      "The order's details (lines)",
      ok('SalesOrderDetailView', 'Details', true),
      { params: [path('salesOrderId')] },
    ),
  },
  [`${OM}/SalesOrders/{salesOrderId}/Details/{detailId}`]: {
    get: om('SalesOrderDetailById', 'One detail', ok('SalesOrderDetailView', 'Detail'), {
      params: [path('salesOrderId'), path('detailId')],
    }),
  },
  [`${OM}/SalesOrders/{salesOrderId}/Schedules`]: {
    get: om(
      'SalesOrderSchedules',
      "Every detail's schedules",
      ok('SalesOrderSchedulesView', 'Schedules'),
      { params: [path('salesOrderId')] },
    ),
  },
  [`${OM}/SalesOrders/{salesOrderId}/Details/{detailId}/Schedules`]: {
    get: om('DetailSchedules', "One detail's schedules", ok('ScheduleView', 'Schedules', true), {
      params: [path('salesOrderId'), path('detailId')],
    }),
    put: om(
      'ReplaceSchedule',
      "Replace a detail's schedules (quantities add up to the open quantity); visible after a delay",
      ok('ScheduleChangeAccepted', 'Accepted', false, '202'),
      {
        params: [path('salesOrderId'), path('detailId')],
        body: 'ReplaceScheduleRequest',
        codes: [400, 401, 403, 404, 409],
      },
    ),
  },
  [`${OM}/SalesOrders/{salesOrderId}/Details/{detailId}/Schedules/{scheduleIndex}`]: {
    get: om('SalesOrderScheduleById', 'One schedule', ok('ScheduleView', 'Schedule'), {
      params: [path('salesOrderId'), path('detailId'), path('scheduleIndex')],
    }),
    patch: om(
      'PartialScheduleUpdate',
      'Move one schedule to another date',
      ok('ScheduleView', 'Schedule'),
      {
        params: [path('salesOrderId'), path('detailId'), path('scheduleIndex')],
        body: 'PartialScheduleUpdateRequest',
        codes: [400, 401, 403, 404, 409],
      },
    ),
  },
  [`${OM}/NextAvailableDeliveryDate`]: {
    get: om(
      'NextAvailableDeliveryDate',
      'Earliest delivery for a ship method (next release day + transit)',
      ok('NextAvailableDeliveryDate', 'Dates'),
      { params: [query('shipMethod', 'string', undefined, true)] },
    ),
  },
}
