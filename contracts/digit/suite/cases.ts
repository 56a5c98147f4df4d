import assert from 'node:assert/strict'
import { createDigitClient, type DigitClient } from '../../../src/clients/digit/index.ts'
import {
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  type ClientClock,
} from '../../../src/core/index.ts'
import { expectError } from '../../harness/index.ts'
import type {
  ContractCase,
  ContractSuite,
  ContractTarget,
  SandboxClient,
} from '../../harness/index.ts'
import {
  DigitTokenCreated,
  DigitTokenRecord,
  Item,
  Order,
  Organization,
  RATE_LIMIT_MESSAGE,
  UnauthorizedBody,
  Uuid7,
} from '../schemas.ts'
import type { DigitTargetCredentials } from './live.ts'

/** What each Digit case gets: a client, raw GraphQL over HTTP, and (on simulators) the sandbox. */
export interface DigitCtx {
  target: ContractTarget<DigitTargetCredentials>
  creds: DigitTargetCredentials
  client: DigitClient
  sandbox?: SandboxClient
  /** A client with another token (and, optionally, another clock). */
  clientFor(token: string, clock?: ClientClock): DigitClient
  /** Raw GraphQL: the case's token, another one, or none (`null`); `path` defaults to `/graphql`. */
  gql(
    query: string,
    variables?: Record<string, unknown>,
    o?: { token?: string | null; authorization?: string; path?: string },
  ): Promise<{ status: number; body: any; text: string; headers: Headers }>
  /** Mint an API token on the simulator. */
  mintToken(permissions: string[], account?: 'primary' | 'sandbox'): Promise<string>
}

/** The help article's "pairs" unit of measure. */
const PAIRS = '01917ac4-8836-7141-9a22-008e3c1d65bd'
const CREATE_ITEM = `mutation CreateItem($input: CreateItemInput!) {
  createItem(input: $input) {
    item {
      id
    }
  }
}`
const CREATE_ORDER = `mutation CreateOrder($input: CreateOrderInput!) {
  createOrder(input: $input) {
    order {
      id
    }
  }
}`
const ADDRESS = {
  addressLineOne: '1 Main St',
  city: 'Reno',
  state: 'NV',
  zip: '89501',
  country: 'US',
}

/** A customer with a shipping location and an item, as a real import creates them first. */
async function customerAndItem(client: DigitClient, sku: string) {
  const company = await client.companies.create({
    name: `Buyer ${sku}`,
    type: ['customer'],
    kind: 'company',
  })
  const address = await client.companies.createLocation({
    companyId: company.id,
    title: 'Dock',
    ...ADDRESS,
    isShippingDefault: true,
  })
  const item = await client.items.create({ name: `Thing ${sku}`, sku, defaultStockUomId: PAIRS })
  return { company, address, item }
}

const line = (id: string, quantity: number, costAmount = 2.5) => ({
  id,
  quantity,
  cost: { costAmount, currencyCode: 'USD' },
})

