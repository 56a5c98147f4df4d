import assert from 'node:assert/strict'
import {
  createStitchexClient,
  parseStitchexWebhook,
  type StitchexClient,
} from '../../../src/clients/stitchex/index.ts'
import { InvalidRequestError, NotFoundError, RateLimitError } from '../../../src/core/errors.ts'
import { createReceiver, expectError } from '../../harness/index.ts'
import type {
  ContractCase,
  ContractSuite,
  ContractTarget,
  Receiver,
  SandboxClient,
} from '../../harness/index.ts'
import {
  CreditNote,
  ErrorBody,
  Invoice,
  Meta,
  OAuthErrorBody,
  Organisations,
  SalesOrder,
  TokenResponse,
} from '../schemas.ts'
import type { StitchexTargetCredentials } from './live.ts'

/** What each Stitchex case gets: a connected client, raw HTTP, and (on simulators) the sandbox and a receiver. */
export interface StitchexCtx {
  target: ContractTarget<StitchexTargetCredentials>
  creds: StitchexTargetCredentials
  client: StitchexClient
  sandbox?: SandboxClient
  /** A raw call: `token` is sent as `Bearer <token>` (or as given with `bare`), none when absent. */
  raw(
    method: string,
    path: string,
    o?: { token?: string; bare?: boolean; json?: unknown },
  ): Promise<{ status: number; body: any; headers: Headers }>
  /** A fresh token of the case's user, connected to its organisation. */
  connect(): Promise<{ token: string; refresh?: string; organisationId: number }>
  receiver(): Promise<Receiver>
}

const firstCustomer = async (client: StitchexClient) =>
  (await client.customers.page(1)).customers[0]!
const someSkus = async (client: StitchexClient, n: number) =>
  (await client.skus.page(1)).skus.slice(0, n)
const cents = (s: string) => Math.round(Number(s) * 100)

/** A confirmed order of two SKUs, with the SKUs' stock before it. */
async function confirmedOrder(client: StitchexClient, quantities = [2, 3]) {
  const customer = await firstCustomer(client)
  const skus = await someSkus(client, quantities.length)
  const order = await client.salesOrders.create({
    company_id: customer.id,
    status: 'confirmed',
    line_items: [
      { line_quantities: skus.map((s, i) => ({ sku_id: s.id, quantity: quantities[i]! })) },
    ],
  })
  return { order, skus, customer }
}

