import type { Context, Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from 'zod'
import { SimError } from './errors.ts'
import { FaultInput } from './faults.ts'
import { parseControlBody } from './http.ts'
import type { SimControl, SimEnv, SnapshotList, Tenant, VendorDefinition } from './vendor.ts'

/** Control routes answer in vendorsim's own envelope: `{ "error": { "code", "message", "details"? } }`. */
export function renderControlError(err: SimError, c: Context<any>): Response {
  const body = {
    error: {
      code: err.code,
      message: err.message,
      ...(err.details.length ? { details: err.details } : {}),
    },
  }
  return c.json(body, err.status as ContentfulStatusCode, err.headers)
}

/** How many of a list a control route answers with when the request does not say. */
const PER_PAGE = 1000

/**
 * The tenant clock and a page of the tasks that wait, in the order they will run (the first
 * 1,000 unless asked otherwise); `pendingTotal` says how many wait in all. A tenant with 100k
 * orders has 100k planned steps: listing them all on every look at the clock cost the whole
 * queue, sorted and serialised.
 */
export const clockView = (t: Tenant<any, any>, page = 1, perPage = PER_PAGE) => ({
  tenant: t.id,
  mode: t.clock.mode,
  now: new Date(t.clock.now()).toISOString(),
  nowMs: t.clock.now(),
  pendingTotal: t.clock.pendingCount(),
  pending: t.clock
    .pending(page * perPage)
    .slice((page - 1) * perPage)
    .map((p) => ({ at: new Date(p.at).toISOString(), label: p.label })),
})

/** `?page=&perPage=` of a paged control route: whole numbers, `perPage` up to 10,000. */
function pageQuery(c: Context<any>): { page: number; perPage: number } {
  const page = Number(c.req.query('page') ?? 1)
  const perPage = Number(c.req.query('perPage') ?? PER_PAGE)
  if (!Number.isInteger(page) || page < 1)
    throw new SimError(400, 'validation_error', 'page must be a whole number from 1')
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 10_000)
    throw new SimError(400, 'validation_error', 'perPage must be a whole number from 1 to 10000')
  return { page, perPage }
}

/**
 * The simulator's base URL as the client reached it (`http://127.0.0.1:4120/digikey` on the server,
 * `https://sandbox-api.digikey.com` through MSW): the request's origin and the path before `/_sandbox`.
 */
export function simBaseUrl(c: Context<any>): string {
  const url = new URL(c.req.url)
  const at = url.pathname.indexOf('/_sandbox')
  return url.origin + (at === -1 ? '' : url.pathname.slice(0, at))
}

/** The routes every simulator has under `/_sandbox/`. The tenant comes from `x-vendorsim-tenant` (default when absent). */
export const CONTROL_ROUTES = [
  'GET    /_sandbox                        this index',
  'POST   /_sandbox/tenants                mint a tenant: {"tenant"?: "name"} → 201 {tenant, credentials}',
  'GET    /_sandbox/tenants                list tenant ids',
  'GET    /_sandbox/clock                  the tenant clock and what is scheduled (?page=&perPage=, 1,000 a page)',
  'POST   /_sandbox/clock/advance          {"seconds": N}: run everything that falls due, in order',
  'GET    /_sandbox/webhooks               deliveries and their attempts (?event=&state=)',
  'GET    /_sandbox/webhooks/:id           one delivery',
  'POST   /_sandbox/webhooks/:id/replay    send a delivery again',
  'GET    /_sandbox/journal                requests and responses (?method=&path=&status=&limit=)',
  'GET    /_sandbox/faults                 active faults',
  'POST   /_sandbox/faults                 {"path","method"?,"status"?,"latencyMs"?,"malformed"?,"retryAfter"?,"count"?,"probability"?}',
  'DELETE /_sandbox/faults[/:id]           remove one or all faults',
  'POST   /_sandbox/reset                  replace the tenant with a fresh one (same credentials)',
  'GET    /_sandbox/state                  the tenant data, tokens, webhooks, faults',
  'GET    /_sandbox/limitations            what this simulator does not reproduce (markdown)',
  'GET    /_sandbox/openapi.json           OpenAPI document of what the simulator serves (proposals marked)',
]

