import { Hono } from 'hono'
import type { z } from 'zod'
import {
  PartialScheduleUpdateRequest,
  ReplaceScheduleRequest,
  SHIP_METHODS,
  type ShipMethod,
} from '../../contracts/digikey/requests.ts'
import { addBusinessDays, readJsonBody, send, SimError } from '../core/index.ts'
import { intParam, type Ctx, type Env } from './params.ts'
import { guard } from './auth.ts'
import { findSalesOrder, visibleOrders } from './visibility.ts'
import { openQuantity, plan, releaseAt, update } from './lifecycle.ts'
import {
  checkDates,
  ineligibility,
  invalid,
  nextReleaseDate,
  planScheduleChange,
} from './schedules.ts'
import { transitDays } from './shipping.ts'
import { dotnetProblems } from './errors.ts'
import type { LineRecord, SalesOrderRecord } from './store.ts'
import { detailView, dkTime, managementView, scheduleViews, schedulesView } from './views.ts'

const BASE = '/OrderManagement/v1'

const conflict = (message: string) => new SimError(409, '409', message)

function lineOf(o: SalesOrderRecord, c: Ctx): LineRecord {
  const detailId = intParam(c, 'detailId')
  const line = o.lines.find((l) => l.detailId === detailId)
  if (!line)
    throw new SimError(404, '404', 'Could not find DetailId', {
      extra: { errorDetails: `Sales order ${o.id} has no detail ${detailId}.` },
    })
  return line
}

async function jsonBody(c: Ctx) {
  const body = await readJsonBody(c, (reason) => invalid([{ field: '$', message: reason }]))
  return body.value
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, model: string): z.output<S> {
  const r = schema.safeParse(value ?? {})
  if (!r.success)
    throw invalid(
      dotnetProblems(r.error.issues as never, model).map((p) => ({
        field: p.field || '$',
        message: p.message,
      })),
    )
  return r.data
}

/**
 * Order Management v1 (3-legged only) [proposal paths: DigiKey publishes the
 * operations, not their sub-paths]: read open sales orders, their details and
 * schedules; replace a detail's schedules (takes effect after a delay, "up to a
 * minute"); move one schedule's date; find orders by PO number; the next
 * available delivery date.
 * @see https://developer.digikey.com/products/ordering/ordermanagement
 */