const cases: Array<ContractCase<StitchexCtx>> = [
  {
    name: 'connection: the seed\'s three calls — a 64-hex token with created_at, the organisations, set_current_org answering 201 {"Status":"Updated"}',
    async run({ raw, creds }) {
      const t = await raw('POST', '/oauth/token', {
        json: { email: creds.email, password: creds.password, grant_type: 'password' },
      })
      assert.equal(t.status, 200)
      const token = TokenResponse.parse(t.body)
      assert.equal(token.token_type, 'Bearer')
      const orgs = await raw('GET', '/organisations', { token: token.access_token })
      assert.equal(orgs.status, 200)
      const list = Organisations.parse(orgs.body).organisations
      assert.ok(list.length >= 1)
      const chosen = creds.organisationId ?? list[0]!.id
      const set = await raw('POST', '/organisations/set_current_org', {
        token: token.access_token,
        json: { organizationId: chosen },
      })
      assert.equal(set.status, 201)
      assert.deepEqual(set.body, { Status: 'Updated' })
      const skus = await raw('GET', '/skus', { token: token.access_token })
      assert.equal(skus.status, 200)
      Meta.parse(skus.body.meta)
    },
  },
  {
    name: 'connection: before set_current_org a data endpoint is refused; an unknown organisation is 404; bad credentials are invalid_grant',
    proposal: true,
    async run({ raw, creds }) {
      const t = (
        await raw('POST', '/oauth/token', {
          json: { email: creds.email, password: creds.password, grant_type: 'password' },
        })
      ).body
      const early = await raw('GET', '/sales_orders', { token: t.access_token })
      assert.equal(early.status, 422)
      assert.match(ErrorBody.parse(early.body).message, /set_current_org/)
      const unknown = await raw('POST', '/organisations/set_current_org', {
        token: t.access_token,
        json: { organizationId: 1 },
      })
      assert.equal(unknown.status, 404)
      const bad = await raw('POST', '/oauth/token', {
        json: { email: creds.email, password: 'wrong', grant_type: 'password' },
      })
      assert.equal(bad.status, 400)
      assert.equal(OAuthErrorBody.parse(bad.body).error, 'invalid_grant')
    },
  },
  {
    name: "auth: the bare `Authorization: <token>` of the docs' curl samples works; no token or an unknown one is 401 invalid_token",
    async run({ raw, connect }) {
      const { token } = await connect()
      assert.equal((await raw('GET', '/seasons', { token, bare: true })).status, 200)
      const none = await raw('GET', '/seasons')
      assert.equal(none.status, 401)
      const unknown = await raw('GET', '/seasons', { token: 'ab'.repeat(32) })
      assert.equal(unknown.status, 401)
      assert.equal(OAuthErrorBody.parse(unknown.body).error, 'invalid_token')
    },
  },
  {
    name: 'refresh: grant_type refresh_token gives a new pair, the old refresh token stops working, the organisation stays chosen',
    async run({ raw, connect }) {
      const first = await connect()
      if (!first.refresh) return
      const next = await raw('POST', '/oauth/token', {
        json: { grant_type: 'refresh_token', refresh_token: first.refresh },
      })
      assert.equal(next.status, 200)
      const pair = TokenResponse.parse(next.body)
      assert.notEqual(pair.access_token, first.token)
      assert.ok(pair.refresh_token && pair.refresh_token !== first.refresh)
      assert.equal((await raw('GET', '/skus', { token: pair.access_token })).status, 200)
      const again = await raw('POST', '/oauth/token', {
        json: { grant_type: 'refresh_token', refresh_token: first.refresh },
      })
      assert.equal(again.status, 400)
    },
  },
  {
    name: "legacy tokens: with the tenant's switch on, a token lasts a year and comes without a refresh token (the seed's sample)",
    requires: ['sandbox'],
    async run({ raw, creds, sandbox }) {
      await sandbox!.request('PATCH', '/settings', { legacyTokens: true })
      const t = await raw('POST', '/oauth/token', {
        json: { email: creds.email, password: creds.password, grant_type: 'password' },
      })
      assert.equal(t.body.expires_in, 31_536_000)
      assert.equal(t.body.refresh_token, undefined)
      await sandbox!.request('PATCH', '/settings', { legacyTokens: false })
      const custom = await raw('POST', '/oauth/token', {
        json: {
          email: creds.email,
          password: creds.password,
          grant_type: 'password',
          expires_in: 3600,
        },
      })
      assert.equal(custom.body.expires_in, 3600)
      await sandbox!.advance(3601)
      const late = await raw('GET', '/organisations', { token: custom.body.access_token })
      assert.equal(late.status, 401)
    },
  },
  {
    name: 'paging: 100 per page with meta {current_page, next_page, prev_page, total_pages, total_count}; past the end is empty; the client walks every SKU once',
    async run({ client, raw, connect }) {
      const p1 = await client.skus.page(1)
      assert.ok(p1.skus.length <= 100)
      assert.equal(p1.meta.current_page, 1)
      assert.equal(p1.meta.prev_page, null)
      assert.equal(p1.meta.next_page, p1.meta.total_pages > 1 ? 2 : null)
      const ids = new Set<number>()
      for await (const sku of client.skus.all()) {
        assert.ok(!ids.has(sku.id))
        ids.add(sku.id)
      }
      assert.equal(ids.size, p1.meta.total_count)
      const { token } = await connect()
      const past = await raw('GET', `/skus?page=${p1.meta.total_pages + 1}`, { token })
      assert.equal(past.status, 200)
      assert.deepEqual(past.body.skus, [])
      assert.equal(past.body.meta.current_page, p1.meta.total_pages + 1)
      const sorted = [...ids]
      assert.deepEqual(
        sorted,
        [...sorted].sort((a, b) => a - b),
      )
      const since = await raw('GET', `/skus?since_id=${sorted[4]}`, { token })
      assert.ok(since.body.skus.every((s: { id: number }) => s.id > sorted[4]!))
    },
  },
  {
    name: 'shapes: a trailing slash answers alike (`payments/`, `invoices/?invoice_id=`); one invoice comes as the `invoices` list; money is strings',
    async run({ client, raw, connect }) {
      const { token } = await connect()
      assert.equal((await raw('GET', '/payments/', { token })).status, 200)
      const first = (await client.invoices.page(1)).invoices[0]
      if (!first) return
      const one = await raw('GET', `/invoices/?invoice_id=${first.id}`, { token })
      assert.equal(one.status, 200)
      assert.equal(one.body.invoices.length, 1)
      Invoice.parse(one.body.invoices[0])
      assert.equal(typeof one.body.invoices[0].grand_total, 'string')
    },
  },
  {
    name: 'sales orders: a Rails-wrapped draft totals quantities × unit prices with tax; PUT status confirmed allocates stock',
    requires: ['writes'],
    async run({ client }) {
      const customer = await firstCustomer(client)
      const [a, b] = await someSkus(client, 2)
      const draft = await client.salesOrders.create({
        company_id: customer.id,
        line_items: [
          {
            unit_price: '10.00',
            tax_level: '10.0',
            line_quantities: [
              { sku_id: a!.id, quantity: 2 },
              { sku_id: b!.id, quantity: 1 },
            ],
          },
        ],
      })
      SalesOrder.parse(draft)
      assert.equal(draft.status, 'draft')
      assert.equal(draft.total_quantity, 3)
      assert.equal(draft.items_total, '30.00')
      assert.equal(draft.items_tax, '3.00')
      assert.equal(cents(draft.grand_total), 3300)
      const confirmed = await client.salesOrders.confirm(draft.id)
      assert.equal(confirmed.status, 'confirmed')
      const after = await client.skus.get(a!.id)
      assert.equal(after.available_to_sell, a!.available_to_sell - 2)
      assert.equal(after.in_stock, a!.in_stock)
    },
  },
  {
    name: 'sales orders: an unknown SKU or company is 422 naming the field, and nothing is created',
    requires: ['writes'],
    async run({ client }) {
      const customer = await firstCustomer(client)
      const before = (await client.salesOrders.page(1)).meta.total_count
      const sku = await expectError(
        client.salesOrders.create({
          company_id: customer.id,
          line_items: [{ line_quantities: [{ sku_id: 1, quantity: 1 }] }],
        }),
        InvalidRequestError,
      )
      assert.match(sku.message, /sku_id/)
      const company = await expectError(
        client.salesOrders.create({
          company_id: 1,
          line_items: [{ line_quantities: [{ sku_id: 1, quantity: 1 }] }],
        }),
        InvalidRequestError,
      )
      assert.match(company.message, /company_id/)
      assert.equal((await client.salesOrders.page(1)).meta.total_count, before)
    },
  },
  {
    name: 'stock operations: line quantities move in_stock and available_to_sell; the same idempotency_key applies nothing twice',
    requires: ['writes'],
    async run({ client }) {
      const [sku] = await someSkus(client, 1)
      const key = `stock-${sku!.id}-${Date.now()}`
      const first = await client.stockOperations.create(
        { source: 'contract', line_quantities: [{ sku_id: sku!.id, quantity: 5 }] },
        { idempotencyKey: key },
      )
      const again = await client.stockOperations.create(
        { source: 'contract', line_quantities: [{ sku_id: sku!.id, quantity: 5 }] },
        { idempotencyKey: key },
      )
      assert.equal(again.id, first.id)
      const after = await client.skus.get(sku!.id)
      assert.equal(after.in_stock, sku!.in_stock + 5)
      assert.equal(after.available_to_sell, sku!.available_to_sell + 5)
    },
  },
  {
    name: 'pick tickets: tracking and carrier, then Packing, then ship → shipped, the order shipped, stock out, an invoice raised; each change is a webhook with the full object',
    requires: ['sandbox', 'receiver'],
    async run({ client, sandbox }) {
      const rx = await createReceiver()
      await sandbox!.request('POST', '/subscriptions', { url: `${rx.url}/hook?secret=s3cret` })
      const { order, skus } = await confirmedOrder(client)
      const made = await sandbox!.request('POST', '/pick_tickets', { sales_order_id: order.id })
      assert.equal(made.status, 201, JSON.stringify(made.body))
      const id = made.body.pick_ticket.id as number
      await expectError(client.pickTickets.ship(id), InvalidRequestError)
      await client.pickTickets.setTracking(id, {
        trackingNumber: '1Z999AA10123456784',
        carrier: 'ups',
      })
      assert.equal((await client.pickTickets.setService(id, 'Packing')).status, 'packing')
      const byNumber = await client.pickTickets.page(1, { by_order_number: order.order_number })
      assert.deepEqual(
        byNumber.pick_tickets.map((t) => t.id),
        [id],
      )
      const shipped = await client.pickTickets.ship(id)
      assert.equal(shipped.status, 'shipped')
      assert.equal((await client.salesOrders.get(order.id)).fulfillment_status, 'shipped')
      assert.equal((await client.skus.get(skus[0]!.id)).in_stock, skus[0]!.in_stock - 2)
      const invoices = (await client.invoices.page(1)).invoices.filter(
        (i) => i.sale_id === order.id,
      )
      assert.equal(invoices.length, 1)
      assert.equal(invoices[0]!.grand_total, order.grand_total)
      // create, 3 updates (tracking, packing, shipped), invoice_create, product_update.
      await rx.waitFor(6)
      const events = rx.calls.map((c) => parseStitchexWebhook(c.body))
      const names = events.map((e) => e.event)
      for (const e of [
        'pick_ticket_create',
        'pick_ticket_update',
        'invoice_create',
        'product_update',
      ])
        assert.ok(names.includes(e), names.join())
      const last = events.filter((e) => e.event === 'pick_ticket_update').at(-1)!
      assert.equal(last.object.id, id)
      assert.equal(last.object.status, 'shipped')
      assert.equal(rx.calls[0]!.path, '/hook?secret=s3cret')
      await rx.close()
    },
  },
  {
    name: 'payments: a part payment lowers amount_outstanding; paying more than is owed creates an overpayment credit note (and its webhook)',
    requires: ['sandbox', 'receiver'],
    async run({ client, sandbox }) {
      const { order } = await confirmedOrder(client, [1, 1])
      const ticket = (await sandbox!.request('POST', '/pick_tickets', { sales_order_id: order.id }))
        .body.pick_ticket
      await client.pickTickets.setTracking(ticket.id, { trackingNumber: 'TRACK1', carrier: 'dhl' })
      await client.pickTickets.ship(ticket.id)
      const invoice = (await client.invoices.page(1)).invoices.find((i) => i.sale_id === order.id)!
      const total = cents(invoice.grand_total)
      const rx = await createReceiver()
      await sandbox!.request('POST', '/subscriptions', {
        url: rx.url,
        events: ['credit_note_create'],
      })
      const part = await client.payments.create({
        amount: '5.00',
        sale_id: order.id,
        invoice_id: invoice.id,
        source: 'Bank transfer',
        date: '2026-01-10',
      })
      assert.equal(part.amount, '5.00')
      const mid = (await client.invoices.get(invoice.id))!
      assert.equal(mid.total_paid, '5.00')
      assert.equal(cents(mid.amount_outstanding), total - 500)
      await client.payments.create({
        amount: ((total - 500 + 1234) / 100).toFixed(2),
        sale_id: order.id,
        invoice_id: invoice.id,
      })
      const end = (await client.invoices.get(invoice.id))!
      assert.equal(end.amount_outstanding, '0.00')
      assert.equal((await client.salesOrders.get(order.id)).financial_status, 'paid')
      await rx.waitFor(1)
      const note = parseStitchexWebhook(rx.calls[0]!.body)
      assert.equal(note.event, 'credit_note_create')
      assert.equal(note.object.grand_total, '12.34')
      CreditNote.parse(await client.creditNotes.get(note.object.id))
      await expectError(client.payments.get(1), NotFoundError)
      await rx.close()
    },
  },
  {
    name: 'receiving tickets: checking one in raises stock and sends receiving_ticket_update with status "checked in"',
    requires: ['sandbox', 'receiver'],
    async run({ client, sandbox, creds }) {
      const rx = await createReceiver()
      await sandbox!.request('POST', '/subscriptions', {
        url: rx.url,
        events: ['receiving_ticket_update'],
      })
      const [sku] = await someSkus(client, 1)
      const made = await sandbox!.request('POST', '/receiving_tickets', {
        organisationId: creds.organisationId ?? client.auth.organisationId(),
        line_quantities: [{ sku_id: sku!.id, quantity: 12 }],
      })
      assert.equal(made.status, 201, JSON.stringify(made.body))
      const received = await client.receivingTickets.receive(made.body.receiving_ticket.id)
      assert.equal(received.status, 'checked in')
      assert.equal((await client.skus.get(sku!.id)).in_stock, sku!.in_stock + 12)
      await rx.waitFor(1)
      assert.equal(parseStitchexWebhook(rx.calls[0]!.body).object.status, 'checked in')
      await rx.close()
    },
  },
  {
    name: 'webhooks: a non-2xx answer is retried on the clock; a duplicate-delivery fault delivers an event twice',
    requires: ['sandbox', 'receiver'],
    async run({ client, sandbox }) {
      const rx = await createReceiver()
      await sandbox!.request('POST', '/subscriptions', { url: rx.url, events: ['product_update'] })
      rx.failNext(1)
      const [sku] = await someSkus(client, 1)
      await client.stockOperations.create({ line_quantities: [{ sku_id: sku!.id, quantity: 1 }] })
      await rx.waitFor(1)
      await sandbox!.advance(60)
      await rx.waitFor(2)
      assert.deepEqual(
        rx.calls.map((c) => c.answered),
        [500, 200],
      )
      assert.equal(rx.calls[0]!.body, rx.calls[1]!.body)
      await sandbox!.request('POST', '/faults', { webhook: 'product_*', duplicate: true })
      await client.stockOperations.create({ line_quantities: [{ sku_id: sku!.id, quantity: 1 }] })
      await rx.waitFor(4)
      assert.equal(rx.calls[2]!.body, rx.calls[3]!.body)
      const log = await sandbox!.webhooks()
      assert.ok(log.length >= 3)
      await rx.close()
    },
  },
  {
    name: 'customers: create with people and addresses, then update one address and add a person',
    requires: ['writes'],
    async run({ client }) {
      const made = await client.customers.create({
        name: 'Contract Boutique',
        people: [
          { first_name: 'Ana', last_name: 'Reyes', email: 'ana@contract.test', buyer: true },
        ],
        addresses: [
          {
            line_1: '1 Main St',
            city: 'Reno',
            country: 'US',
            postcode: '89501',
            default_for_shipping: true,
          },
        ],
      })
      assert.equal(made.people.length, 1)
      const address = made.addresses[0]!
      const updated = await client.customers.update(made.id, {
        addresses: [{ id: address.id, city: 'Sparks' }],
        people: [{ first_name: 'Bo', email: 'bo@contract.test' }],
      })
      assert.equal(updated.addresses[0]!.city, 'Sparks')
      assert.equal(updated.people.length, 2)
    },
  },
  {
    name: 'organisations: each organisation sees only its own records',
    requires: ['sandbox'],
    async run({ client }) {
      const orgs = await client.organisations()
      if (orgs.length < 2) return
      const mine = new Set((await client.salesOrders.page(1)).sales_orders.map((o) => o.id))
      await client.auth.selectOrganisation(orgs[1]!.id)
      const theirs = (await client.salesOrders.page(1)).sales_orders
      assert.ok(theirs.length > 0)
      assert.ok(theirs.every((o) => !mine.has(o.id) && o.organisation_id === orgs[1]!.id))
    },
  },
  {
    name: 'rate limit: past the quota, 429 with Retry-After; the client waits it out on its clock',
    requires: ['sandbox'],
    async run({ sandbox, creds, target }) {
      await sandbox!.request('PATCH', '/settings', { rateLimit: { limit: 1, windowSeconds: 30 } })
      const slept: number[] = []
      const clientWith = (o: Partial<Parameters<typeof createStitchexClient>[0]>) =>
        createStitchexClient({
          baseUrl: target.baseUrl,
          fetch: target.fetch,
          email: creds.email,
          password: creds.password,
          ...o,
        })
      const patient = clientWith({
        clock: {
          now: () => 0,
          sleep: async (ms) => {
            slept.push(ms)
            await sandbox!.advance(ms / 1000)
          },
        },
      })
      // One request per window: connecting (organisations, set_current_org) and the list each wait for the next.
      await patient.seasons.page(1)
      assert.ok(slept.length >= 1)
      for (const ms of slept) assert.ok(ms >= 1000 && ms <= 30_000, String(ms))
      const err = await expectError(clientWith({ maxRetries: 0 }).seasons.page(1), RateLimitError)
      assert.ok(err.retryAfter! >= 1)
      await sandbox!.request('PATCH', '/settings', { rateLimit: null })
    },
  },
]

