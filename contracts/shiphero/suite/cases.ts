import assert from 'node:assert/strict'
import {
  createShipHeroClient,
  verifyShipHeroWebhook,
  type ShipHeroClient,
} from '../../../src/clients/shiphero/index.ts'
import { InvalidRequestError, NotFoundError, PermissionError } from '../../../src/core/errors.ts'
import { expectError } from '../../harness/index.ts'
import type {
  ContractCase,
  ContractSuite,
  ContractTarget,
  Receiver,
  SandboxClient,
} from '../../harness/index.ts'
import { createReceiver } from '../../harness/index.ts'
import type { ShipHeroTargetCredentials } from './live.ts'
import {
  Auth0Error,
  CreditsError,
  ErrorObject,
  InventoryChangePayload,
  InventoryUpdatePayload,
  OrderAllocatedPayload,
  OrderCanceledPayload,
  RefreshResponse,
  RequestId,
  ShipmentUpdatePayload,
  TokenResponse,
} from '../schemas.ts'

/** What each ShipHero case gets. */
export interface ShipHeroCtx {
  target: ContractTarget<ShipHeroTargetCredentials>
  creds: ShipHeroTargetCredentials
  client: ShipHeroClient
  sandbox?: SandboxClient
  /** A raw GraphQL call with the client's token (or `token`, or none with `null`). */
  gql(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<{ status: number; body: any; headers: Headers }>
  post(path: string, json: unknown): Promise<{ status: number; body: any }>
  receiver(): Promise<Receiver>
}

const W114 = 'V2FyZWhvdXNlOjExNA==' // Warehouse:114, the primer's own example
const lines = (sku: string, quantity: number, id = 'L1') => [
  { sku, partner_line_item_id: id, quantity, price: '12.00' },
]
const ADDRESS = {
  first_name: 'Ana',
  last_name: 'Lima',
  address1: '1 Main St',
  city: 'Reno',
  state: 'NV',
  zip: '89501',
  country: 'US',
}
const wpIn = (
  p: {
    warehouse_products: Array<{
      warehouse_id: string
      on_hand: number
      allocated: number | null
      available: number | null
    }> | null
  },
  wid = W114,
) => p.warehouse_products!.find((w) => w.warehouse_id === wid)!

const cases: Array<ContractCase<ShipHeroCtx>> = [
  {
    name: 'auth: /auth/token gives a 28-day JWT and a refresh token; /auth/refresh gives a new access token without one',
    async run({ creds, post, client }) {
      if (creds.username && creds.password) {
        const res = await post('/auth/token', {
          username: creds.username,
          password: creds.password,
        })
        assert.equal(res.status, 200)
        const body = TokenResponse.parse(res.body)
        assert.equal(body.expires_in, 2_419_200)
        const claims = JSON.parse(
          Buffer.from(body.access_token.split('.')[1]!, 'base64url').toString(),
        )
        assert.equal(claims.exp - claims.iat, 2_419_200)
        assert.equal(claims.iss, 'https://shiphero.auth0.com/')
      }
      await client.auth.token()
      const res = await post('/auth/refresh', { refresh_token: client.auth.refreshToken })
      assert.equal(res.status, 200)
      const refreshed = RefreshResponse.parse(res.body)
      assert.equal('refresh_token' in refreshed, false)
    },
  },
  {
    name: 'auth: a wrong password is refused Auth0-style',
    proposal: true,
    async run({ creds, post }) {
      const res = await post('/auth/token', {
        username: creds.username,
        password: 'not-the-password',
      })
      assert.equal(res.status, 403)
      assert.equal(Auth0Error.parse(res.body).error, 'invalid_grant')
    },
  },
  {
    name: 'graphql: no token → 401; an expired token → 401, and the client refreshes once by itself',
    requires: ['sandbox'],
    async run({ gql, client, sandbox }) {
      const none = await gql('{ me { data { id } } }', undefined, null)
      assert.equal(none.status, 401)
      assert.equal(none.body.errors[0].code, 16)
      const token = await client.auth.token()
      await sandbox!.request('POST', '/tokens/expire', { token })
      assert.equal((await gql('{ me { data { id } } }', undefined, token)).status, 401)
      const me = await client.me()
      assert.ok(me.data.id)
    },
  },
  {
    name: 'envelope: request_id is 24 hex, complexity is 1 + rows returned, HTTP 200',
    async run({ gql }) {
      const res = await gql(
        '{ products { request_id complexity data(first: 3) { edges { node { id sku } } } } }',
      )
      assert.equal(res.status, 200)
      const p = res.body.data.products
      RequestId.parse(p.request_id)
      assert.equal(p.data.edges.length, 3)
      assert.equal(p.complexity, 1 + 3)
    },
  },
  {
    name: 'pagination: first/after walks every page without overlap; last/before reads backwards; default page is 100',
    async run({ client, gql }) {
      const skus: string[] = []
      for await (const p of client.products.all({ pageSize: 40 })) skus.push(p.sku)
      assert.ok(skus.length > 100, `expected more than 100 products, got ${skus.length}`)
      assert.equal(new Set(skus).size, skus.length)
      const all = await gql(
        '{ products { data { pageInfo { hasNextPage endCursor } edges { node { sku } } } } }',
      )
      assert.equal(all.body.data.products.data.edges.length, 100)
      assert.equal(all.body.data.products.data.pageInfo.hasNextPage, true)
      const last = await gql(
        '{ products { data(last: 2) { pageInfo { hasPreviousPage startCursor } edges { node { sku } } } } }',
      )
      assert.deepEqual(
        last.body.data.products.data.edges.map((e: any) => e.node.sku),
        skus.slice(-2),
      )
      const before = await gql(
        'query ($c: String) { products { data(last: 2, before: $c) { edges { node { sku } } } } }',
        { c: last.body.data.products.data.pageInfo.startCursor },
      )
      assert.deepEqual(
        before.body.data.products.data.edges.map((e: any) => e.node.sku),
        skus.slice(-4, -2),
      )
    },
  },
  {
    name: 'sort: "-sku" and "name, -sku" order the connection',
    async run({ gql }) {
      const res = await gql(
        '{ products { data(first: 20, sort: "-sku") { edges { node { sku } } } } }',
      )
      const skus = res.body.data.products.data.edges.map((e: any) => e.node.sku)
      assert.deepEqual(skus, [...skus].sort().reverse())
      const bad = await gql(
        '{ products { data(first: 2, sort: "no_such_field") { edges { node { sku } } } } }',
      )
      assert.equal(bad.status, 200)
      assert.equal(bad.body.data.products.data, null)
      assert.ok(bad.body.errors[0].message.includes('no_such_field'))
    },
  },
  {
    name: 'analyze: complexity without executing (data null), at no cost',
    async run({ gql, client }) {
      const before = (await client.quota()).credits_remaining
      const res = await gql(
        '{ orders(analyze: true) { complexity data(first: 50) { edges { node { line_items(first: 10) { edges { node { sku } } } } } } } }',
      )
      assert.equal(res.body.data.orders.complexity, 1 + 50 + 500)
      assert.equal(res.body.data.orders.data, null)
      const after = (await client.quota()).credits_remaining
      assert.ok(after >= before - 2, `analyze charged ${before - after} credits`)
    },
  },
  {
    name: 'errors: unknown fields and enum strings fail validation with locations; a missing order is code 5 with operation, field and request_id',
    async run({ gql }) {
      const unknown = await gql('{ products { data { edges { node { sku colour } } } } }')
      assert.ok(unknown.body.errors[0].message.includes('Cannot query field "colour"'))
      assert.ok(unknown.body.errors[0].locations)
      const enumString = await gql('{ uuid(legacy_id: 1234, entity: "Product") { data { id } } }')
      assert.ok(enumString.body.errors[0].message.includes('EntityType'))
      const missing = await gql('{ order(id: "T3JkZXI6MQ==") { request_id data { id } } }')
      assert.equal(missing.status, 200)
      const err = ErrorObject.parse(missing.body.errors[0])
      assert.deepEqual(
        { message: err.message, code: err.code, operation: err.operation, field: err.field },
        { message: 'Order not found', code: 5, operation: 'order', field: 'order' },
      )
      RequestId.parse(err.request_id)
      assert.equal(missing.body.data.order, null)
    },
  },
  {
    name: 'credits: an operation above the bucket is refused; running out answers code 30, and the client waits time_remaining on the clock',
    requires: ['sandbox'],
    async run({ gql, sandbox, target, creds }) {
      const tooBig = await gql(
        '{ orders { data(first: 100) { edges { node { line_items(first: 100) { edges { node { sku } } } } } } } }',
      )
      assert.equal(tooBig.body.data, null)
      assert.equal(tooBig.body.errors[0].required_credits, 1 + 100 + 100 * 100)
      await sandbox!.request('POST', '/throttle', { capacity: 50, refillPerSecond: 10 })
      await gql('{ products { data(first: 40) { edges { node { sku } } } } }')
      const out = await gql('{ products { data(first: 40) { edges { node { sku } } } } }')
      const err = CreditsError.parse(out.body.errors[0])
      assert.equal(err.required_credits, 41)
      assert.equal(err.time_remaining, `${Math.ceil((41 - err.remaining_credits) / 10)} seconds`)
      assert.equal(out.body.errors[0].extensions.code, 30)
      // The client sleeps time_remaining on its clock: advance the simulator's clock instead of waiting.
      const slept: number[] = []
      const client = createShipHeroClient({
        baseUrl: target.baseUrl,
        fetch: target.fetch,
        username: creds.username,
        password: creds.password,
        clock: {
          now: () => 0,
          sleep: async (ms) => {
            slept.push(ms)
            await sandbox!.advance(ms / 1000)
          },
        },
      })
      const skus: string[] = []
      for await (const p of client.products.all({ pageSize: 40 })) if (skus.push(p.sku) >= 40) break
      assert.ok(slept.length >= 1 && slept[0]! >= 1000, `client slept ${JSON.stringify(slept)}`)
    },
  },
  {
    name: 'request cap: above the limit in the rolling window → 429 with Retry-After; it recovers as the window moves',
    requires: ['sandbox'],
    async run({ gql, sandbox }) {
      await sandbox!.request('POST', '/throttle', { requestCap: 3, windowSeconds: 300 })
      for (let i = 0; i < 3; i++)
        assert.equal((await gql('{ user_quota { credits_remaining } }')).status, 200)
      const over = await gql('{ user_quota { credits_remaining } }')
      assert.equal(over.status, 429)
      assert.ok(Number(over.headers.get('retry-after')) > 0)
      await sandbox!.advance(Number(over.headers.get('retry-after')))
      assert.equal((await gql('{ user_quota { credits_remaining } }')).status, 200)
    },
  },
  {
    name: '3PL: customers are listed; customer_account_id scopes queries and mutations; a customer token sees only its own data',
    requires: ['writes'],
    async run({ client, creds, target }) {
      const account = await client.account()
      const customers = account.data.customers.edges.map((e: any) => e.node)
      if (!customers.length) return
      const [acme] = customers
      const own = [] as string[]
      for await (const p of client.products.all({ customer_account_id: acme.id, pageSize: 100 }))
        own.push(p.sku)
      assert.ok(own.length > 0)
      const mine = await client.products.get({ sku: own[0]!, customer_account_id: acme.id })
      assert.equal(mine.account_id, acme.id)
      await expectError(client.products.get({ sku: own[0]! }), NotFoundError, '5')
      await expectError(
        client.products.get({ sku: own[0]!, customer_account_id: 'QWNjb3VudDo5OTk5OTk=' }),
        PermissionError,
        '7',
      )
      const login = creds.customers?.find((c) => c.account_id === Number(acme.legacy_id))
      if (login) {
        const customer = createShipHeroClient({
          baseUrl: target.baseUrl,
          fetch: target.fetch,
          username: login.username,
          password: login.password,
        })
        const skus: string[] = []
        for await (const p of customer.products.all()) skus.push(p.sku)
        assert.deepEqual(skus.sort(), [...own].sort())
        assert.equal((await customer.account()).data.customers.edges.length, 0)
      }
    },
  },
  {
    name: 'ids: Relay ids are base64("Type:legacy_id"); uuid converts; id arguments take legacy ids as strings',
    async run({ client }) {
      const first = (await client.products.all({ pageSize: 1 }).next()).value!
      assert.equal(Buffer.from(first.id, 'base64').toString(), `Product:${first.legacy_id}`)
      assert.deepEqual(await client.uuid(first.legacy_id, 'Product'), {
        legacy_id: first.legacy_id,
        id: first.id,
      })
      assert.equal((await client.products.get({ id: String(first.legacy_id) })).sku, first.sku)
    },
  },
  {
    name: 'products: create (duplicate sku refused), read by sku case-insensitively, update, add to a warehouse, update stock, delete',
    requires: ['writes'],
    async run({ client }) {
      const sku = 'CT-WIDGET-1'
      const created = await client.products.create({
        name: 'Contract Widget',
        sku,
        price: '9.99',
        value: '3.00',
        warehouse_products: [{ warehouse_id: W114, on_hand: 7 }],
      })
      assert.equal(wpIn(created).on_hand, 7)
      await expectError(
        client.products.create({ name: 'Again', sku: sku.toLowerCase(), warehouse_products: [] }),
        InvalidRequestError,
        '3',
      )
      assert.equal((await client.products.get({ sku: `  ${sku.toLowerCase()} ` })).id, created.id)
      const updated = await client.products.update({
        sku,
        name: 'Contract Widget v2',
        tags: ['a', 'b'],
      })
      assert.deepEqual([updated.name, updated.tags], ['Contract Widget v2', ['a', 'b']])
      const east = 'V2FyZWhvdXNlOjEyODg='
      const added = await client.products.addToWarehouse({ sku, warehouse_id: east, on_hand: 4 })
      assert.equal(added.on_hand, 4)
      const changed = await client.products.updateWarehouseProduct({
        sku,
        warehouse_id: east,
        reserve_inventory: 1,
      })
      assert.equal(changed.available, 3)
      await client.products.delete({ sku })
      await expectError(client.products.get({ sku }), NotFoundError, '5')
    },
  },
  {
    name: 'inventory: add, subtract and replace move on_hand and are listed in inventory_changes; subtracting more than on hand is refused',
    requires: ['writes'],
    async run({ client }) {
      const before = wpIn(await client.products.get({ sku: 'BOX-M' })).on_hand
      assert.equal(
        (
          await client.inventory.add({
            sku: 'BOX-M',
            warehouse_id: W114,
            quantity: 5,
            reason: 'recount',
          })
        ).on_hand,
        before + 5,
      )
      assert.equal(
        (await client.inventory.subtract({ sku: 'BOX-M', warehouse_id: W114, quantity: 2 }))
          .on_hand,
        before + 3,
      )
      assert.equal(
        (await client.inventory.replace({ sku: 'BOX-M', warehouse_id: W114, quantity: 10 }))
          .on_hand,
        10,
      )
      await expectError(
        client.inventory.subtract({ sku: 'BOX-M', warehouse_id: W114, quantity: 11 }),
        InvalidRequestError,
        '3',
      )
      const changes = []
      for await (const c of client.inventory.changes({ sku: 'BOX-M' })) changes.push(c)
      assert.deepEqual(
        changes.slice(-3).map((c: any) => c.change_in_on_hand),
        [5, -2, 10 - (before + 3)],
      )
      assert.equal((changes.at(-3) as any).reason, 'recount')
    },
  },
  {
    name: 'orders: create allocates stock, add line items, update, set a status, cancel releases the allocation',
    requires: ['writes'],
    async run({ client }) {
      const start = wpIn(await client.products.get({ sku: 'BOX-M' }))
      const order = await client.orders.create({
        order_number: 'CT-1001',
        partner_order_id: 'ext-1001',
        shipping_address: ADDRESS,
        line_items: lines('BOX-M', 3),
        total_price: '36.00',
      })
      assert.equal(order.fulfillment_status, 'pending')
      assert.equal(order.line_items.edges[0]!.node.quantity_allocated, 3)
      assert.equal(order.total_price, '36.00')
      const allocated = wpIn(await client.products.get({ sku: 'BOX-M' }))
      assert.deepEqual(
        [allocated.allocated, allocated.available],
        [start.allocated! + 3, start.available! - 3],
      )
      const more = await client.orders.addLineItems({
        order_id: order.id,
        line_items: lines('BOX-S', 2, 'L2'),
      })
      assert.equal(more.line_items.edges.length, 2)
      const tagged = await client.orders.update({
        order_id: order.id,
        tags: ['vip'],
        packing_note: 'fragile',
      })
      assert.deepEqual(tagged.tags, ['vip'])
      assert.equal(
        (
          await client.orders.updateFulfillmentStatus({
            order_id: order.id,
            fulfillment_status: 'on_hold',
          })
        ).fulfillment_status,
        'on_hold',
      )
      const canceled = await client.orders.cancel({
        order_id: String(order.legacy_id),
        reason: 'customer asked',
      })
      assert.equal(canceled.fulfillment_status, 'canceled')
      assert.equal(wpIn(await client.products.get({ sku: 'BOX-M' })).allocated, start.allocated)
      await expectError(client.orders.cancel({ order_id: order.id }), InvalidRequestError, '3')
    },
  },
  {
    name: 'shipments: shipment_create ships from a warehouse, on_hand and allocated go down, the order is fulfilled',
    requires: ['writes'],
    async run({ client }) {
      const start = wpIn(await client.products.get({ sku: 'BOX-S' }))
      const order = await client.orders.create({
        order_number: 'CT-2001',
        shipping_address: ADDRESS,
        line_items: lines('BOX-S', 4),
      })
      const line = order.line_items.edges[0]!.node
      const partial = await client.shipments.create({
        order_id: order.id,
        warehouse_id: W114,
        address: {
          name: 'Ana Lima',
          address1: '1 Main St',
          city: 'Reno',
          state: 'NV',
          zip: '89501',
          country: 'US',
        },
        line_items: [{ line_item_id: line.id, quantity: 1 }],
      })
      assert.equal((await client.orders.get(order.id)).fulfillment_status, 'partially_fulfilled')
      await client.shipments.create({
        order_id: order.id,
        warehouse_id: W114,
        address: { name: 'Ana Lima' },
        line_items: [{ line_item_id: line.id, quantity: 3 }],
        labels: [
          {
            carrier: 'ups',
            shipping_name: 'UPS Ground',
            shipping_method: 'ground',
            cost: '7.10',
            address: { name: 'Ana Lima' },
            dimensions: { weight: '1' },
            label: {},
            line_item_ids: [line.id],
            tracking_number: '1Z999',
          },
        ],
      })
      const done = await client.orders.get(order.id)
      assert.equal(done.fulfillment_status, 'fulfilled')
      assert.equal(done.line_items.edges[0]!.node.quantity_shipped, 4)
      const after = wpIn(await client.products.get({ sku: 'BOX-S' }))
      assert.deepEqual([after.on_hand, after.allocated], [start.on_hand - 4, start.allocated])
      assert.equal((await client.shipments.get(partial.id)).order_id, order.id)
      await expectError(
        client.shipments.create({
          order_id: order.id,
          warehouse_id: W114,
          address: {},
          line_items: [{ line_item_id: line.id, quantity: 1 }],
        }),
        InvalidRequestError,
        '3',
      )
    },
  },
  {
    name: 'webhooks: the secret is shown once; events arrive signed (x-shiphero-hmac-sha256) with X-Shiphero-Message-ID; delete by name',
    requires: ['writes', 'receiver', 'sandbox'],
    async run({ client, receiver }) {
      const rx = await receiver()
      const names = [
        'Inventory Update',
        'Inventory Change',
        'Order Allocated',
        'Order Deallocated',
        'Order Canceled',
      ]
      const secrets: Record<string, string> = {}
      for (const name of names) {
        const hook = await client.webhooks.create({
          name,
          url: `${rx.url}/${name.replace(/ /g, '-')}`,
        })
        assert.ok(hook.shared_signature_secret)
        secrets[name] = hook.shared_signature_secret!
      }
      assert.ok((await client.webhooks.list()).every((h) => h.shared_signature_secret === null))
      await expectError(
        client.webhooks.create({ name: 'Inventory Update', url: rx.url }),
        InvalidRequestError,
        '3',
      )
      await client.inventory.add({ sku: 'BOX-M', warehouse_id: W114, quantity: 1 })
      const order = await client.orders.create({
        shipping_address: ADDRESS,
        line_items: lines('BOX-M', 1),
      })
      await client.orders.cancel({ order_id: order.id })
      await rx.waitFor(5)
      const byType = new Map(rx.calls.map((c) => [(c.json as any).webhook_type as string, c]))
      InventoryUpdatePayload.parse(byType.get('Inventory Update')!.json)
      InventoryChangePayload.parse(byType.get('Inventory Change')!.json)
      OrderAllocatedPayload.parse(byType.get('Order Allocated')!.json)
      OrderAllocatedPayload.parse(byType.get('Order Deallocated')!.json)
      OrderCanceledPayload.parse(byType.get('Order Canceled')!.json)
      for (const [type, call] of byType) {
        assert.ok(
          verifyShipHeroWebhook(
            call.body,
            call.headers['x-shiphero-hmac-sha256'] as string,
            secrets[type]!,
          ),
          `${type} signature`,
        )
        assert.match(String(call.headers['x-shiphero-message-id']), /^[0-9a-f-]{36}$/)
      }
      await client.webhooks.delete({ name: 'Inventory Update' })
      await expectError(client.webhooks.delete({ name: 'Inventory Update' }), NotFoundError, '5')
      await rx.close()
    },
  },
  {
    name: 'webhooks: a failed delivery is retried on the clock with the same message id; the sandbox fulfils an order with a Shipment Update',
    requires: ['writes', 'receiver', 'sandbox'],
    async run({ client, receiver, sandbox }) {
      const rx = await receiver()
      const hook = await client.webhooks.create({ name: 'Shipment Update', url: rx.url })
      const order = await client.orders.create({
        order_number: 'CT-3001',
        shipping_address: ADDRESS,
        line_items: lines('BOX-S', 2),
      })
      rx.failNext(1)
      const res = await sandbox!.request('POST', `/orders/${order.legacy_id}/fulfill`, {})
      assert.equal(res.status, 201)
      await rx.waitFor(1)
      await sandbox!.advance(10)
      await rx.waitFor(2)
      const [first, retry] = rx.calls
      assert.equal(first!.answered, 500)
      assert.equal(first!.headers['x-shiphero-message-id'], retry!.headers['x-shiphero-message-id'])
      const body = ShipmentUpdatePayload.parse(retry!.json)
      assert.equal(body.fulfillment.order_number, 'CT-3001')
      assert.ok(
        verifyShipHeroWebhook(
          retry!.body,
          retry!.headers['x-shiphero-hmac-sha256'] as string,
          hook.shared_signature_secret!,
        ),
      )
      assert.equal((await client.orders.get(order.id)).fulfillment_status, 'fulfilled')
      await rx.close()
    },
  },
]

/** The ShipHero contract suite. */
export const shipheroSuite: ContractSuite<ShipHeroCtx, ShipHeroTargetCredentials> = {
  vendor: 'shiphero',
  context(target, { credentials, sandbox }) {
    const client = createShipHeroClient({
      baseUrl: target.baseUrl,
      fetch: target.fetch,
      username: credentials.username,
      password: credentials.password,
      refreshToken: credentials.refreshToken,
    })
    const base = target.baseUrl.replace(/\/+$/, '')
    return {
      target,
      creds: credentials,
      client,
      sandbox,
      async gql(query, variables, token) {
        const bearer = token === null ? undefined : (token ?? (await client.auth.token()))
        const res = await target.fetch(`${base}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          },
          body: JSON.stringify({ query, variables }),
        })
        const text = await res.text()
        return {
          status: res.status,
          body: text ? JSON.parse(text) : undefined,
          headers: res.headers,
        }
      },
      async post(path, json) {
        const res = await target.fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(json),
        })
        const text = await res.text()
        return { status: res.status, body: text ? JSON.parse(text) : undefined }
      },
      receiver: () => createReceiver(),
    }
  },
  cases,
}
