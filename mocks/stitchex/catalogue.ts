import type { Hono } from 'hono'
import { readBody, SimError, type SimEnv, send } from '../core/index.ts'
import { requireOrganisation, requireToken } from './auth.ts'
import { idParam, listPage, ownRow } from './params.ts'
import type { StitchexCredentials, StitchexState } from './store.ts'
import { productView, skuView } from './views.ts'

type Env = SimEnv<StitchexState, StitchexCredentials>

/**
 * The session and the catalogue: organisations, products (`filter[product_identifier]`), SKUs,
 * seasons and channels.
 * @see https://help.uphance.com/en/articles/2532207-product-api
 */
export function registerCatalogue(app: Hono<Env>) {
  app.get('/organisations', (c) => {
    requireToken(c)
    const { state } = c.get('tenant')
    return send(c, {
      organisations: [...state.organisations.values()].map((o) => ({ id: o.id, name: o.name })),
    })
  })
  app.post('/organisations/set_current_org', async (c) => {
    const record = requireToken(c)
    const tenant = c.get('tenant')
    const body = await readBody(c)
    const fromBody =
      body.value && typeof body.value === 'object'
        ? (body.value as Record<string, unknown>).organizationId
        : undefined
    const given = fromBody ?? c.req.query('organizationId')
    if (given === undefined || given === null || given === '')
      throw new SimError(
        400,
        'bad_request',
        'Send organizationId (JSON body or query parameter): an id from GET /organisations',
      )
    const id =
      typeof given === 'number'
        ? given
        : typeof given === 'string' && /^\d{1,12}$/.test(given)
          ? Number(given)
          : Number.NaN
    if (!tenant.state.organisations.has(id))
      throw new SimError(404, 'not_found', `Organisation ${String(given).slice(0, 40)} not found`)
    tenant.auth.setSession(record.token, { organisationId: id })
    const refresh = record.session.refreshToken
    if (typeof refresh === 'string') tenant.auth.setSession(refresh, { organisationId: id })
    return send(c, { Status: 'Updated' }, 201)
  })

  app.get('/products', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    const identifier = c.req.query('filter[product_identifier]')
    const rows = identifier
      ? state.products.lookup('identifier', `${org}|${identifier}`)
      : state.products.lookup('org', org)
    return send(
      c,
      listPage(c, 'products', rows, (p) => productView(state, p)),
    )
  })
  app.get('/products/:id', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    return send(c, {
      product: productView(state, ownRow(state.products.get(idParam(c)), org, 'Product')),
    })
  })
  app.get('/skus', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    return send(c, listPage(c, 'skus', state.skus.lookup('org', org), skuView))
  })
  app.get('/skus/:id', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    return send(c, { sku: skuView(ownRow(state.skus.get(idParam(c)), org, 'SKU')) })
  })
  app.get('/seasons', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    return send(
      c,
      listPage(c, 'seasons', state.seasons.lookup('org', org), (s) => ({
        id: s.id,
        name: s.name,
        organisation_id: s.organisation_id,
      })),
    )
  })
  app.get('/channels', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    return send(
      c,
      listPage(c, 'channels', state.channels.lookup('org', org), (ch) => ({
        id: ch.id,
        name: ch.name,
        channel_type: ch.channel_type,
        currency: ch.currency,
        organisation_id: ch.organisation_id,
      })),
    )
  })
}
