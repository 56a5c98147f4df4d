import assert from 'node:assert/strict'
import { createDigipixClient, type DigipixClient } from '../../../src/clients/digipix/index.ts'
import {
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
} from '../../../src/core/errors.ts'
import { expectError } from '../../harness/index.ts'
import type {
  ContractCase,
  ContractSuite,
  ContractTarget,
  Receiver,
  SandboxClient,
} from '../../harness/index.ts'
import { createReceiver } from '../../harness/index.ts'
import type { DigipixTargetCredentials } from './live.ts'
import {
  ErrorBody,
  OAuthError,
  Order,
  Product,
  ShippingOption,
  StatusCallback,
  TokenResponse,
  type CreateOrderRequest,
  type Scope,
} from '../schemas.ts'

/** What each Digipix case gets: a client, raw HTTP, and (on simulators) the sandbox and a receiver. */
export interface DigipixCtx {
  target: ContractTarget<DigipixTargetCredentials>
  creds: DigipixTargetCredentials
  client: DigipixClient
  sandbox?: SandboxClient
  /** A raw call; `token` is a bearer token, `true` for a fresh all-scope token, `undefined` for none. */
  raw(
    method: string,
    path: string,
    opts?: { token?: string | true; json?: unknown; body?: string; contentType?: string },
  ): Promise<{ status: number; body: any; headers: Headers }>
  token(scopes?: Scope[]): Promise<string>
  receiver(): Promise<Receiver>
}

const RECIPIENT: CreateOrderRequest['recipient'] = {
  name: 'Ana Souza',
  email: 'ana@example.com',
  address: {
    street: 'Avenida Paulista',
    number: '1578',
    neighborhood: 'Bela Vista',
    city: 'São Paulo',
    state: 'SP',
    zipCode: '01310-200',
  },
}
const ITEMS = [{ productId: 'photobook', quantity: 2 }]