export function registerSandboxRoutes<S, C extends Record<string, unknown>>(
  app: Hono<SimEnv<S, C>>,
  control: SimControl<S, C>,
  vendor: VendorDefinition<S, C>,
) {
  const r = app.basePath('/_sandbox')

  app.get('/_sandbox', (c) =>
    c.json({
      vendor: vendor.id,
      tenant: c.get('tenant').id,
      routes: CONTROL_ROUTES,
      docs: vendor.docs,
    }),
  )

  r.post('/tenants', async (c) => {
    const body = await parseControlBody(c, z.strictObject({ tenant: z.string().optional() }))
    const minted = await control.mintTenant(body.tenant)
    return c.json(minted, 201)
  })
  r.get('/tenants', (c) => c.json({ tenants: control.tenantIds() }))

  r.get('/clock', (c) => {
    const { page, perPage } = pageQuery(c)
    return c.json(clockView(c.get('tenant'), page, perPage))
  })
  r.post('/clock/advance', async (c) => {
    const body = await parseControlBody(
      c,
      z.strictObject({
        seconds: z
          .number()
          .min(0)
          .max(10 * 365 * 86400),
      }),
    )
    const t = c.get('tenant')
    await t.clock.advance(Math.round(body.seconds * 1000))
    return c.json(clockView(t))
  })

  r.get('/webhooks', (c) => {
    const { event, state } = c.req.query()
    let rows = c.get('tenant').outbox.list()
    if (event) rows = rows.filter((d) => d.event === event)
    if (state) rows = rows.filter((d) => d.state === state)
    return c.json({ deliveries: rows })
  })
  r.get('/webhooks/:id', (c) => {
    const d = c.get('tenant').outbox.get(c.req.param('id'))
    if (!d) throw new SimError(404, 'not_found', `No webhook delivery ${c.req.param('id')}`)
    return c.json(d)
  })
  r.post('/webhooks/:id/replay', async (c) => {
    const t = c.get('tenant')
    const d = t.outbox.replay(c.req.param('id'))
    if (!d) throw new SimError(404, 'not_found', `No webhook delivery ${c.req.param('id')}`)
    await t.clock.settle()
    return c.json(d)
  })

  r.get('/journal', (c) => {
    const q = c.req.query()
    const limit = q.limit ? Number(q.limit) : undefined
    const status = q.status ? Number(q.status) : undefined
    return c.json({
      entries: c.get('tenant').journal.list({ method: q.method, path: q.path, status, limit }),
    })
  })

  r.get('/faults', (c) => c.json({ faults: c.get('tenant').faults.list() }))
  r.post('/faults', async (c) => {
    const input = await parseControlBody(c, FaultInput)
    return c.json(c.get('tenant').faults.add(input), 201)
  })
  r.delete('/faults', (c) => {
    c.get('tenant').faults.clear()
    return c.json({ faults: [] })
  })
  r.delete('/faults/:id', (c) => {
    if (!c.get('tenant').faults.remove(c.req.param('id')))
      throw new SimError(404, 'not_found', `No fault ${c.req.param('id')}`)
    return c.json({ faults: c.get('tenant').faults.list() })
  })

  r.post('/reset', async (c) => {
    const id = c.get('tenant').id
    await control.reset(id)
    return c.json({ tenant: id, reset: true })
  })

  r.get('/state', async (c) => {
    const t = c.get('tenant')
    const { page, perPage } = pageQuery(c)
    // Each list of the view is paged alike (the clock's waiting tasks too); totals say how many
    // there are in all.
    const totals: Record<string, number> = { 'clock.pending': t.clock.pendingCount() }
    const list: SnapshotList = (name, rows, view) => {
      totals[name] = 'count' in rows ? rows.count() : rows.length
      const slice = rows.slice((page - 1) * perPage, page * perPage)
      return (view ? slice.map(view) : slice) as never
    }
    const data = vendor.snapshot ? vendor.snapshot(t, list) : undefined
    const pages = Math.max(1, ...Object.values(totals).map((n) => Math.ceil(n / perPage)))
    return c.json({
      vendor: vendor.id,
      tenant: t.id,
      clock: clockView(t, page, perPage),
      tokens: t.auth.summary(),
      webhooks: {
        total: t.outbox.list().length,
        pending: t.outbox.list().filter((d) => d.state === 'pending').length,
      },
      journal: { entries: t.journal.size() },
      faults: t.faults.list(),
      data,
      paging: {
        page,
        perPage,
        totalPages: pages,
        nextPage: page < pages ? page + 1 : null,
        totals,
      },
    })
  })

  r.get('/openapi.json', async (c) => {
    if (!vendor.openapi)
      throw new SimError(404, 'not_found', `${vendor.title} has no OpenAPI document`)
    return c.json((await vendor.openapi({ baseUrl: simBaseUrl(c) })) as object)
  })
  r.get('/limitations', (c) =>
    c.body(vendor.limitations, 200, { 'content-type': 'text/markdown; charset=utf-8' }),
  )
}