/** The Stitchex contract suite. */
export const stitchexSuite: ContractSuite<StitchexCtx, StitchexTargetCredentials> = {
  vendor: 'stitchex',
  context(target, { credentials, sandbox }) {
    const base = target.baseUrl.replace(/\/+$/, '')
    const client = createStitchexClient({
      baseUrl: base,
      fetch: target.fetch,
      email: credentials.email,
      password: credentials.password,
      organisationId: credentials.organisationId,
    })
    const raw: StitchexCtx['raw'] = async (method, path, o = {}) => {
      const res = await target.fetch(`${base}${path}`, {
        method,
        headers: {
          ...(o.json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(o.token ? { authorization: o.bare ? o.token : `Bearer ${o.token}` } : {}),
        },
        body: o.json !== undefined ? JSON.stringify(o.json) : undefined,
      })
      const text = await res.text()
      let body: unknown
      try {
        body = text ? JSON.parse(text) : undefined
      } catch {
        body = text
      }
      return { status: res.status, body, headers: res.headers }
    }
    return {
      target,
      creds: credentials,
      client,
      sandbox,
      raw,
      async connect() {
        const t = await raw('POST', '/oauth/token', {
          json: {
            email: credentials.email,
            password: credentials.password,
            grant_type: 'password',
          },
        })
        if (t.status !== 200) throw new Error(`login failed: ${t.status} ${JSON.stringify(t.body)}`)
        const organisationId =
          credentials.organisationId ??
          (await raw('GET', '/organisations', { token: t.body.access_token })).body.organisations[0]
            .id
        await raw('POST', '/organisations/set_current_org', {
          token: t.body.access_token,
          json: { organizationId: organisationId },
        })
        return { token: t.body.access_token, refresh: t.body.refresh_token, organisationId }
      },
      receiver: () => createReceiver(),
    }
  },
  cases,
}