const cases: Array<ContractCase<DigipixCtx>> = [
  {
    name: 'token: client credentials give an HS256 JWT valid 3600 s',
    async run({ raw, creds }) {
      const res = await raw('POST', '/v1/oauth/token', {
        json: {
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
          grant_type: 'client_credentials',
          scope: ['orders', 'quote', 'products'],
        },
      })
      assert.equal(res.status, 200)
      const body = TokenResponse.parse(res.body)
      assert.equal(body.expires_in, 3600)
      const [head, payload] = body.access_token
        .split('.')
        .slice(0, 2)
        .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString() || 'null'))
      assert.equal(head.alg, 'HS256')
      assert.equal(payload.exp - payload.iat, 3600)
    },
  },
  {
    name: 'token: form-encoded body is accepted too',
    proposal: true,
    async run({ raw, creds }) {
      const res = await raw('POST', '/v1/oauth/token', {
        body: new URLSearchParams({
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
          grant_type: 'client_credentials',
          scope: 'products',
        }).toString(),
        contentType: 'application/x-www-form-urlencoded',
      })
      assert.equal(res.status, 200)
      TokenResponse.parse(res.body)
    },
  },
  {
    name: 'token: wrong secret → 401 invalid_client; other grant → 400; unknown scope → 400',
    async run({ raw, creds }) {
      const bad = await raw('POST', '/v1/oauth/token', {
        json: {
          client_id: creds.clientId,
          client_secret: 'wrong',
          grant_type: 'client_credentials',
          scope: ['orders'],
        },
      })
      assert.equal(bad.status, 401)
      assert.equal(OAuthError.parse(bad.body).error, 'invalid_client')
      const grant = await raw('POST', '/v1/oauth/token', {
        json: {
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
          grant_type: 'password',
          scope: ['orders'],
        },
      })
      assert.equal(grant.status, 400)
      assert.equal(grant.body.error, 'unsupported_grant_type')
      const scope = await raw('POST', '/v1/oauth/token', {
        json: {
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
          grant_type: 'client_credentials',
          scope: ['invoices'],
        },
      })
      assert.equal(scope.status, 400)
      assert.equal(scope.body.error, 'invalid_scope')
    },
  },
  {
    name: 'auth: no token or a bad token → 401 in the error envelope',
    async run({ raw }) {
      const none = await raw('GET', '/v1/products')
      assert.equal(none.status, 401)
      ErrorBody.parse(none.body)
      const bad = await raw('GET', '/v1/products', {
        token: 'eyJhbGciOiJIUzI1NiJ9.e30.bm90LWEtc2lnbmF0dXJl',
      })
      assert.equal(bad.status, 401)
      assert.equal(bad.body.error, 'invalid_token')
    },
  },
  {
    name: 'auth: a token without the endpoint scope → 403',
    async run({ raw, token }) {
      const t = await token(['products'])
      const res = await raw('POST', '/v1/quote', {
        token: t,
        json: { zipCode: '01310200', items: ITEMS },
      })
      assert.equal(res.status, 403)
      assert.equal(res.body.error, 'insufficient_scope')
      const ok = await raw('GET', '/v1/products', { token: t })
      assert.equal(ok.status, 200)
    },
  },
  {
    name: 'auth: the token expires after 3600 s on the clock; the client renews it',
    requires: ['sandbox'],
    async run({ raw, token, sandbox, client }) {
      const t = await token(['products'])
      await client.products.list()
      await sandbox!.advance(3599)
      assert.equal((await raw('GET', '/v1/products', { token: t })).status, 200)
      await sandbox!.advance(1)
      const expired = await raw('GET', '/v1/products', { token: t })
      assert.equal(expired.status, 401)
      assert.equal(expired.body.error, 'token_expired')
      const products = await client.products.list()
      assert.ok(products.length > 0)
    },
  },
  {
    name: 'products: the catalog lists photobook as the docs show it; unknown id → 404',
    async run({ client }) {
      const list = await client.products.list()
      assert.ok(list.some((p) => p.id === 'photobook'))
      const p = await client.products.get('photobook')
      assert.equal(p.name, 'Photobook')
      assert.equal(typeof p.price, 'number')
      assert.ok(Array.isArray(p.parts))
      await expectError(client.products.get('no-such-product'), NotFoundError)
    },
  },
  {
    name: 'quote: non-digits are stripped from zipCode; options carry ids, cost, delivery days',
    async run({ client }) {
      const options = await client.quote.create({ zipCode: '01310-200', items: ITEMS })
      assert.ok(options.length >= 2)
      for (const o of options) {
        assert.ok(o.id.length > 0)
        assert.ok(o.cost >= 0)
        assert.ok(o.estimatedDeliveryDays >= 0)
      }
      const cheapest = options.find((o) => o.shipmentMethodId === 1)!
      const fastest = options.find((o) => o.shipmentMethodId === 2)!
      assert.ok(
        cheapest.cost <= fastest.cost &&
          fastest.estimatedDeliveryDays <= cheapest.estimatedDeliveryDays,
      )
    },
  },
  {
    name: 'quote: a zipCode without exactly 8 digits → 400',
    async run({ client, raw, token }) {
      await expectError(
        client.quote.create({ zipCode: '0131-020', items: ITEMS }),
        InvalidRequestError,
      )
      const res = await raw('POST', '/v1/quote', {
        token: await token(['quote']),
        json: { zipCode: 'abc123456789', items: ITEMS },
      })
      assert.equal(res.status, 400)
    },
  },
  {
    name: 'orders flow 1: QUOTE with shipments, approved with one of them',
    requires: ['writes'],
    async run({ client }) {
      const created = await client.orders.create({
        recipient: RECIPIENT,
        items: ITEMS,
        partnerOrderID: 'PO-1001',
        customData: { ref: 42, tags: ['a'] },
      })
      assert.equal(created.status, 'QUOTE')
      assert.ok(created.shipments && created.shipments.length >= 2)
      assert.equal(created.total, created.subtotal)
      assert.deepEqual(created.customData, { ref: 42, tags: ['a'] })
      assert.equal(created.partnerOrderID, 'PO-1001')
      const pick = created.shipments!.find((s) => s.shipmentMethodId === 2)!
      const approved = await client.orders.approve(created.id, { shipmentId: pick.id })
      assert.equal(approved.status, 'APPROVED')
      assert.equal(approved.shipment?.id, pick.id)
      assert.equal(approved.shippingCost, pick.cost)
      assert.equal(approved.total, Math.round((approved.subtotal + pick.cost) * 100) / 100)
      const again = await client.orders.get(created.id)
      assert.equal(again.status, 'APPROVED')
      await expectError(client.orders.approve(created.id, { shipmentId: pick.id }), ConflictError)
    },
  },
  {
    name: 'orders flow 1: approving with a shipmentId of another order → 400; with a shipmentMethodId works',
    requires: ['writes'],
    async run({ client }) {
      const a = await client.orders.create({ recipient: RECIPIENT, items: ITEMS })
      const b = await client.orders.create({ recipient: RECIPIENT, items: ITEMS })
      await expectError(
        client.orders.approve(a.id, { shipmentId: b.shipments![0]!.id }),
        InvalidRequestError,
      )
      const approved = await client.orders.approve(a.id, { shipmentMethodId: 1 })
      assert.equal(approved.status, 'APPROVED')
      assert.equal(approved.shipment?.shipmentMethodId, 1)
    },
  },
  {
    name: 'orders flow 2: a quote id as shipmentId creates an APPROVED order, once',
    requires: ['writes'],
    async run({ client }) {
      const options = await client.quote.create({
        zipCode: RECIPIENT.address.zipCode,
        items: ITEMS,
      })
      const order = await client.orders.create({
        recipient: RECIPIENT,
        items: ITEMS,
        shipmentId: options[0]!.id,
        status: 'APPROVED',
      })
      assert.equal(order.status, 'APPROVED')
      assert.equal(order.shippingCost, options[0]!.cost)
      assert.equal(order.total, Math.round((order.subtotal + options[0]!.cost) * 100) / 100)
      await expectError(
        client.orders.create({ recipient: RECIPIENT, items: ITEMS, shipmentId: options[0]!.id }),
        ConflictError,
      )
    },
  },
  {
    name: 'orders flow 3: shipmentMethodId pre-approves in one call; Collect needs a contract',
    requires: ['writes'],
    async run({ client }) {
      const order = await client.orders.create({
        recipient: RECIPIENT,
        items: ITEMS,
        shipmentMethodId: 2,
      })
      assert.equal(order.status, 'APPROVED')
      assert.equal(order.shipment?.shipmentMethodId, 2)
      assert.equal(typeof order.shippingCost, 'number')
      await expectError(
        client.orders.create({ recipient: RECIPIENT, items: ITEMS, shipmentMethodId: 3 }),
        InvalidRequestError,
      )
    },
  },
  {
    name: 'orders: invalid bodies → 400 with field details; nothing is created',
    requires: ['writes'],
    async run({ raw, token, sandbox }) {
      const t = await token(['orders'])
      const long = await raw('POST', '/v1/orders', {
        token: t,
        json: { recipient: RECIPIENT, items: ITEMS, partnerOrderID: 'x'.repeat(65) },
      })
      assert.equal(long.status, 400)
      assert.ok(ErrorBody.parse(long.body).details?.some((d) => d.field === 'partnerOrderID'))
      const unknownProduct = await raw('POST', '/v1/orders', {
        token: t,
        json: { recipient: RECIPIENT, items: [{ productId: 'nope', quantity: 1 }] },
      })
      assert.equal(unknownProduct.status, 400)
      const malformed = await raw('POST', '/v1/orders', {
        token: t,
        body: '{"recipient":',
        contentType: 'application/json',
      })
      assert.equal(malformed.status, 400)
      const extra = await raw('POST', '/v1/orders', {
        token: t,
        json: { recipient: RECIPIENT, items: ITEMS, color: 'red' },
      })
      assert.equal(extra.status, 400)
      if (sandbox) {
        const state = await sandbox.request('GET', '/state')
        assert.equal(state.body.data.orders.length, 0)
      }
    },
  },
  {
    name: 'orders: unknown order → 404; unknown route → 404 in the envelope',
    async run({ client, raw, token }) {
      await expectError(client.orders.get('AAAAAAAAAAAAAAAAAAAA'), NotFoundError)
      const res = await raw('GET', '/v1/no-such-thing', { token: await token() })
      assert.equal(res.status, 404)
      ErrorBody.parse(res.body)
    },
  },
  {
    name: 'orders: cancel a QUOTE order; cancel again or approve it → 409',
    requires: ['writes'],
    async run({ client }) {
      const order = await client.orders.create({ recipient: RECIPIENT, items: ITEMS })
      const canceled = await client.orders.cancel(order.id)
      assert.equal(canceled.status, 'CANCELED')
      await expectError(client.orders.cancel(order.id), ConflictError)
      await expectError(client.orders.approve(order.id, { shipmentMethodId: 1 }), ConflictError)
    },
  },
  {
    name: 'orders: an order in production cannot be canceled',
    requires: ['writes', 'sandbox'],
    async run({ client, sandbox }) {
      const order = await client.orders.create({
        recipient: RECIPIENT,
        items: ITEMS,
        shipmentMethodId: 1,
      })
      const moved = await sandbox!.request('POST', `/orders/${order.id}/transition`, {
        status: 'IN_MANUFACTURING',
      })
      assert.equal(moved.status, 200)
      await expectError(client.orders.cancel(order.id), ConflictError, 'order_in_production')
    },
  },
  {
    name: 'lifecycle: the clock takes an approved order to DELIVERED, with a callback per transition',
    requires: ['writes', 'sandbox', 'receiver'],
    async run({ client, sandbox, receiver }) {
      const rx = await receiver()
      try {
        const order = await client.orders.create({
          recipient: RECIPIENT,
          items: ITEMS,
          statusNotificationUrl: `${rx.url}/digipix`,
          customData: { shop: 'x' },
        })
        await client.orders.approve(order.id, { shipmentMethodId: 1 })
        await sandbox!.advance(0)
        await sandbox!.advance(30 * 86400)
        const delivered = await client.orders.get(order.id)
        assert.equal(delivered.status, 'DELIVERED')
        assert.ok(delivered.shipment?.trackingCode)
        const statuses = rx.calls.map((c) => StatusCallback.parse(c.json)).map((c) => c.status)
        assert.deepEqual(statuses, ['APPROVED', 'NEW', 'IN_MANUFACTURING', 'SHIPPED', 'DELIVERED'])
        for (const call of rx.calls) {
          const cb = StatusCallback.parse(call.json)
          assert.equal(cb.id, order.id)
          assert.deepEqual(cb.customData, { shop: 'x' })
          if (cb.status === 'SHIPPED' || cb.status === 'DELIVERED')
            assert.equal(cb.tracking_items?.[0]?.trackingCode, delivered.shipment?.trackingCode)
          else assert.equal(cb.tracking_items, undefined)
        }
        const log = await sandbox!.webhooks()
        assert.equal(log.length, 5)
        assert.ok(log.every((d) => d.state === 'delivered'))
      } finally {
        await rx.close()
      }
    },
  },
  {
    name: 'callbacks: a failing receiver is retried on the clock until it answers 2xx',
    requires: ['writes', 'sandbox', 'receiver'],
    async run({ client, sandbox, receiver }) {
      const rx = await receiver()
      try {
        rx.failNext(2)
        const order = await client.orders.create({
          recipient: RECIPIENT,
          items: ITEMS,
          statusNotificationUrl: `${rx.url}/hook`,
        })
        await client.orders.cancel(order.id)
        await sandbox!.advance(0)
        let [delivery] = await sandbox!.webhooks()
        assert.equal(delivery!.state, 'pending')
        assert.equal(delivery!.attempts.length, 1)
        await sandbox!.advance(60)
        await sandbox!.advance(300)
        ;[delivery] = await sandbox!.webhooks()
        assert.equal(delivery!.state, 'delivered')
        assert.deepEqual(
          delivery!.attempts.map((a) => a.status),
          [500, 500, 200],
        )
        assert.equal(rx.calls.length, 3)
        assert.ok(rx.calls.every((c) => c.body === rx.calls[0]!.body))
      } finally {
        await rx.close()
      }
    },
  },
  {
    name: 'lifecycle: a QUOTE order not approved within 7 days expires',
    requires: ['writes', 'sandbox'],
    async run({ client, sandbox }) {
      const order = await client.orders.create({ recipient: RECIPIENT, items: ITEMS })
      await sandbox!.advance(7 * 86400 - 1)
      assert.equal((await client.orders.get(order.id)).status, 'QUOTE')
      await sandbox!.advance(1)
      assert.equal((await client.orders.get(order.id)).status, 'CANCELED')
      await expectError(
        client.orders.approve(order.id, { shipmentMethodId: 1 }),
        InvalidRequestError,
        'approval_window_expired',
      )
    },
  },
  {
    name: 'orders: the response matches the contract and money adds up',
    requires: ['writes'],
    async run({ raw, token }) {
      const res = await raw('POST', '/v1/orders', {
        token: await token(['orders']),
        json: {
          recipient: RECIPIENT,
          items: [{ productId: 'photobook', quantity: 3 }],
          shipmentMethodId: 1,
        },
      })
      assert.equal(res.status, 201)
      const order = Order.parse(res.body)
      assert.equal(
        order.total,
        Math.round((order.subtotal + (order.shippingCost ?? 0)) * 100) / 100,
      )
      assert.match(order.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/)
      assert.equal(order.id.length, 20)
    },
  },
  {
    // Discovery: much of Digipix's wire is our proposal, so a live run lists the fields the
    // contracts do not know (to confirm or correct them); the simulator must send none.
    name: 'discover: fields the contracts do not know (logged on live, none on simulators)',
    async run({ raw, target }) {
      const t = await raw('GET', '/v1/products/photobook', { token: true })
      assert.equal(t.status, 200)
      const q = await raw('POST', '/v1/quote', {
        token: true,
        json: { zipCode: '01310200', items: ITEMS },
      })
      assert.equal(q.status, 200)
      const unknown = [
        ...Object.keys(t.body)
          .filter((k) => !(k in Product.shape))
          .map((k) => `product.${k}`),
        ...(q.body as object[]).flatMap((o) =>
          Object.keys(o)
            .filter((k) => !(k in ShippingOption.shape))
            .map((k) => `quoteOption.${k}`),
        ),
      ]
      if (target.name === 'live')
        console.log(
          `digipix live: fields not in the contracts: ${[...new Set(unknown)].join(', ') || 'none'}`,
        )
      else assert.deepEqual(unknown, [])
    },
  },
  {
    name: 'client: a 403 surfaces as PermissionError',
    async run({ target, creds }) {
      const narrow = createDigipixClient({
        baseUrl: target.baseUrl,
        fetch: target.fetch,
        clientId: creds.clientId,
        clientSecret: creds.clientSecret,
        scopes: ['products'],
      })
      await expectError(
        narrow.quote.create({ zipCode: '01310200', items: ITEMS }),
        PermissionError,
        'insufficient_scope',
      )
    },
  },
]

