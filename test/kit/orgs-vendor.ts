import type { Context } from 'hono'
import { z } from 'zod'
import {
  BASE62,
  defineVendor,
  lifetimeOf,
  pageOf,
  readBody,
  registerSubscriptionRoutes,
  send,
  SimError,
  type SimContext,
  type Table,
  type TenantBase,
  type TokenEndpoint,
  type TokenRecord,
} from '../../mocks/core/index.ts'
import { createTable } from '../../mocks/core/store.ts'

/**
 * "Orgs", a vendor that exists only in tests: it is built from the kit alone, with
 * no core edit, to prove the kit carries a REST vendor of Stitchex's kind — a JSON
 * password grant with `created_at` and rotating refresh tokens, the bare
 * `Authorization: <token>` form, a current organisation kept against the token,
 * `?page=` paging with a `meta` block, webhook subscriptions scoped to an
 * organisation with retries on the clock, and an idempotent POST.
 */
type Creds = { email: string; password: string }
interface Widget {
  id: number
  organisation_id: number
  name: string
}
interface State {
  organisations: Array<{ id: number; name: string }>
  widgets: Table<Widget>
  next: number
}
type Ctx = SimContext<State, Creds>

const err = (status: number, code: string, message: string) => new SimError(status, code, message)

const TOKEN: TokenEndpoint<State, Creds> = {
  path: '/oauth/token',
  encodings: ['json'],
  grants: ['password', 'refresh_token'],
  clientAuth: 'none',
  loginField: 'email',
  invalidGrantStatus: 401,
  rotate: true,
  user: (c, login, password) => {
    const creds = c.get('tenant').credentials
    return login.toLowerCase() === creds.email && password === creds.password
      ? { subject: creds.email }
      : undefined
  },
  access: (_c, req) => ({
    clientId: 'orgs',
    subject: req.subject,
    ttlSeconds: typeof req.fields.expires_in === 'number' ? req.fields.expires_in : 604_800,
    legs: 3,
    format: { kind: 'opaque', length: 64 },
  }),
  refresh: (_c, req) => ({
    clientId: 'orgs',
    subject: req.subject,
    ttlSeconds: null,
    legs: 3,
    format: { kind: 'opaque', length: 64 },
  }),
  respond: (_c, { access, refresh }) => ({
    access_token: access.token,
    token_type: 'Bearer',
    expires_in: lifetimeOf(access),
    refresh_token: refresh?.token,
    created_at: Math.floor(access.issuedAt / 1000),
  }),
}

function requireToken(c: Ctx): TokenRecord {
  const token = c.get('credential')
  if (!token)
    throw err(401, 'invalid_token', 'Send Authorization: Bearer <token> (or the bare token)')
  const result = c.get('tenant').auth.verify(token, 'access')
  if (!result.ok) throw err(401, 'invalid_token', `The access token is ${result.reason}`)
  return result.record
}

function requireOrganisation(c: Ctx): number {
  const org = requireToken(c).session.organisation
  if (typeof org !== 'number')
    throw err(
      422,
      'no_current_organisation',
      'No current organisation: POST /organisations/set_current_org first',
    )
  return org
}

export const orgs = defineVendor<State, Creds>({
  id: 'orgs',
  title: 'Orgs',
  protocol: 'rest',
  docs: [],
  hosts: { production: ['https://api.orgs.test'], sandbox: [] },
  defaultCredentials: { email: 'dev@orgs.test', password: 'orgs-dev-password' },
  mintCredentials: (tenantId, rng) => ({
    email: `dev+${tenantId.toLowerCase()}@orgs.test`,
    password: rng.string(20, BASE62),
  }),
  credentialKeys: (c) => [c.email],
  auth: {
    tokenEndpoints: [TOKEN],
    header: ['bearer', 'bare'],
    unknownCredential: () => err(401, 'invalid_token', 'Unknown access token'),
  },
  createState: async (t: TenantBase<Creds>) => {
    const widgets = await createTable(
      z.object({ id: z.number(), organisation_id: z.number(), name: z.string() }),
    )
    const organisations = [
      { id: 9579, name: 'Orgs Demo' },
      { id: 9580, name: 'Orgs Outlet' },
    ]
    let next = 1
    for (const org of organisations)
      for (let i = 0; i < 130; i++)
        await widgets.insert({
          id: next++,
          organisation_id: org.id,
          name: `${org.name} widget ${i + 1} ${t.rng.string(4, BASE62)}`,
        })
    return { organisations, widgets, next }
  },
  routes(app) {
    app.get('/organisations', (c) => {
      requireToken(c)
      return send(c, { organisations: c.get('tenant').state.organisations })
    })
    app.post('/organisations/set_current_org', async (c) => {
      const record = requireToken(c)
      const body = (await readBody(c)).value as { organizationId?: unknown } | undefined
      const id = Number(body?.organizationId ?? c.req.query('organizationId'))
      if (!c.get('tenant').state.organisations.some((o) => o.id === id))
        throw err(404, 'not_found', `No organisation ${String(body?.organizationId)}`)
      c.get('tenant').auth.setSession(record.token, { organisation: id })
      return send(c, { Status: 'Updated' }, 201)
    })
    app.get('/widgets', (c) => {
      const org = requireOrganisation(c)
      const page = Number(c.req.query('page') ?? '1')
      if (!Number.isInteger(page) || page < 1)
        throw err(400, 'invalid_page', 'page must be a whole number from 1')
      const p = pageOf(
        c.get('tenant').state.widgets.filter((w) => w.organisation_id === org),
        { page, perPage: 100 },
      )
      return send(c, {
        widgets: p.items,
        meta: {
          current_page: p.page,
          next_page: p.nextPage,
          prev_page: p.prevPage,
          total_pages: p.totalPages,
          total_count: p.totalCount,
        },
      })
    })
    app.post('/widgets', async (c) => {
      const org = requireOrganisation(c)
      const body = (await readBody(c)).value as
        | { name?: unknown; idempotency_key?: unknown }
        | undefined
      if (typeof body?.name !== 'string' || !body.name)
        throw err(422, 'invalid', 'name is required')
      const name = body.name
      const tenant = c.get('tenant')
      const create = async () => {
        const widget = await tenant.state.widgets.insert({
          id: tenant.state.next++,
          organisation_id: org,
          name,
        })
        tenant.subscriptions.emit(
          'widget_create',
          { event: 'widget_create', widget },
          { scope: { organisation: org } },
        )
        return widget
      }
      const key = typeof body.idempotency_key === 'string' ? body.idempotency_key : undefined
      const widget = key
        ? (await tenant.idempotency.run(`${org}:${key}`, create)).result
        : await create()
      return send(c, { widget }, 201)
    })
  },
  sandbox: (app) =>
    registerSubscriptionRoutes(app, {
      events: ['widget_create'],
      scopeFields: { organisationId: z.number().int().optional() },
      scope: (f) => ({ organisation: f.organisationId ?? null }),
    }),
  renderError: (e: SimError, c: Context<any>) =>
    c.json(
      e.extra.oauth
        ? { error: e.code, error_description: e.message }
        : { error: e.code, message: e.message },
      e.status as 400,
    ),
  webhooks: { retrySchedule: [60, 600, 3600] },
  limitations: 'A test vendor.',
})
