import type { Hono } from 'hono'
import type { z } from 'zod'
import {
  type AddressInput,
  CustomerInput,
  type PersonInput,
} from '../../contracts/stitchex/requests.ts'
import { SimError, type SimEnv, send } from '../core/index.ts'
import { requireOrganisation } from './auth.ts'
import { idParam, listPage, ownRow, parseInput, wrapped } from './params.ts'
import { nextId, type StitchexCredentials, type StitchexState } from './store.ts'
import type { AddressRecord, CustomerRow, PersonRecord } from './rows.ts'
import { customerView } from './views.ts'

type Env = SimEnv<StitchexState, StitchexCredentials>

const person = (
  state: StitchexState,
  p: z.output<typeof PersonInput>,
  old?: PersonRecord,
): PersonRecord => ({
  id: old?.id ?? nextId(state, 'person'),
  first_name: p.first_name ?? old?.first_name ?? null,
  last_name: p.last_name ?? old?.last_name ?? null,
  position: p.position ?? old?.position ?? null,
  phone_1: p.phone_1 ?? old?.phone_1 ?? null,
  phone_2: p.phone_2 ?? old?.phone_2 ?? null,
  email: p.email ?? old?.email ?? null,
  notes: p.notes ?? old?.notes ?? null,
  buyer: p.buyer ?? old?.buyer ?? false,
  shipping: p.shipping ?? old?.shipping ?? false,
  billing: p.billing ?? old?.billing ?? false,
})
const address = (
  state: StitchexState,
  a: z.output<typeof AddressInput>,
  old?: AddressRecord,
): AddressRecord => ({
  id: old?.id ?? nextId(state, 'address'),
  line_1: a.line_1 ?? old?.line_1 ?? null,
  line_2: a.line_2 ?? old?.line_2 ?? null,
  line_3: a.line_3 ?? old?.line_3 ?? null,
  city: a.city ?? old?.city ?? null,
  state: a.state ?? old?.state ?? null,
  country: a.country ?? old?.country ?? null,
  postcode: a.postcode ?? old?.postcode ?? null,
  default_for_shipping: a.default_for_shipping ?? old?.default_for_shipping ?? false,
  default_for_billing: a.default_for_billing ?? old?.default_for_billing ?? false,
})

/** People and addresses: entries with an `id` edit that entry (404 when it is not this customer's), others are added. */
function merge<I extends { id?: number }, R extends { id: number }>(
  field: string,
  current: readonly R[],
  input: readonly I[] | undefined,
  build: (i: I, old?: R) => R,
): R[] {
  if (!input) return [...current]
  const out = [...current]
  for (const [i, entry] of input.entries()) {
    if (entry.id === undefined) {
      out.push(build(entry))
      continue
    }
    const at = out.findIndex((r) => r.id === entry.id)
    if (at === -1)
      throw new SimError(422, 'unprocessable_entity', `${field}[${i}].id ${entry.id} not found`, {
        details: [{ field: `${field}[${i}].id`, message: `${entry.id} not found` }],
      })
    out[at] = build(entry, out[at])
  }
  return out
}

/**
 * Customers: read, create and update, with their people and addresses.
 * @see https://help.uphance.com/en/articles/2811414-customer-api
 */
export function registerCustomers(app: Hono<Env>) {
  app.get('/customers', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    return send(
      c,
      listPage(c, 'customers', state.customers.lookup('org', org), (x) => customerView(x, state)),
    )
  })
  app.get('/customers/:id', (c) => {
    const org = requireOrganisation(c)
    const { state } = c.get('tenant')
    return send(c, {
      customer: customerView(ownRow(state.customers.get(idParam(c)), org, 'Customer'), state),
    })
  })
  app.post('/customers', async (c) => {
    const org = requireOrganisation(c)
    const tenant = c.get('tenant')
    const { state } = tenant
    const input = parseInput(CustomerInput, await wrapped(c, 'customer'))
    if (!input.name)
      throw new SimError(422, 'unprocessable_entity', "name can't be blank", {
        details: [{ field: 'name', message: "can't be blank" }],
      })
    if (input.channel_id != null && state.channels.get(input.channel_id)?.organisation_id !== org)
      throw new SimError(422, 'unprocessable_entity', `channel_id ${input.channel_id} not found`, {
        details: [{ field: 'channel_id', message: 'not found' }],
      })
    const now = tenant.clock.now()
    const row: CustomerRow = {
      id: nextId(state, 'customer'),
      organisation_id: org,
      name: input.name,
      company_type: input.company_type ?? 'customer',
      customer_type: input.customer_type ?? 'wholesale',
      country: input.country ?? null,
      city: input.city ?? null,
      vat_number: input.vat_number ?? null,
      channel_id: input.channel_id ?? null,
      currency: input.currency ?? state.organisations.get(org)!.currency,
      notes: input.notes ?? null,
      reference: input.reference ?? null,
      people: merge(
        'people',
        [],
        input.people?.map((p) => ({ ...p, id: undefined })),
        (p) => person(state, p),
      ),
      addresses: merge(
        'addresses',
        [],
        input.addresses?.map((a) => ({ ...a, id: undefined })),
        (a) => address(state, a),
      ),
      created_at: now,
      updated_at: now,
    }
    await state.customers.insert(row)
    return send(c, { customer: customerView(row, state) }, 201)
  })
  app.put('/customers/:id', async (c) => {
    const org = requireOrganisation(c)
    const tenant = c.get('tenant')
    const { state } = tenant
    const before = ownRow(state.customers.get(idParam(c)), org, 'Customer')
    const input = parseInput(CustomerInput, await wrapped(c, 'customer'))
    if (input.channel_id != null && state.channels.get(input.channel_id)?.organisation_id !== org)
      throw new SimError(422, 'unprocessable_entity', `channel_id ${input.channel_id} not found`, {
        details: [{ field: 'channel_id', message: 'not found' }],
      })
    const people = merge('people', before.people, input.people, (p, old) => person(state, p, old))
    const addresses = merge('addresses', before.addresses, input.addresses, (a, old) =>
      address(state, a, old),
    )
    const after = await state.customers.update(before.id, (d) => {
      for (const k of [
        'name',
        'company_type',
        'customer_type',
        'country',
        'city',
        'vat_number',
        'channel_id',
        'currency',
        'notes',
        'reference',
      ] as const)
        if (input[k] !== undefined) (d as unknown as Record<string, unknown>)[k] = input[k]
      d.people = people
      d.addresses = addresses
      d.updated_at = tenant.clock.now()
    })
    return send(c, { customer: customerView(after, state) })
  })
}
