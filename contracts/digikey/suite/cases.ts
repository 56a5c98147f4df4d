import assert from 'node:assert/strict'
import {
  createDigiKeyClient,
  memoryTokenStore,
  validationErrorsOf,
  type DigiKeyClient,
} from '../../../src/clients/digikey/index.ts'
import {
  InvalidRequestError,
  PermissionError,
  RateLimitError,
  VendorError,
} from '../../../src/core/errors.ts'
import { expectError } from '../../harness/index.ts'
import type {
  ContractCase,
  ContractSuite,
  ContractTarget,
  SandboxClient,
} from '../../harness/index.ts'
import type { DigiKeyTargetCredentials } from './live.ts'
import {
  ApiErrorResponse,
  BurstLimitBody,
  DKProblemDetails,
  OAuthError,
  OrderSearchResponse,
  SalesOrder,
  TokenResponse,
  type OrderRequest,
} from '../schemas.ts'

type Raw = { status: number; body: any; text: string; headers: Headers }

/** What each DigiKey case gets: a 2-legged client, a way to a 3-legged one, raw HTTP, and (on simulators) the sandbox. */
export interface DigiKeyCtx {
  target: ContractTarget<DigiKeyTargetCredentials>
  creds: DigiKeyTargetCredentials
  sandbox?: SandboxClient
  /** A client with no user: 2-legged tokens (Order Status with the account header). */
  client: DigiKeyClient
  /** A client acting for the user (3-legged): on simulators approved through the sandbox, live from the refresh token. */
  user(o?: { clock?: { now(): number; sleep(ms: number): Promise<void> } }): Promise<DigiKeyClient>
  /** A raw call with DigiKey's headers; `clientId: null` leaves the client id header out. */
  raw(
    method: string,
    path: string,
    o?: {
      token?: string
      clientId?: string | null
      accountId?: string
      json?: unknown
      form?: Record<string, string>
      headers?: Record<string, string>
      redirect?: 'manual'
    },
  ): Promise<Raw>
}

/** An OrderRequest as the Ordering v3 model table gives it. */
export const orderRequest = (lines: Array<[string, number]>, po = 'PO-2026-001'): OrderRequest => ({
  PurchaseOrderNumber: po,
  Currency: 'USD',
  ShipMethod: 'USPS ground advantage',
  ShippingContact: {
    Name: 'Ben Hest',
    Telephone: '2185551234',
    Address: {
      Company: 'Acme Electronics',
      FirstName: 'Ben',
      LastName: 'Hest',
      AddressLineOne: '701 Brooks Ave S',
      City: 'Thief River Falls',
      Province: 'MN',
      PostalCode: '56701',
      Country: 'US',
    },
  },
  LineItems: lines.map(([DigiKeyPartNumber, RequestedQuantity]) => ({
    DigiKeyPartNumber,
    RequestedQuantity,
  })),
})

/** A calendar date `days` after the simulator's now (the clock may be frozen or real). */
async function simDate(sandbox: SandboxClient, days: number) {
  const { nowMs } = (await sandbox.request('GET', '/clock')).body as { nowMs: number }
  return new Date(nowMs + days * 86_400_000).toISOString().slice(0, 10)
}

/** The request id header equals the body's id, in either envelope. */
function assertRequestId(res: Raw) {
  const header = res.headers.get('x-digikey-request-id')
  assert.match(header ?? '', /^[0-9a-f-]{36}$/i)
  const bodyId = res.body?.RequestId ?? res.body?.correlationId
  if (bodyId !== undefined) assert.equal(bodyId, header)
}