export function orderManagementRoutes() {
  const app = new Hono<Env>()
  const order = (c: Ctx) => {
    const caller = guard(c, 'ordermanagement')
    return findSalesOrder(c, caller, intParam(c, 'salesOrderId'))
  }

  app.get(`${BASE}/SalesOrders`, (c) => {
    const caller = guard(c, 'ordermanagement')
    const po = c.req.query('poNumber')
    if (!po) throw invalid([{ field: 'poNumber', message: 'The poNumber field is required.' }])
    return send(
      c,
      visibleOrders(c, caller, true, (key) =>
        c.get('tenant').state.salesOrders.lookup('po', `${key}|${po}`),
      ).map(managementView),
    )
  })
  app.get(`${BASE}/SalesOrders/:salesOrderId`, (c) => send(c, managementView(order(c))))
  app.get(`${BASE}/SalesOrders/:salesOrderId/ChangeEligibility`, (c) => {
    const o = order(c)
    const reason = ineligibility(o)
    return send(c, { SalesOrderId: o.id, IsEligible: reason === null, Reason: reason })
  })
  app.get(`${BASE}/SalesOrders/:salesOrderId/Details`, (c) => {
    const o = order(c)
    return send(
      c,
      o.lines.map((l) => detailView(o, l)),
    )
  })
  app.get(`${BASE}/SalesOrders/:salesOrderId/Details/:detailId`, (c) => {
    const o = order(c)
    return send(c, detailView(o, lineOf(o, c)))
  })
  app.get(`${BASE}/SalesOrders/:salesOrderId/Schedules`, (c) => send(c, schedulesView(order(c))))
  app.get(`${BASE}/SalesOrders/:salesOrderId/Details/:detailId/Schedules`, (c) => {
    const o = order(c)
    return send(c, scheduleViews(lineOf(o, c)))
  })
  app.get(`${BASE}/SalesOrders/:salesOrderId/Details/:detailId/Schedules/:scheduleIndex`, (c) => {
    const o = order(c)
    const line = lineOf(o, c)
    const index = intParam(c, 'scheduleIndex')
    const view = scheduleViews(line)[index]
    if (!view)
      throw new SimError(404, '404', 'Could not find ScheduleIndex', {
        extra: {
          errorDetails: `Detail ${line.detailId} has ${line.schedules.length} schedule(s).`,
        },
      })
    return send(c, view)
  })

  /** ReplaceSchedule: the detail's whole schedule; quantities must add up to its open quantity. */
  app.put(`${BASE}/SalesOrders/:salesOrderId/Details/:detailId/Schedules`, async (c) => {
    const tenant = c.get('tenant')
    const o = order(c)
    const line = lineOf(o, c)
    const input = parseWith(ReplaceScheduleRequest, await jsonBody(c), 'ReplaceScheduleRequest')
    const reason = ineligibility(o)
    if (reason) throw conflict(reason)
    const open = openQuantity(line)
    if (open === 0)
      throw conflict(`Detail ${line.detailId} of sales order ${o.id} has shipped completely.`)
    const total = input.Schedules.reduce((n, s) => n + s.QuantityScheduled, 0)
    if (total !== open)
      throw invalid([
        {
          field: 'Schedules',
          message: `The scheduled quantities add up to ${total}; they must add up to the open quantity ${open}.`,
        },
      ])
    const now = tenant.clock.now()
    checkDates(
      input.Schedules.map((s) => s.ScheduledDate),
      now,
    )
    const schedules = input.Schedules.map((s) => ({
      quantity: s.QuantityScheduled,
      date: s.ScheduledDate,
    })).sort((a, b) => a.date.localeCompare(b.date))
    const delay = tenant.state.settings.scheduleApplySeconds
    const at = now + delay * 1000
    await tenant.state.lock.run(async () => {
      const current = tenant.state.salesOrders.get(o.id)!
      await update(tenant, current, now, (d) => {
        d.lines.find((l) => l.detailId === line.detailId)!.pendingSchedules = { schedules, at }
      })
    })
    planScheduleChange(tenant, o.id, line.detailId, at)
    return send(
      c,
      {
        SalesOrderId: o.id,
        DetailId: line.detailId,
        Message: `The schedule change was accepted and takes effect within ${delay} seconds.`,
        EffectiveAfterSeconds: delay,
      },
      202,
    )
  })

  /** PartialScheduleUpdate: move one schedule to another date (immediate). */
  app.patch(
    `${BASE}/SalesOrders/:salesOrderId/Details/:detailId/Schedules/:scheduleIndex`,
    async (c) => {
      const tenant = c.get('tenant')
      const o = order(c)
      const line = lineOf(o, c)
      const index = intParam(c, 'scheduleIndex')
      const input = parseWith(
        PartialScheduleUpdateRequest,
        await jsonBody(c),
        'PartialScheduleUpdateRequest',
      )
      if (!line.schedules[index])
        throw new SimError(404, '404', 'Could not find ScheduleIndex', {
          extra: {
            errorDetails: `Detail ${line.detailId} has ${line.schedules.length} schedule(s).`,
          },
        })
      const reason = ineligibility(o)
      if (reason) throw conflict(reason)
      checkDates([input.ScheduledDate], tenant.clock.now())
      if (line.schedules.some((s, i) => i !== index && s.date === input.ScheduledDate))
        throw invalid([
          {
            field: 'ScheduledDate',
            message: `${input.ScheduledDate} is already used by another schedule of this detail.`,
          },
        ])
      const next = await tenant.state.lock.run(async () => {
        const current = tenant.state.salesOrders.get(o.id)!
        const updated = await update(tenant, current, tenant.clock.now(), (d) => {
          const dl = d.lines.find((x) => x.detailId === line.detailId)!
          dl.schedules[index]!.date = input.ScheduledDate
          dl.schedules.sort((a, b) => a.date.localeCompare(b.date))
        })
        plan(tenant, updated)
        return updated
      })
      const view = scheduleViews(next.lines.find((x) => x.detailId === line.detailId)!).find(
        (s) => s.ScheduledDate === input.ScheduledDate,
      )!
      return send(c, view)
    },
  )

  app.get(`${BASE}/NextAvailableDeliveryDate`, (c) => {
    guard(c, 'ordermanagement')
    const method = c.req.query('shipMethod')
    if (!method)
      throw invalid([{ field: 'shipMethod', message: 'The shipMethod field is required.' }])
    if (!(SHIP_METHODS as readonly string[]).includes(method))
      throw invalid([
        { field: 'shipMethod', message: `shipMethod must be one of: ${SHIP_METHODS.join(', ')}.` },
      ])
    const release = nextReleaseDate(c.get('tenant').clock.now())
    const delivery = new Date(
      addBusinessDays(releaseAt(release), transitDays(method as ShipMethod)),
    )
      .toISOString()
      .slice(0, 10)
    return send(c, {
      ShipMethod: method,
      ReleaseDate: dkTime(releaseAt(release)),
      DeliveryDate: delivery,
    })
  })
  return app
}