/**
 * The Digipix contract suite: documented behaviour (and, on simulators, our
 * proposals) asserted through raw HTTP and the client, on any target.
 */
export const digipixSuite: ContractSuite<DigipixCtx, DigipixTargetCredentials> = {
  vendor: 'digipix',
  cases,
  context(target, { credentials, sandbox }) {
    const base = target.baseUrl.replace(/\/+$/, '')
    const client = createDigipixClient({
      baseUrl: base,
      fetch: target.fetch,
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      baseDelayMs: 10,
    })
    const token = async (scopes: Scope[] = ['orders', 'quote', 'products']) => {
      const res = await target.fetch(`${base}/v1/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
          grant_type: 'client_credentials',
          scope: scopes,
        }),
      })
      assert.equal(res.status, 200, 'token request failed')
      return TokenResponse.parse(await res.json()).access_token
    }
    return {
      target,
      creds: credentials,
      client,
      sandbox,
      token,
      receiver: createReceiver,
      async raw(method, path, opts = {}) {
        const headers: Record<string, string> = {}
        if (opts.token)
          headers.authorization = `Bearer ${opts.token === true ? await token() : opts.token}`
        let body: string | undefined
        if (opts.json !== undefined) {
          headers['content-type'] = 'application/json'
          body = JSON.stringify(opts.json)
        } else if (opts.body !== undefined) {
          headers['content-type'] = opts.contentType ?? 'application/json'
          body = opts.body
        }
        const res = await target.fetch(base + path, { method, headers, body })
        const text = await res.text()
        let parsed: unknown = text
        try {
          parsed = text ? JSON.parse(text) : undefined
        } catch {
          /* keep text */
        }
        return { status: res.status, body: parsed, headers: res.headers }
      },
    }
  },
}