const cases: Array<ContractCase<DigiKeyCtx>> = [
  {
    name: 'oauth: client credentials → a 2-legged bearer (expires_in 599), no refresh token',
    async run({ raw, creds }) {
      const res = await raw('POST', '/v1/oauth2/token', {
        clientId: null,
        form: {
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
          grant_type: 'client_credentials',
        },
      })
      assert.equal(res.status, 200)
      const t = TokenResponse.parse(res.body)
      assert.equal(t.token_type, 'Bearer')
      assert.equal(t.refresh_token, undefined)
      assert.ok(t.expires_in > 0 && t.expires_in <= 600)
    },
  },
  {
    name: 'oauth: the 3-legged dance — consent page → Approve → code → tokens → refresh rotates, the old refresh token fails invalid_grant',
    requires: ['sandbox'],
    async run({ raw, creds }) {
      const redirect = creds.redirectUris![0]!
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: creds.clientId,
        redirect_uri: redirect,
        state: 'af0ifjsldkj',
      })
      const page = await raw('GET', `/v1/oauth2/authorize?${query}`, { clientId: null })
      assert.equal(page.status, 200)
      assert.match(page.text, /<button[^>]*value="approve"[^>]*>Approve<\/button>/)
      const approved = await raw('POST', '/v1/oauth2/authorize', {
        clientId: null,
        form: { ...Object.fromEntries(query), decision: 'approve' },
        redirect: 'manual',
      })
      assert.equal(approved.status, 302)
      const location = new URL(approved.headers.get('location')!)
      assert.equal(`${location.origin}${location.pathname}`, redirect)
      assert.equal(location.searchParams.get('state'), 'af0ifjsldkj')
      const code = location.searchParams.get('code')!
      const tokens = await raw('POST', '/v1/oauth2/token', {
        clientId: null,
        form: {
          grant_type: 'authorization_code',
          code,
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
          redirect_uri: redirect,
        },
      })
      assert.equal(tokens.status, 200)
      const t = TokenResponse.parse(tokens.body)
      assert.equal(t.expires_in, 1799)
      assert.equal(t.refresh_token_expires_in, 7_776_000)
      const reused = await raw('POST', '/v1/oauth2/token', {
        clientId: null,
        form: {
          grant_type: 'authorization_code',
          code,
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
          redirect_uri: redirect,
        },
      })
      assert.equal(reused.status, 400)
      assert.equal(OAuthError.parse(reused.body).error, 'invalid_grant')
      const refreshed = await raw('POST', '/v1/oauth2/token', {
        clientId: null,
        form: {
          grant_type: 'refresh_token',
          refresh_token: t.refresh_token!,
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
        },
      })
      assert.equal(refreshed.status, 200)
      const r = TokenResponse.parse(refreshed.body)
      assert.notEqual(r.refresh_token, t.refresh_token)
      const old = await raw('POST', '/v1/oauth2/token', {
        clientId: null,
        form: {
          grant_type: 'refresh_token',
          refresh_token: t.refresh_token!,
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
        },
      })
      assert.equal(old.status, 400)
      assert.deepEqual(OAuthError.parse(old.body), {
        error: 'invalid_grant',
        error_description: 'unknown, invalid, or expired refresh token',
      })
      // The new access token is 3-legged: it may order status data without an account header.
      assert.equal(
        (await raw('GET', '/orderstatus/v4/orders', { token: r.access_token })).status,
        200,
      )
    },
  },
  {
    name: 'oauth: a code lives 60 s; redirect_uri must match exactly; unknown client → 400 page; deny → access_denied',
    requires: ['sandbox'],
    async run({ raw, creds, sandbox }) {
      const redirect = creds.redirectUris![0]!
      const code = async () =>
        (
          await sandbox!.request('POST', '/oauth/authorize', {
            client_id: creds.clientId,
            redirect_uri: redirect,
          })
        ).body.code as string
      const exchange = (c: string, uri = redirect) =>
        raw('POST', '/v1/oauth2/token', {
          clientId: null,
          form: {
            grant_type: 'authorization_code',
            code: c,
            client_id: creds.clientId,
            client_secret: creds.clientSecret,
            redirect_uri: uri,
          },
        })
      const late = await code()
      await sandbox!.advance(60)
      assert.equal((await exchange(late)).body.error, 'invalid_grant')
      assert.equal((await exchange(await code(), `${redirect}/`)).body.error, 'invalid_grant')
      const unknown = await raw(
        'GET',
        `/v1/oauth2/authorize?response_type=code&client_id=nope&redirect_uri=${encodeURIComponent(redirect)}`,
        { clientId: null },
      )
      assert.equal(unknown.status, 400)
      assert.match(unknown.text, /400 - Unknown or invalid client_id/)
      const wrongUri = await raw(
        'GET',
        `/v1/oauth2/authorize?response_type=code&client_id=${creds.clientId}&redirect_uri=${encodeURIComponent(`${redirect}/`)}`,
        { clientId: null, redirect: 'manual' },
      )
      assert.equal(wrongUri.status, 400)
      assert.equal(wrongUri.headers.get('location'), null)
      const denied = await raw('POST', '/v1/oauth2/authorize', {
        clientId: null,
        form: {
          response_type: 'code',
          client_id: creds.clientId,
          redirect_uri: redirect,
          state: 's',
          decision: 'deny',
        },
        redirect: 'manual',
      })
      assert.equal(
        new URL(denied.headers.get('location')!).searchParams.get('error'),
        'access_denied',
      )
    },
  },
  {
    name: 'oauth: a wrong secret → 401 invalid_client; a JSON body → 400 invalid_request; an unknown grant → 400 unsupported_grant_type',
    proposal: true,
    async run({ raw, creds }) {
      const bad = await raw('POST', '/v1/oauth2/token', {
        clientId: null,
        form: {
          client_id: creds.clientId,
          client_secret: 'wrong',
          grant_type: 'client_credentials',
        },
      })
      assert.equal(bad.status, 401)
      assert.equal(OAuthError.parse(bad.body).error, 'invalid_client')
      const json = await raw('POST', '/v1/oauth2/token', {
        clientId: null,
        json: {
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
          grant_type: 'client_credentials',
        },
      })
      assert.equal(json.status, 400)
      assert.equal(json.body.error, 'invalid_request')
      const grant = await raw('POST', '/v1/oauth2/token', {
        clientId: null,
        form: {
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
          grant_type: 'password',
        },
      })
      assert.equal(grant.body.error, 'unsupported_grant_type')
    },
  },
  {
    name: 'headers: no or unknown X-DIGIKEY-Client-Id → 401 Invalid Client-Id before the bearer is looked at; no bearer → 401 The Bearer token is invalid; X-DIGIKEY-REQUEST-ID equals the body id',
    async run({ raw, creds }) {
      const none = await raw('GET', '/orderstatus/v4/orders', { clientId: null })
      assert.equal(none.status, 401)
      const unknown = await raw('GET', '/orderstatus/v4/orders', { clientId: 'not-a-client-id' })
      assert.equal(unknown.status, 401)
      for (const r of [none, unknown]) {
        assertRequestId(r)
        const text = JSON.stringify(r.body)
        assert.match(text, /Client-Id|clientId/i)
      }
      const noBearer = await raw('GET', '/orderstatus/v4/orders', { clientId: creds.clientId })
      assert.equal(noBearer.status, 401)
      assertRequestId(noBearer)
      assert.match(JSON.stringify(noBearer.body), /Bearer token is invalid/)
    },
  },
  {
    name: 'headers: 2-legged Order Status without X-DIGIKEY-Account-ID → 400 "Account ID must not be 0"; with it → 200',
    async run({ raw, client, creds }) {
      const token = (await client.auth.clientCredentials()).access_token
      const missing = await raw('GET', '/orderstatus/v4/orders', { token })
      assert.equal(missing.status, 400)
      assert.match(JSON.stringify(missing.body), /Account ID must not be 0/)
      assertRequestId(missing)
      if (creds.accountId === undefined) return
      const ok = await raw('GET', '/orderstatus/v4/orders', {
        token,
        accountId: String(creds.accountId),
      })
      assert.equal(ok.status, 200)
      OrderSearchResponse.parse(ok.body)
      assert.ok(ok.headers.get('x-ratelimit-limit') && ok.headers.get('x-ratelimit-remaining'))
    },
  },
  {
    name: 'headers: a production client id on the sandbox host → 401 Invalid clientId; v4 errors are DKProblemDetails, v3 ApiErrorResponse',
    requires: ['sandbox'],
    async run({ raw, creds, client }) {
      const other = await raw('GET', '/orderstatus/v4/orders', {
        clientId: creds.production!.clientId,
      })
      assert.equal(other.status, 401)
      assert.match(DKProblemDetails.parse(other.body).detail!, /Invalid clientId/)
      const token = (await client.auth.clientCredentials()).access_token
      const v3 = await raw('POST', '/Ordering/v3/Orders', {
        token,
        clientId: creds.production!.clientId,
        json: {},
      })
      assert.equal(ApiErrorResponse.parse(v3.body).ErrorMessage, 'Invalid clientId')
    },
  },
  {
    name: 'ordering: a 2-legged token → 403 (ApiErrorResponse)',
    requires: ['writes'],
    async run({ raw, client }) {
      const token = (await client.auth.clientCredentials()).access_token
      const res = await raw('POST', '/Ordering/v3/Orders', {
        token,
        json: orderRequest([['311-10.0KHRCT-ND', 100]]),
      })
      assert.equal(res.status, 403)
      ApiErrorResponse.parse(res.body)
      assertRequestId(res)
    },
  },
  {
    name: "ordering: the seed page's top example is refused with ValidationErrors; the model-table form is accepted",
    requires: ['writes'],
    async run({ user }) {
      const dk = await user()
      const seedExample = {
        LineItems: [
          {
            DigiKeyPartNumber: '311-10.0KHRCT-ND',
            Quantity: 1000,
            CustomerReference: 'BOM-REF-001',
          },
        ],
        ShippingAddress: { FirstName: 'Ben' },
        ShipMethod: 'USPS ground advantage',
        PurchaseOrder: 'PO-2026-001',
      }
      const err = await expectError(
        dk.ordering.placeOrder(seedExample as never),
        InvalidRequestError,
      )
      ApiErrorResponse.parse(err.body)
      assert.ok(err.requestId)
      const fields = validationErrorsOf(err).map((v) => v.field)
      for (const f of [
        'PurchaseOrderNumber',
        'Currency',
        'ShippingContact',
        'LineItems[0].RequestedQuantity',
      ])
        assert.ok(fields.includes(f), `missing ${f} in ${fields.join(', ')}`)
      const bad = await expectError(
        dk.ordering.placeOrder({
          ...orderRequest([
            ['NOT-A-PART-ND', 1],
            ['311-10.0KHRTR-ND', 1234],
          ]),
          ShipMethod: 'Pony express' as never,
        }),
        InvalidRequestError,
      )
      const found = validationErrorsOf(bad).map((v) => v.field)
      assert.deepEqual(found.sort(), ['ShipMethod'])
      const domain = await expectError(
        dk.ordering.placeOrder(
          orderRequest([
            ['NOT-A-PART-ND', 1],
            ['311-10.0KHRTR-ND', 1234],
          ]),
        ),
        InvalidRequestError,
      )
      assert.deepEqual(
        validationErrorsOf(domain).map((v) => v.field),
        ['LineItems[0].DigiKeyPartNumber', 'LineItems[1].RequestedQuantity'],
      )
    },
  },
  {
    name: 'ordering: an account without a credit line is rejected (403)',
    requires: ['sandbox'],
    proposal: true,
    async run({ user, sandbox }) {
      const accounts = (await sandbox!.request('GET', '/accounts')).body.accounts as Array<{
        id: number
        creditLine: boolean
      }>
      const prepaid = accounts.find((a) => !a.creditLine)!
      const dk = await user()
      await sandbox!.request('PATCH', `/accounts/${accounts[0]!.id}`, { creditLine: false })
      const err = await expectError(
        dk.ordering.placeOrder(orderRequest([['311-10.0KHRCT-ND', 10]])),
        PermissionError,
      )
      assert.match(err.message, /credit line/)
      assert.ok(prepaid)
    },
  },
  {
    name: 'lifecycle: an order goes Received → Processing → partly shipped → Shipped → Delivered on the clock, each shipment with an invoice, tracking and a packing list (PDF)',
    requires: ['sandbox'],
    async run({ user, sandbox }) {
      const dk = await user()
      // 35 ESP32 modules are in stock: 50 ordered → 35 ship now, 15 are backordered for the part's lead time.
      const placed = await dk.ordering.placeOrder(
        orderRequest(
          [
            ['311-10.0KHRCT-ND', 1000],
            ['SER4290-ND', 50],
          ],
          'PO-LIFECYCLE',
        ),
      )
      assert.ok(placed.SalesOrderId > 0)
      assert.equal(placed.SalesOrderIds_DKPlus, null)
      const seen: string[] = []
      const read = async () => {
        const so = await dk.orderStatus.salesOrder(placed.SalesOrderId)
        if (seen.at(-1) !== so.Status.SalesOrderStatus) seen.push(so.Status.SalesOrderStatus)
        return so
      }
      let so = await read()
      assert.equal(so.LineItems[0]!.UnitPrice, 0.00634)
      assert.equal(so.LineItems[1]!.QuantityBackOrder, 15)
      await expectError(dk.packingList.bySalesOrder(placed.SalesOrderId), VendorError)
      await sandbox!.advance(300)
      await read()
      await sandbox!.advance(7200)
      so = await read()
      assert.equal(so.LineItems[1]!.QuantityShipped, 35)
      const first = so.LineItems[1]!.ItemShipments[0]!
      assert.ok(first.InvoiceId > 0 && first.TrackingNumber)
      for (let day = 0; day < 30 && seen.at(-1) !== 'Delivered'; day++) {
        await sandbox!.advance(86_400)
        so = await read()
      }
      assert.deepEqual(seen, [
        'Received',
        'Processing',
        'ProcessingPartialShipment',
        'Shipped',
        'Delivered',
      ])
      assert.equal(so.Status.LongDescription, 'All products in this order have been delivered.')
      SalesOrder.parse(so)
      const lists = await dk.packingList.bySalesOrder(placed.SalesOrderId, { includePdf: true })
      assert.equal(lists.length, 2)
      const pdf = Buffer.from(lists[0]!.PackingListPdf!, 'base64').toString('latin1')
      assert.ok(pdf.startsWith('%PDF-1.') && pdf.trimEnd().endsWith('%%EOF'))
      const byInvoice = await dk.packingList.byInvoice(lists[1]!.InvoiceId)
      assert.equal(byInvoice.PackingListPdf, null)
      assert.equal(byInvoice.LineItems[0]!.QuantityShipped, 15)
      assert.equal((await dk.packingList.byPurchaseOrder('PO-LIFECYCLE')).length, 2)
    },
  },
  {
    name: 'ordering: Marketplace-only → SalesOrderId 0 with DKPlus ids; async mode → -1, the order appears later, and resubmitting duplicates it',
    requires: ['sandbox'],
    async run({ user, sandbox }) {
      const dk = await user()
      const mp = await dk.ordering.placeOrder(
        orderRequest(
          [
            ['1528-4116-ND', 2],
            ['1568-1105-ND', 1],
          ],
          'PO-MARKET',
        ),
      )
      assert.equal(mp.SalesOrderId, 0)
      assert.equal(mp.SalesOrderIds_DKPlus!.length, 2)
      assert.equal(
        (await dk.orderStatus.salesOrder(mp.SalesOrderIds_DKPlus![0]!)).Status.SalesOrderStatus,
        'Received',
      )
      await sandbox!.request('PATCH', '/settings', { asyncOrders: true, asyncDelaySeconds: 30 })
      const a = await dk.ordering.placeOrder(orderRequest([['1N4148FS-ND', 10]], 'PO-ASYNC'))
      const b = await dk.ordering.placeOrder(orderRequest([['1N4148FS-ND', 10]], 'PO-ASYNC'))
      assert.deepEqual([a.SalesOrderId, a.SalesOrderIds_DKPlus, b.SalesOrderId], [-1, null, -1])
      assert.equal((await dk.orderManagement.byPoNumber('PO-ASYNC')).length, 0)
      await sandbox!.advance(30)
      assert.equal((await dk.orderManagement.byPoNumber('PO-ASYNC')).length, 2)
    },
  },
  {
    name: 'order status: search by window with paging; bad parameters → 400 DKProblemDetails; unknown sales order → 404 "Could not find SalesOrderId"',
    async run({ user, target }) {
      const dk = await user()
      const page = await dk.orderStatus.searchOrders({ PageNumber: 1, PageSize: 5 })
      assert.ok(page.Orders.length <= 5 && page.TotalOrders >= page.Orders.length)
      const bad = await expectError(
        dk.orderStatus.searchOrders({ StartDate: 'yesterday' }),
        InvalidRequestError,
      )
      DKProblemDetails.parse(bad.body)
      const missing = await expectError(dk.orderStatus.salesOrder(1), VendorError)
      assert.equal(missing.status, 404)
      if (target.name !== 'live')
        assert.match(DKProblemDetails.parse(missing.body).detail!, /Could not find SalesOrderId/)
    },
  },
  {
    name: 'order status: paging and the default one-month window over placed orders',
    requires: ['sandbox'],
    async run({ user, sandbox }) {
      const dk = await user()
      for (let i = 0; i < 3; i++)
        await dk.ordering.placeOrder(orderRequest([['311-1.00KHRCT-ND', 100]], `PO-PAGE-${i}`))
      await sandbox!.advance(86_400)
      const first = await dk.orderStatus.searchOrders({ PageSize: 2 })
      const second = await dk.orderStatus.searchOrders({ PageSize: 2, PageNumber: 2 })
      assert.equal(first.TotalOrders, 3)
      assert.deepEqual([first.Orders.length, second.Orders.length], [2, 1])
      assert.deepEqual(
        first.Orders.map((o) => o.PONumber),
        ['PO-PAGE-2', 'PO-PAGE-1'],
      )
      assert.match(first.Orders[0]!.DateEntered, /[+-]\d{2}:\d{2}$/)
      await sandbox!.advance(31 * 86_400)
      assert.equal((await dk.orderStatus.searchOrders()).TotalOrders, 0)
      assert.equal(
        (
          await dk.orderStatus.searchOrders({
            StartDate: await simDate(sandbox!, -60),
            EndDate: await simDate(sandbox!, 0),
          })
        ).TotalOrders,
        3,
      )
    },
  },
  {
    name: 'order management: eligibility, details, schedules replaced after a delay, one schedule moved, by PO number, next delivery date; shipped orders refuse changes',
    requires: ['sandbox'],
    async run({ user, sandbox }) {
      const dk = await user()
      await sandbox!.request('PATCH', '/settings', { scheduleApplySeconds: 60 })
      const placed = await dk.ordering.placeOrder(
        orderRequest(
          [
            ['296-1395-5-ND', 100],
            ['1N4148FS-ND', 500],
          ],
          'PO-SCHEDULES',
        ),
      )
      const id = placed.SalesOrderId
      assert.deepEqual(await dk.orderManagement.changeEligibility(id), {
        SalesOrderId: id,
        IsEligible: true,
        Reason: null,
      })
      assert.equal((await dk.orderManagement.details(id)).length, 2)
      const [d1, d2, d3, today] = [
        await simDate(sandbox!, 28),
        await simDate(sandbox!, 56),
        await simDate(sandbox!, 42),
        await simDate(sandbox!, 0),
      ]
      const accepted = await dk.orderManagement.replaceSchedules(id, 1, [
        { QuantityScheduled: 60, ScheduledDate: d1 },
        { QuantityScheduled: 40, ScheduledDate: d2 },
      ])
      assert.equal(accepted.EffectiveAfterSeconds, 60)
      assert.deepEqual(
        await dk.orderManagement.detailSchedules(id, 1),
        [],
        'a replaced schedule is not visible at once',
      )
      await sandbox!.advance(60)
      const schedules = await dk.orderManagement.detailSchedules(id, 1)
      assert.deepEqual(
        schedules.map((s) => [s.ScheduleIndex, s.QuantityScheduled, s.ScheduledDate]),
        [
          [0, 60, d1],
          [1, 40, d2],
        ],
      )
      assert.equal((await dk.orderStatus.salesOrder(id)).Status.SalesOrderStatus, 'Received')
      const moved = await dk.orderManagement.updateSchedule(id, 1, 1, d3)
      assert.equal(moved.ScheduledDate, d3)
      const sum = await expectError(
        dk.orderManagement.replaceSchedules(id, 2, [{ QuantityScheduled: 1, ScheduledDate: d1 }]),
        InvalidRequestError,
      )
      assert.equal(validationErrorsOf(sum)[0]!.field, 'Schedules')
      const past = await expectError(
        dk.orderManagement.replaceSchedules(id, 2, [
          { QuantityScheduled: 500, ScheduledDate: today },
        ]),
        InvalidRequestError,
      )
      assert.match(validationErrorsOf(past)[0]!.message, /earliest/)
      assert.equal((await dk.orderManagement.byPoNumber('PO-SCHEDULES'))[0]!.SalesOrderId, id)
      const next = await dk.orderManagement.nextAvailableDeliveryDate('UPS 2 day')
      assert.ok(next.DeliveryDate > next.ReleaseDate.slice(0, 10))
      // Line 2 ships after processing; line 1 waits for its dates: scheduled status, then shipped in two releases.
      await sandbox!.advance(3 * 3600)
      assert.equal(
        (await dk.orderStatus.salesOrder(id)).Status.SalesOrderStatus,
        'ProcessingScheduledShipmentMultipleRelease',
      )
      await sandbox!.advance(70 * 86_400)
      const done = await dk.orderStatus.salesOrder(id)
      assert.equal(done.LineItems[0]!.ItemShipments.length, 2)
      assert.ok(['Shipped', 'Delivered'].includes(done.Status.SalesOrderStatus))
      assert.equal((await dk.orderManagement.changeEligibility(id)).IsEligible, false)
      const refused = await expectError(
        dk.orderManagement.updateSchedule(id, 1, 0, await simDate(sandbox!, 90)),
        VendorError,
      )
      assert.equal(refused.status, 409)
    },
  },
  {
    name: 'rate limits: X-RateLimit-* on every response; over the burst → 429 with Retry-After, X-BurstLimit-* and the BurstLimit body; the clock recovers it, and the client waits it out',
    requires: ['sandbox'],
    async run({ raw, client, creds, sandbox, target, user }) {
      await sandbox!.request('PATCH', '/rate-limits', {
        orderstatus: { perMinute: 3, perDay: 1000 },
      })
      const token = (await client.auth.clientCredentials()).access_token
      const call = () =>
        raw('GET', '/orderstatus/v4/orders', { token, accountId: String(creds.accountId) })
      const remaining: string[] = []
      for (let i = 0; i < 3; i++) {
        const r = await call()
        assert.equal(r.status, 200)
        assert.equal(r.headers.get('x-ratelimit-limit'), '1000')
        remaining.push(r.headers.get('x-ratelimit-remaining')!)
      }
      assert.deepEqual(remaining, ['999', '998', '997'])
      const over = await call()
      assert.equal(over.status, 429)
      const body = BurstLimitBody.parse(over.body)
      assert.equal(
        body.ErrorDetails,
        'Please try again after the number of seconds in the Retry-After header',
      )
      assertRequestId(over)
      const retryAfter = Number(over.headers.get('retry-after'))
      assert.ok(retryAfter >= 1 && retryAfter <= 60)
      assert.equal(over.headers.get('x-burstlimit-limit'), '3')
      assert.equal(over.headers.get('x-burstlimit-remaining'), '0')
      assert.equal(over.headers.get('x-burstlimit-reset'), String(retryAfter))
      assert.ok(!Number.isNaN(Date.parse(over.headers.get('x-burstlimit-resettime')!)))
      await sandbox!.advance(retryAfter)
      assert.equal((await call()).status, 200)
      // The client sleeps Retry-After on its clock: advance the simulator instead of waiting.
      const slept: number[] = []
      const dk = await user({
        clock: {
          now: () => 0,
          sleep: async (ms) => {
            slept.push(ms)
            await sandbox!.advance(ms / 1000)
          },
        },
      })
      await sandbox!.request('PATCH', '/rate-limits', {
        orderstatus: { perMinute: 1, perDay: 1000 },
      })
      await sandbox!.advance(60)
      await dk.orderStatus.searchOrders()
      await dk.orderStatus.searchOrders()
      assert.equal(slept.length, 1)
      const strict = createDigiKeyClient({
        baseUrl: target.baseUrl,
        fetch: target.fetch,
        clientId: creds.clientId,
        clientSecret: creds.clientSecret,
        accountId: creds.accountId,
        maxRetries: 0,
      })
      await sandbox!.advance(60)
      await strict.orderStatus.searchOrders()
      await expectError(strict.orderStatus.searchOrders(), RateLimitError)
    },
  },
  {
    name: 'rate limits: the daily allowance answers 429 "Daily Ratelimit exceeded" with X-RateLimit-Remaining 0 until 00:00 UTC; other APIs keep their own counts',
    requires: ['sandbox'],
    proposal: true,
    async run({ raw, client, creds, sandbox }) {
      await sandbox!.request('PATCH', '/rate-limits', {
        orderstatus: { perMinute: 100, perDay: 2 },
      })
      let token = (await client.auth.clientCredentials()).access_token
      const call = (path = '/orderstatus/v4/orders') =>
        raw('GET', path, { token, accountId: String(creds.accountId) })
      assert.equal((await call()).status, 200)
      assert.equal((await call()).headers.get('x-ratelimit-remaining'), '0')
      const over = await call()
      assert.equal(over.status, 429)
      assert.equal(ApiErrorResponse.parse(over.body).ErrorMessage, 'Daily Ratelimit exceeded')
      assert.equal(over.headers.get('x-ratelimit-remaining'), '0')
      const retryAfter = Number(over.headers.get('retry-after'))
      assert.equal(over.headers.get('x-ratelimit-reset'), String(retryAfter))
      assert.ok(retryAfter > 60 && retryAfter <= 86_400, `Retry-After ${retryAfter}`)
      // Packing List is another API: its own counters.
      const other = await raw('GET', '/packinglist/v1/invoice/1', { token })
      assert.equal(other.status, 403)
      assert.equal(other.headers.get('x-ratelimit-remaining'), '999')
      await sandbox!.advance(retryAfter)
      token = (await client.auth.clientCredentials()).access_token
      assert.equal((await call()).status, 200)
    },
  },
  {
    name: 'lifecycle: ShipControl Single waits for backorders and ships once; holds stop the clock until released; canceling returns reserved stock',
    requires: ['sandbox'],
    async run({ user, sandbox }) {
      const dk = await user()
      const single = await dk.ordering.placeOrder({
        ...orderRequest(
          [
            ['311-10.0KHRCT-ND', 100],
            ['SER4290-ND', 50],
          ],
          'PO-SINGLE',
        ),
        ShipControl: 'Single',
      })
      await sandbox!.advance(300 + 7200)
      let so = await dk.orderStatus.salesOrder(single.SalesOrderId)
      assert.equal(so.Status.SalesOrderStatus, 'ProcessingAwaitingBackorders')
      assert.equal(so.LineItems[0]!.QuantityShipped, 0)
      await sandbox!.advance(14 * 86_400)
      so = await dk.orderStatus.salesOrder(single.SalesOrderId)
      assert.ok(['Shipped', 'Delivered'].includes(so.Status.SalesOrderStatus))
      assert.deepEqual(
        so.LineItems.map((l) => l.ItemShipments.length),
        [1, 1],
      )
      assert.equal(
        so.LineItems[0]!.ItemShipments[0]!.InvoiceId,
        so.LineItems[1]!.ItemShipments[0]!.InvoiceId,
      )

      const held = await dk.ordering.placeOrder(orderRequest([['1N4148FS-ND', 100]], 'PO-HOLD'))
      assert.equal(
        (
          await sandbox!.request('POST', `/sales-orders/${held.SalesOrderId}/status`, {
            status: 'ActionRequiredWireTransfer',
          })
        ).status,
        200,
      )
      await sandbox!.advance(86_400)
      assert.equal(
        (await dk.orderStatus.salesOrder(held.SalesOrderId)).Status.SalesOrderStatus,
        'ActionRequiredWireTransfer',
      )
      assert.equal(
        (await dk.orderManagement.changeEligibility(held.SalesOrderId)).IsEligible,
        false,
      )
      await sandbox!.request('POST', `/sales-orders/${held.SalesOrderId}/status`, {
        status: 'Release',
      })
      await sandbox!.advance(86_400)
      assert.ok(
        ['Shipped', 'Delivered'].includes(
          (await dk.orderStatus.salesOrder(held.SalesOrderId)).Status.SalesOrderStatus,
        ),
      )

      const stock = async () =>
        (
          (await sandbox!.request('GET', '/parts')).body.parts as Array<{
            id: string
            QuantityAvailable: number
          }>
        ).find((p) => p.id === 'ATMEGA328P-PU-ND')!.QuantityAvailable
      const before = await stock()
      const canceled = await dk.ordering.placeOrder(
        orderRequest([['ATMEGA328P-PU-ND', 25]], 'PO-CANCEL'),
      )
      assert.equal(await stock(), before - 25)
      assert.equal(
        (
          await sandbox!.request('POST', `/sales-orders/${canceled.SalesOrderId}/status`, {
            status: 'Canceled',
          })
        ).body.Status.SalesOrderStatus,
        'Canceled',
      )
      assert.equal(await stock(), before)
      assert.equal(
        (
          await sandbox!.request('POST', `/sales-orders/${canceled.SalesOrderId}/status`, {
            status: 'Shipped',
          })
        ).status,
        409,
      )
    },
  },
  {
    name: "envelopes: with the fault switch a 401 answers in the other envelope; canned mode answers DigiKey's fixed sandbox data",
    requires: ['sandbox'],
    async run({ raw, sandbox, creds }) {
      await sandbox!.request('POST', '/faults', {
        path: '/orderstatus/**',
        status: 401,
        variant: 'other-envelope',
        count: 1,
      })
      const swapped = await raw('GET', '/orderstatus/v4/orders', { clientId: creds.clientId })
      assert.equal(swapped.status, 401)
      ApiErrorResponse.parse(swapped.body)
      assertRequestId(swapped)
      await sandbox!.request('PATCH', '/settings', { swapEnvelopeOn401: true })
      const ordering = await raw('POST', '/Ordering/v3/Orders', {
        clientId: creds.clientId,
        json: {},
      })
      DKProblemDetails.parse(ordering.body)
      await sandbox!.request('PATCH', '/settings', { swapEnvelopeOn401: false, canned: true })
      const token = (
        await raw('POST', '/v1/oauth2/token', {
          clientId: null,
          form: {
            client_id: creds.clientId,
            client_secret: creds.clientSecret,
            grant_type: 'client_credentials',
          },
        })
      ).body.access_token
      const canned = await raw(
        'GET',
        '/orderstatus/v4/orders?StartDate=2026-01-01&EndDate=2026-01-31',
        { token, accountId: String(creds.accountId) },
      )
      const search = OrderSearchResponse.parse(canned.body)
      assert.deepEqual(
        search.Orders.map((o) => o.SalesOrders[0]!.SalesOrderId),
        [58223023, 58150868],
      )
      assert.deepEqual(
        search.Orders.map((o) => o.DateEntered),
        ['2026-01-01', '2026-01-31'],
      )
      assert.equal(search.Orders[0]!.CustomerId, 8675309)
    },
  },
  {
    name: 'tokens: a 3-legged access token expires after 1799 s; the client refreshes and hands the rotated refresh token to its store',
    requires: ['sandbox'],
    async run({ sandbox, target, creds }) {
      const code = (
        await sandbox!.request('POST', '/oauth/authorize', { client_id: creds.clientId })
      ).body
      const store = memoryTokenStore()
      const saved: string[] = []
      const dk = createDigiKeyClient({
        baseUrl: target.baseUrl,
        fetch: target.fetch,
        clientId: creds.clientId,
        clientSecret: creds.clientSecret,
        redirectUri: code.redirect_uri,
        tokenStore: {
          load: store.load,
          save: (t) => {
            saved.push(t)
            store.save(t)
          },
        },
        clock: { now: () => 0, sleep: async () => undefined },
      })
      await dk.auth.exchangeCode(code.code)
      await dk.orderStatus.searchOrders()
      await sandbox!.advance(1799)
      await dk.orderStatus.searchOrders()
      assert.equal(
        saved.length,
        2,
        'the code exchange and one refresh after the 401 each saved a refresh token',
      )
      assert.notEqual(saved[0], saved[1])
    },
  },
]