const cases: Array<ContractCase<DigitCtx>> = [
  {
    name: 'auth: no token, a malformed header or an unknown token is HTTP 401 UNAUTHENTICATED',
    async run({ gql }) {
      for (const o of [
        { token: null },
        { token: null, authorization: 'Token abc' },
        { token: 'da_thisTokenWasNeverIssued0000000000000000' },
      ]) {
        const res = await gql('{ organization { id } }', undefined, o)
        assert.equal(res.status, 401, JSON.stringify(o))
        if (res.body?.errors?.[0]?.extensions) UnauthorizedBody.parse(res.body)
      }
    },
  },
  {
    name: 'organization and permissions: the token is bound to a Clerk org; currentPermissions ⊆ apiPermissions, keys with colon values',
    async run({ client, creds }) {
      const org = Organization.parse(await client.organization())
      if (creds.organizationId) assert.equal(org.id, creds.organizationId)
      const all = await client.apiPermissions()
      const mine = await client.currentPermissions()
      const keys = new Set(all.map((p) => p.key))
      for (const p of mine) assert.ok(keys.has(p.key), p.key)
      assert.equal(all.find((p) => p.key === 'READ_ITEM')?.value, 'read:item')
      const user = await client.currentUser()
      assert.ok(user.id)
    },
  },
  {
    name: 'uoms: "pairs" has the id the help article gives',
    async run({ client }) {
      const found = await client.items.uoms({ search: 'pairs' })
      assert.ok(
        found.some((u) => u.id === PAIRS && u.name === 'pairs'),
        JSON.stringify(found),
      )
    },
  },
  {
    name: 'items: connection { first, after } pages with totalCount and pageInfo; paginate visits every item once',
    async run({ client }) {
      const first = await client.items.list({ first: 2 })
      assert.ok(first.nodes.length <= 2)
      if (first.totalCount > 2) {
        assert.equal(first.pageInfo.hasNextPage, true)
        const next = await client.items.list({ first: 2, after: first.pageInfo.endCursor! })
        assert.ok(next.nodes.every((n) => !first.nodes.some((m) => m.id === n.id)))
        assert.equal(next.pageInfo.hasPreviousPage || next.pageInfo.startCursor !== null, true)
      }
      const seen = new Set<string>()
      for await (const item of client.items.all({ pageSize: 2 })) {
        assert.ok(!seen.has(item.id), `item ${item.id} twice`)
        seen.add(item.id)
      }
      assert.equal(seen.size, first.totalCount)
    },
  },
  {
    name: 'order(orderId) for an unknown id: "No result found", data.order null',
    async run({ gql, client }) {
      const res = await gql('query ($id: ID!) { order(orderId: $id) { id } }', {
        id: '01917ac4-0000-7000-8000-000000000000',
      })
      assert.equal(res.status, 200)
      assert.equal(res.body.data.order, null)
      assert.match(res.body.errors[0].message, /no result found/i)
      assert.deepEqual(res.body.errors[0].path, ['order'])
      await expectError(client.orders.get('01917ac4-0000-7000-8000-000000000000'), NotFoundError)
    },
  },
  {
    name: "validation: an unknown field answers graphql-js's own message; a variable that does not coerce is BAD_USER_INPUT",
    proposal: true,
    async run({ gql }) {
      const res = await gql('{ nope }')
      assert.equal(res.status, 400)
      assert.equal(res.body.errors[0].message, 'Cannot query field "nope" on type "Query".')
      assert.equal(res.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION_FAILED')
      const bad = await gql(CREATE_ITEM, { input: { name: 'Red Socks', sku: 'x' } })
      assert.equal(bad.status, 400)
      assert.equal(bad.body.errors[0].extensions.code, 'BAD_USER_INPUT')
      assert.match(bad.body.errors[0].message, /defaultStockUomId/)
    },
  },
  {
    name: 'POST / answers like POST /graphql (the help article sends requests to the root)',
    async run({ gql }) {
      const res = await gql('{ organization { id } }', undefined, { path: '/' })
      assert.equal(res.status, 200)
      Organization.parse(res.body.data.organization)
    },
  },
  {
    name: 'orders: order { by: orderDate, direction: desc } sorts newest first; search finds by document number',
    async run({ client }) {
      const page = await client.orders.list({
        first: 20,
        order: { by: 'orderDate', direction: 'desc' },
      })
      const dates = page.nodes.map((o) => Date.parse(o.orderDate!))
      assert.deepEqual(
        dates,
        [...dates].sort((a, b) => b - a),
      )
      const one = page.nodes[0]
      if (one?.documentNumber) {
        const found = await client.orders.list({ search: one.documentNumber })
        assert.ok(found.nodes.some((o) => o.id === one.id))
      }
    },
  },
  {
    name: 'createItem: the help article\'s sample runs as written (with the "pairs" id) and answers a UUIDv7; an unknown unit creates nothing',
    requires: ['writes'],
    async run({ gql, client, creds }) {
      const org = creds.organizationId ?? (await client.organization()).id
      const sku = `red-socks-${Date.now().toString(36)}`
      const res = await gql(CREATE_ITEM, {
        input: {
          name: 'Red Socks',
          clerkOrganizationId: org,
          defaultStockUomId: PAIRS,
          itemTypes: ['sell'],
          sku,
          status: 'active',
        },
      })
      assert.equal(res.status, 200, res.text)
      Uuid7.parse(res.body.data.createItem.item.id)
      const item = Item.parse(await client.items.get(res.body.data.createItem.item.id))
      assert.equal(item.sku, sku)
      const before = (await client.items.list({ first: 1 })).totalCount
      const bad = await gql(CREATE_ITEM, {
        input: { name: 'Blue Socks', defaultStockUomId: '01917ac4-0000-7000-8000-000000000000' },
      })
      assert.equal(bad.body.data.createItem, null)
      assert.match(bad.body.errors[0].message, /defaultStockUomId/)
      assert.equal((await client.items.list({ first: 1 })).totalCount, before)
    },
  },
  {
    name: "createOrder: the help article's sample after createCompany and createCompanyLocation; billing = shipping; total = Σ cost × quantity; document numbers sequential",
    requires: ['writes'],
    async run({ gql, client, creds }) {
      const org = creds.organizationId ?? (await client.organization()).id
      const { company, address, item } = await customerAndItem(
        client,
        `so-${Date.now().toString(36)}`,
      )
      const input = {
        clerkOrganizationId: org,
        customerId: company.id,
        shippingAddressId: address.id,
        items: [{ id: item.id, cost: { costAmount: 0.1, currencyCode: 'USD' }, quantity: 10 }],
        orderStatus: 'unfulfilled',
        paymentStatus: 'not_paid',
        useShippingAsBilling: true,
        orderDate: '2024-08-29T15:04:31.234Z',
      }
      const res = await gql(CREATE_ORDER, { input })
      assert.equal(res.status, 200, res.text)
      const order = Order.parse(
        await client.orders.get(res.body.data.createOrder.order.id, { costs: true }),
      )
      assert.equal(order.orderStatus, 'unfulfilled')
      assert.equal(order.orderDate, '2024-08-29T15:04:31.234Z')
      assert.equal(order.billingAddress?.id, address.id)
      assert.equal(order.totalOrderAmount?.costAmount, 1)
      assert.equal(order.totalOrderAmount?.currency.code, 'USD')
      assert.equal(order.customer?.id, company.id)
      // A real import's shape: no organization, a reference number.
      const next = await client.orders.create({
        customerId: company.id,
        shippingAddressId: address.id,
        customerReferenceNumber: 'PO-1',
        orderStatus: 'unfulfilled',
        items: [line(item.id, 3)],
      })
      assert.equal(next.customerReferenceNumber, 'PO-1')
      const n = (s?: string) => Number(s?.replace(/\D/g, ''))
      assert.equal(n(next.documentNumber), n(order.documentNumber) + 1)
    },
  },
  {
    name: 'createOrder: an unknown customer, address or item, or another organization, answers createOrder null with an error naming the field; nothing is created',
    requires: ['writes'],
    proposal: true,
    async run({ gql, client }) {
      const { company, address, item } = await customerAndItem(
        client,
        `bad-${Date.now().toString(36)}`,
      )
      const ok = {
        customerId: company.id,
        shippingAddressId: address.id,
        items: [line(item.id, 1)],
      }
      const nobody = '01917ac4-0000-7000-8000-000000000000'
      const before = (await client.orders.list({ first: 1 })).totalCount
      for (const [field, input] of [
        ['customerId', { ...ok, customerId: nobody }],
        ['shippingAddressId', { ...ok, shippingAddressId: nobody }],
        ['items[0].id', { ...ok, items: [line(nobody, 1)] }],
        ['clerkOrganizationId', { ...ok, clerkOrganizationId: 'org_2q7ijyFawxyztIITFUnD8l2bjkX' }],
        ['items[0].quantity', { ...ok, items: [line(item.id, 0)] }],
      ] as const) {
        const res = await gql(CREATE_ORDER, { input })
        assert.equal(res.status, 200)
        assert.equal(res.body.data.createOrder, null, field)
        assert.ok(
          res.body.errors[0].message.includes(field),
          `${field}: ${res.body.errors[0].message}`,
        )
        assert.deepEqual(res.body.errors[0].path, ['createOrder'])
      }
      assert.equal((await client.orders.list({ first: 1 })).totalCount, before)
    },
  },
  {
    name: 'updateOrder: allowed transitions move the order, others are refused; lines freeze once shipping starts',
    requires: ['writes'],
    proposal: true,
    async run({ client }) {
      const { company, address, item } = await customerAndItem(
        client,
        `upd-${Date.now().toString(36)}`,
      )
      const order = await client.orders.create({
        customerId: company.id,
        shippingAddressId: address.id,
        items: [line(item.id, 4)],
      })
      assert.equal(order.orderStatus, 'draft')
      const edited = await client.orders.update({ orderId: order.id, items: [line(item.id, 6, 3)] })
      assert.equal(edited.items?.[0]?.quantity, 6)
      const err = await expectError(
        client.orders.update({ orderId: order.id, orderStatus: 'closed' }),
        InvalidRequestError,
        'BAD_USER_INPUT',
      )
      assert.match(err.message, /draft to closed/)
      await client.orders.update({ orderId: order.id, orderStatus: 'unfulfilled' })
      const done = await client.orders.update({ orderId: order.id, orderStatus: 'fulfilled' })
      assert.equal(done.shippedPercentage, 100)
      await expectError(
        client.orders.update({ orderId: order.id, items: [line(item.id, 1)] }),
        InvalidRequestError,
      )
      const cancelled = await client.orders.create({
        customerId: company.id,
        shippingAddressId: address.id,
        items: [line(item.id, 1)],
      })
      assert.equal(
        (await client.orders.update({ orderId: cancelled.id, orderStatus: 'cancelled' }))
          .orderStatus,
        'cancelled',
      )
    },
  },
  {
    name: 'fulfil: shipping part of an order makes it partially_fulfilled with shippedPercentage; shipping the rest makes it fulfilled at 100',
    requires: ['sandbox'],
    async run({ client, sandbox }) {
      const { company, address, item } = await customerAndItem(client, 'fulfil')
      const order = await client.orders.create({
        customerId: company.id,
        shippingAddressId: address.id,
        orderStatus: 'unfulfilled',
        items: [line(item.id, 8)],
      })
      const lineId = order.items![0]!.id
      const part = await sandbox!.request('POST', `/orders/${order.id}/fulfil`, {
        items: [{ id: lineId, quantity: 2 }],
      })
      assert.equal(part.status, 200, JSON.stringify(part.body))
      const mid = await client.orders.get(order.id)
      assert.equal(mid.orderStatus, 'partially_fulfilled')
      assert.equal(mid.shippedPercentage, 25)
      assert.equal(mid.items?.[0]?.fulfilledQuantity, 2)
      const over = await sandbox!.request('POST', `/orders/${order.id}/fulfil`, {
        items: [{ id: lineId, quantity: 7 }],
      })
      assert.equal(over.status, 400)
      assert.equal((await sandbox!.request('POST', `/orders/${order.id}/fulfil`, {})).status, 200)
      const end = await client.orders.get(order.id)
      assert.equal(end.orderStatus, 'fulfilled')
      assert.equal(end.shippedPercentage, 100)
    },
  },
  {
    name: 'permissions: a READ_ORDER-only token gets totalOrderAmount and customer.name null with errors naming the permission; items and createOrder refused the same way',
    requires: ['sandbox'],
    async run({ gql, mintToken, clientFor }) {
      const token = await mintToken(['READ_ORDER'])
      const res = await gql(
        '{ orders(connection: { first: 1 }) { nodes { id totalOrderAmount { costAmount } customer { id name } } } items { totalCount } }',
        undefined,
        { token },
      )
      assert.equal(res.status, 200)
      const node = res.body.data.orders.nodes[0]
      assert.ok(node.id)
      assert.equal(node.totalOrderAmount, null)
      assert.equal(node.customer.name, null)
      assert.ok(node.customer.id)
      assert.equal(res.body.data.items, null)
      const messages = res.body.errors.map((e: any) => `${e.path.join('.')}: ${e.message}`)
      assert.ok(
        messages.includes(
          'orders.nodes.0.totalOrderAmount: Not authorized: requires READ_ORDER_COST_INFO',
        ),
        messages.join('\n'),
      )
      assert.ok(
        messages.includes('orders.nodes.0.customer.name: Not authorized: requires READ_COMPANY'),
      )
      assert.ok(messages.includes('items: Not authorized: requires READ_ITEM'))
      const err = await expectError(
        clientFor(token).orders.create({ customerId: 'x', shippingAddressId: 'y', items: [] }),
        PermissionError,
        'FORBIDDEN',
      )
      assert.deepEqual(err.errors[0]?.path, ['createOrder'])
      assert.equal(err.errors[0]?.extensions?.permission, 'CREATE_ORDER')
    },
  },
  {
    name: "accounts: the primary and SANDBOX accounts are separate organizations and never see each other's data",
    requires: ['sandbox'],
    async run({ client, creds, clientFor }) {
      const sandbox = clientFor(creds.sandbox!.token)
      assert.equal((await sandbox.organization()).id, creds.sandbox!.organizationId)
      assert.notEqual(creds.sandbox!.organizationId, creds.organizationId)
      const item = await client.items.create({
        name: 'Primary only',
        sku: 'primary-only',
        defaultStockUomId: PAIRS,
      })
      assert.equal((await sandbox.items.list({ search: 'primary-only' })).totalCount, 0)
      await expectError(sandbox.items.get(item.id), NotFoundError)
      const primaryOrders = new Set(
        (await client.orders.list({ first: 100 })).nodes.map((o) => o.id),
      )
      for (const o of (await sandbox.orders.list({ first: 100 })).nodes)
        assert.ok(!primaryOrders.has(o.id))
    },
  },
  {
    name: 'tokens: the text is shown once; the list omits it; a revoked token is 401 at once',
    requires: ['sandbox'],
    async run({ sandbox, gql }) {
      const made = await sandbox!.request('POST', '/tokens', {
        permissions: ['READ_ITEM', 'read:order'],
        account: 'sandbox',
      })
      assert.equal(made.status, 201)
      const created = DigitTokenCreated.parse(made.body)
      assert.deepEqual(created.permissions, ['READ_ITEM', 'READ_ORDER'])
      const listed = await sandbox!.request('GET', '/tokens')
      const record = DigitTokenRecord.parse(
        listed.body.tokens.find((t: any) => t.id === created.id),
      )
      assert.ok(!JSON.stringify(listed.body).includes(created.token))
      assert.equal(record.account, 'sandbox')
      assert.equal(
        (await gql('{ organization { id } }', undefined, { token: created.token })).status,
        200,
      )
      assert.equal((await sandbox!.request('DELETE', `/tokens/${created.id}`)).status, 204)
      const res = await gql('{ organization { id } }', undefined, { token: created.token })
      assert.equal(res.status, 401)
      UnauthorizedBody.parse(res.body)
      assert.equal(
        (await sandbox!.request('POST', '/tokens', { permissions: ['READ_EVERYTHING'] })).status,
        400,
      )
    },
  },
  {
    name: "rate limit: past the quota, HTTP 429 with Retry-After and express-rate-limit's text; the client waits it out on its clock",
    requires: ['sandbox'],
    async run({ sandbox, gql, creds, clientFor }) {
      await sandbox!.request('PATCH', '/settings', { rateLimit: { limit: 2, windowSeconds: 60 } })
      await gql('{ organization { id } }')
      await gql('{ organization { id } }')
      const res = await gql('{ organization { id } }')
      assert.equal(res.status, 429)
      assert.equal(res.text, RATE_LIMIT_MESSAGE)
      const wait = Number(res.headers.get('retry-after'))
      assert.ok(wait >= 1 && wait <= 60, String(wait))
      const slept: number[] = []
      const clock: ClientClock = {
        now: () => 0,
        sleep: async (ms) => {
          slept.push(ms)
          await sandbox!.advance(Math.ceil(ms / 1000))
        },
      }
      const org = await clientFor(creds.token, clock).organization()
      assert.ok(org.id)
      assert.deepEqual(slept, [wait * 1000])
      await sandbox!.request('PATCH', '/settings', { rateLimit: null })
    },
  },
  {
    name: 'limits: a query deeper than maxDepth is QUERY_TOO_DEEP, one that may cost more than maxCost is QUERY_TOO_EXPENSIVE',
    requires: ['sandbox'],
    async run({ sandbox, gql }) {
      await sandbox!.request('PATCH', '/settings', { maxDepth: 3, maxCost: 100 })
      const deep = await gql('{ orders { nodes { customer { locations { id } } } } }')
      assert.equal(deep.status, 400)
      assert.equal(deep.body.errors[0].extensions.code, 'QUERY_TOO_DEEP')
      const costly = await gql('{ items(connection: { first: 500 }) { nodes { id } } }')
      assert.equal(costly.status, 400)
      assert.equal(costly.body.errors[0].extensions.code, 'QUERY_TOO_EXPENSIVE')
      assert.equal((await gql('{ items(connection: { first: 5 }) { nodes { id } } }')).status, 200)
      await sandbox!.request('PATCH', '/settings', { reset: true })
    },
  },
]

/** The Digit contract suite. */
export const digitSuite: ContractSuite<DigitCtx, DigitTargetCredentials> = {
  vendor: 'digit',
  context(target, { credentials, sandbox }) {
    const clientFor = (token: string, clock?: ClientClock) =>
      createDigitClient({ baseUrl: target.baseUrl, fetch: target.fetch, token, clock })
    const base = target.baseUrl.replace(/\/+$/, '')
    return {
      target,
      creds: credentials,
      client: clientFor(credentials.token),
      sandbox,
      clientFor,
      async gql(query, variables, o = {}) {
        const token = o.token === undefined ? credentials.token : o.token
        const authorization = o.authorization ?? (token ? `Bearer ${token}` : undefined)
        const res = await target.fetch(`${base}${o.path ?? '/graphql'}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(authorization ? { authorization } : {}),
          },
          body: JSON.stringify({ query, variables }),
        })
        const text = await res.text()
        let body: unknown
        try {
          body = JSON.parse(text)
        } catch {
          body = undefined
        }
        return { status: res.status, body, text, headers: res.headers }
      },
      async mintToken(permissions, account = 'primary') {
        const res = await sandbox!.request('POST', '/tokens', { permissions, account })
        if (res.status !== 201) throw new Error(`token mint failed: ${JSON.stringify(res.body)}`)
        return res.body.token
      },
    }
  },
  cases,
}