export const digikeySuite: ContractSuite<DigiKeyCtx, DigiKeyTargetCredentials> = {
  vendor: 'digikey',
  async context(target, { credentials: creds, sandbox }) {
    const base = {
      baseUrl: target.baseUrl,
      fetch: target.fetch,
      clientId: creds.clientId,
      clientSecret: creds.clientSecret,
      accountId: creds.accountId,
    }
    const client = createDigiKeyClient({ ...base, maxRetries: 0 })
    const ctx: DigiKeyCtx = {
      target,
      creds,
      sandbox,
      client,
      async user(o = {}) {
        if (!sandbox)
          return createDigiKeyClient({
            ...base,
            accountId: undefined,
            tokenStore: creds.tokenStore,
            clock: o.clock,
          })
        const granted = (
          await sandbox.request('POST', '/oauth/authorize', { client_id: creds.clientId })
        ).body
        const dk = createDigiKeyClient({
          ...base,
          accountId: undefined,
          redirectUri: granted.redirect_uri,
          clock: o.clock,
          maxRetries: o.clock ? 2 : 0,
        })
        await dk.auth.exchangeCode(granted.code)
        return dk
      },
      async raw(method, path, o = {}) {
        const headers: Record<string, string> = { ...o.headers }
        if (o.clientId !== null) headers['X-DIGIKEY-Client-Id'] = o.clientId ?? creds.clientId
        if (o.token) headers.authorization = `Bearer ${o.token}`
        if (o.accountId) headers['X-DIGIKEY-Account-ID'] = o.accountId
        let body: string | undefined
        if (o.form) {
          headers['content-type'] = 'application/x-www-form-urlencoded'
          body = new URLSearchParams(o.form).toString()
        } else if (o.json !== undefined) {
          headers['content-type'] = 'application/json'
          body = JSON.stringify(o.json)
        }
        const res = await target.fetch(target.baseUrl.replace(/\/+$/, '') + path, {
          method,
          headers,
          body,
          redirect: o.redirect ?? 'manual',
        })
        const text = await res.text()
        let parsed: unknown = text
        try {
          parsed = JSON.parse(text)
        } catch {
          // HTML pages and empty bodies stay text.
        }
        return { status: res.status, body: parsed, text, headers: res.headers }
      },
    }
    return ctx
  },
  cases,
}
