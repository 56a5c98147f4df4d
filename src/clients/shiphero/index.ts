import { z } from 'zod'
import {
  Order, Product, RefreshResponse, Shipment, TokenResponse, UserQuota, Webhook, WarehouseProduct, InventoryChange,
  connection, queryResult,
} from '../../../contracts/shiphero/schemas.ts'
import { createRequestCore, systemClock, type ClientClock } from '../../core/index.ts'
import { AuthenticationError, ContractViolationError, InvalidRequestError, NotFoundError, PermissionError, RateLimitError, VendorError } from '../../core/errors.ts'
import { INVENTORY_CHANGE, ORDER, PAGE_INFO, PRODUCT, SHIPMENT, WAREHOUSE_PRODUCT, WEBHOOK } from './operations.ts'

export const SHIPHERO_BASE_URL = 'https://public-api.shiphero.com'

export interface ShipHeroClientOptions {
  /** `https://public-api.shiphero.com`, `http://127.0.0.1:4010/shiphero`, ... */
  baseUrl?: string
  /** Log in with a (developer) user... */
  username?: string
  password?: string
  /** ...or start from a refresh token. */
  refreshToken?: string
  fetch?: typeof fetch
  clock?: ClientClock
  /** How many times to wait out `code: 30` (not enough credits) before giving up (default 3). */
  maxCreditWaits?: number
  /** Longest single wait for credits, in seconds (default 120). */
  maxCreditWaitSeconds?: number
  maxRetries?: number
  /** Parse responses with the contract schemas (default true). */
  validate?: boolean
  random?: () => number
}

export interface ShipHeroErrorObject {
  message: string
  code?: number
  operation?: string
  field?: string
  request_id?: string
  [key: string]: unknown
}

/** A GraphQL answer carrying `errors`: the class follows ShipHero's code (5 → NotFoundError, 30 → RateLimitError, ...). */
function graphqlError(errors: ShipHeroErrorObject[], body: unknown, status: number): VendorError {
  const first = errors[0]!
  const Cls = first.code === 5 ? NotFoundError : first.code === 3 ? InvalidRequestError : first.code === 7 ? PermissionError : first.code === 16 ? AuthenticationError : first.code === 30 ? RateLimitError : status === 400 ? InvalidRequestError : VendorError
  const retryAfter = first.code === 30 && typeof first.time_remaining === 'string' ? Number.parseInt(first.time_remaining, 10) : undefined
  return new Cls({ message: `shiphero: ${first.operation ? `${first.operation}: ` : ''}${first.message}`, status, vendor: 'shiphero', code: first.code !== undefined ? String(first.code) : undefined, body, requestId: first.request_id, retryAfter })
}

/**
 * A small typed ShipHero client: password or refresh-token auth (refreshing
 * once on 401), typed operations for the simulator's coverage, an async
 * iterator over any connection, and throttling that waits out `code: 30`
 * for `time_remaining` and 429 for `Retry-After`, on the injected clock.
 * @example
 * const shiphero = createShipHeroClient({ baseUrl: 'http://127.0.0.1:4010/shiphero', username: 'dev@northwind-3pl.test', password: 'shiphero-dev-password' })
 * const product = await shiphero.products.get({ sku: '100100' })
 * for await (const p of shiphero.products.all({ pageSize: 50 })) console.log(p.sku)
 * @see https://developer.shiphero.com/getting-started/
 */
export function createShipHeroClient(options: ShipHeroClientOptions) {
  const clock = options.clock ?? systemClock
  const core = createRequestCore({
    vendor: 'shiphero',
    baseUrl: options.baseUrl ?? SHIPHERO_BASE_URL,
    fetch: options.fetch,
    clock,
    maxRetries: options.maxRetries,
    validate: options.validate,
    random: options.random,
    describeError: (body) => {
      const b = body as { error?: string; error_description?: string; errors?: ShipHeroErrorObject[] } | undefined
      if (b?.errors?.[0]) return { code: b.errors[0].code !== undefined ? String(b.errors[0].code) : undefined, message: b.errors[0].message }
      return { code: b?.error, message: b?.error_description }
    },
    userAgent: 'vendorsim-shiphero-client/0.1',
  })
  let access: { token: string; expiresAt: number } | undefined
  let refreshToken = options.refreshToken

  const auth = {
    /** `POST /auth/token`; keeps the refresh token for later. */
    async login() {
      if (!options.username || !options.password) throw new Error('shiphero: username and password are needed to log in (or pass refreshToken)')
      const { data } = await core.send({ method: 'POST', path: '/auth/token', json: { username: options.username, password: options.password }, schema: TokenResponse, retry: true })
      refreshToken = data.refresh_token
      access = { token: data.access_token, expiresAt: clock.now() + (data.expires_in - 60) * 1000 }
      return data
    },
    /** `POST /auth/refresh`: a new access token; the refresh token stays the same. */
    async refresh() {
      if (!refreshToken) return auth.login()
      const { data } = await core.send({ method: 'POST', path: '/auth/refresh', json: { refresh_token: refreshToken }, schema: RefreshResponse, retry: true })
      access = { token: data.access_token, expiresAt: clock.now() + (data.expires_in - 60) * 1000 }
      return data
    },
    async token(): Promise<string> {
      if (!access || clock.now() >= access.expiresAt) await (refreshToken ? auth.refresh() : auth.login())
      return access!.token
    },
    get refreshToken() {
      return refreshToken
    },
  }

  /** Send one GraphQL request and return the whole body (data and errors), waiting out credits and refreshing once on 401. */
  async function raw(query: string, variables?: Record<string, unknown>): Promise<{ data?: Record<string, any> | null; errors?: ShipHeroErrorObject[] }> {
    let refreshed = false
    for (let waits = 0; ; ) {
      const token = await auth.token()
      let body: { data?: Record<string, any> | null; errors?: ShipHeroErrorObject[] }
      try {
        const res = await core.send({ method: 'POST', path: '/graphql', json: { query, variables }, headers: { authorization: `Bearer ${token}` }, retry: !/^\s*mutation\b/.test(query) })
        body = res.data as typeof body
      } catch (err) {
        if (err instanceof AuthenticationError && !refreshed) {
          refreshed = true
          access = undefined
          continue
        }
        if (err instanceof InvalidRequestError && (err.body as { errors?: ShipHeroErrorObject[] })?.errors) throw graphqlError((err.body as { errors: ShipHeroErrorObject[] }).errors, err.body, 400)
        throw err
      }
      const credits = body.errors?.find((e) => e.code === 30 && typeof e.time_remaining === 'string')
      if (credits && waits < (options.maxCreditWaits ?? 3)) {
        const seconds = Number.parseInt(credits.time_remaining as string, 10)
        if (Number.isFinite(seconds) && seconds <= (options.maxCreditWaitSeconds ?? 120)) {
          waits++
          await clock.sleep(seconds * 1000)
          continue
        }
      }
      return body
    }
  }

  /** Run a query and return `data`; any `errors` throw a typed error. */
  async function query<T = Record<string, any>>(text: string, variables?: Record<string, unknown>): Promise<T> {
    const body = await raw(text, variables)
    if (body.errors?.length) throw graphqlError(body.errors, body, 200)
    return body.data as T
  }

  const check = <S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> => {
    if (options.validate === false) return value as z.output<S>
    const result = schema.safeParse(value)
    if (result.success) return result.data
    const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }))
    throw new ContractViolationError({ message: `shiphero: ${where} broke the contract: ${issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')}`, status: 200, vendor: 'shiphero', body: value, issues })
  }

  /**
   * Iterate every node of a connection, page by page. `select` picks the
   * connection out of `data`; the query must declare `$first: Int` and `$after: String`.
   */
  async function* paginate<T = any>(text: string, select: (data: Record<string, any>) => { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: T }> }, variables: Record<string, unknown> = {}, pageSize = 100): AsyncGenerator<T> {
    let after: string | null = null
    for (;;) {
      const data = await query(text, { ...variables, first: pageSize, after })
      const conn = select(data)
      for (const edge of conn.edges) yield edge.node
      if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor) return
      after = conn.pageInfo.endCursor
    }
  }

  const mutate = async <S extends z.ZodType>(name: string, inputType: string, data: Record<string, unknown>, selection: string, pick: string, schema: S): Promise<z.output<S>> => {
    const result = await query(`mutation ($data: ${inputType}!) { ${name}(data: $data) { request_id complexity ${selection} } }`, { data })
    return check(schema, result[name]?.[pick], name)
  }
  const ProductResult = queryResult(Product)
  const OrderResult = queryResult(Order)

  return {
    auth,
    raw,
    query,
    paginate,
    account: async () => (await query('{ account { request_id complexity data { id legacy_id email username is_3pl customers(first: 100) { edges { node { id legacy_id username } } } warehouses { id legacy_id identifier } } } }')).account,
    me: async () => (await query('{ me { request_id complexity data { id legacy_id email first_name last_name account { id } } } }')).me,
    quota: async () => check(UserQuota, (await query('{ user_quota { credits_remaining max_available increment_rate } }')).user_quota, 'user_quota'),
    uuid: async (legacyId: number, entity: string) => (await query<{ uuid: { data: { legacy_id: number; id: string } } }>('query ($id: BigInt!, $entity: EntityType!) { uuid(legacy_id: $id, entity: $entity) { data { legacy_id id } } }', { id: legacyId, entity })).uuid.data,
    products: {
      get: async (by: { id?: string; sku?: string; barcode?: string; customer_account_id?: string }) =>
        check(ProductResult, (await query('query ($id: String, $sku: String, $barcode: String, $c: String) { product(id: $id, sku: $sku, barcode: $barcode, customer_account_id: $c) { request_id complexity data { ' + PRODUCT + ' } } }', { id: by.id, sku: by.sku, barcode: by.barcode, c: by.customer_account_id })).product, 'product').data,
      all: (o: { sku?: string; customer_account_id?: string; sort?: string; pageSize?: number } = {}) =>
        paginate<Product>(`query ($first: Int, $after: String, $sku: String, $c: String, $sort: String) { products(sku: $sku, customer_account_id: $c) { request_id complexity data(first: $first, after: $after, sort: $sort) { ${PAGE_INFO} edges { node { ${PRODUCT} } } } } }`, (d) => check(connection(Product), d.products.data, 'products'), { sku: o.sku, c: o.customer_account_id, sort: o.sort }, o.pageSize),
      create: (data: Record<string, unknown>) => mutate('product_create', 'CreateProductInput', data, `product { ${PRODUCT} }`, 'product', Product),
      update: (data: Record<string, unknown>) => mutate('product_update', 'UpdateProductInput', data, `product { ${PRODUCT} }`, 'product', Product),
      delete: async (data: { sku: string; customer_account_id?: string }) => void (await query('mutation ($data: DeleteProductInput!) { product_delete(data: $data) { request_id complexity } }', { data })),
      addToWarehouse: (data: Record<string, unknown>) => mutate('product_add_to_warehouse', 'AddProductToWarehouseInput', data, `warehouse_product { ${WAREHOUSE_PRODUCT} }`, 'warehouse_product', WarehouseProduct),
      updateWarehouseProduct: (data: Record<string, unknown>) => mutate('warehouse_product_update', 'UpdateWarehouseProductInput', data, `warehouse_product { ${WAREHOUSE_PRODUCT} }`, 'warehouse_product', WarehouseProduct),
    },
    inventory: {
      add: (data: { sku: string; warehouse_id: string; quantity: number; reason?: string; customer_account_id?: string }) => mutate('inventory_add', 'UpdateInventoryInput', data, `warehouse_product { ${WAREHOUSE_PRODUCT} }`, 'warehouse_product', WarehouseProduct),
      subtract: (data: { sku: string; warehouse_id: string; quantity: number; reason?: string; customer_account_id?: string }) => mutate('inventory_subtract', 'UpdateInventoryInput', data, `warehouse_product { ${WAREHOUSE_PRODUCT} }`, 'warehouse_product', WarehouseProduct),
      replace: (data: { sku: string; warehouse_id: string; quantity: number; reason?: string; customer_account_id?: string }) => mutate('inventory_replace', 'ReplaceInventoryInput', data, `warehouse_product { ${WAREHOUSE_PRODUCT} }`, 'warehouse_product', WarehouseProduct),
      changes: (o: { sku?: string; warehouse_id?: string; customer_account_id?: string; pageSize?: number } = {}) =>
        paginate(`query ($first: Int, $after: String, $sku: String, $w: String, $c: String) { inventory_changes(sku: $sku, warehouse_id: $w, customer_account_id: $c) { request_id complexity data(first: $first, after: $after) { ${PAGE_INFO} edges { node { ${INVENTORY_CHANGE} } } } } }`, (d) => check(connection(InventoryChange), d.inventory_changes.data, 'inventory_changes'), { sku: o.sku, w: o.warehouse_id, c: o.customer_account_id }, o.pageSize),
    },
    orders: {
      get: async (id: string) => check(OrderResult, (await query(`query ($id: String!) { order(id: $id) { request_id complexity data { ${ORDER} } } }`, { id })).order, 'order').data,
      all: (o: { fulfillment_status?: string; customer_account_id?: string; pageSize?: number } = {}) =>
        paginate<Order>(`query ($first: Int, $after: String, $s: String, $c: String) { orders(fulfillment_status: $s, customer_account_id: $c) { request_id complexity data(first: $first, after: $after) { ${PAGE_INFO} edges { node { ${ORDER} } } } } }`, (d) => check(connection(Order), d.orders.data, 'orders'), { s: o.fulfillment_status, c: o.customer_account_id }, o.pageSize ?? 20),
      create: (data: Record<string, unknown>) => mutate('order_create', 'CreateOrderInput', data, `order { ${ORDER} }`, 'order', Order),
      update: (data: Record<string, unknown>) => mutate('order_update', 'UpdateOrderInput', data, `order { ${ORDER} }`, 'order', Order),
      cancel: (data: { order_id: string; reason?: string; force?: boolean; customer_account_id?: string }) => mutate('order_cancel', 'CancelOrderInput', data, `order { ${ORDER} }`, 'order', Order),
      updateFulfillmentStatus: (data: { order_id: string; fulfillment_status: string; reason?: string }) => mutate('order_update_fulfillment_status', 'UpdateOrderFulfillmentStatusInput', data, `order { ${ORDER} }`, 'order', Order),
      addLineItems: (data: { order_id: string; line_items: Array<Record<string, unknown>> }) => mutate('order_add_line_items', 'AddLineItemsInput', data, `order { ${ORDER} }`, 'order', Order),
    },
    shipments: {
      get: async (id: string) => check(queryResult(Shipment), (await query(`query ($id: String) { shipment(id: $id) { request_id complexity data { ${SHIPMENT} } } }`, { id })).shipment, 'shipment').data,
      create: (data: Record<string, unknown>) => mutate('shipment_create', 'CreateShipmentInput', data, `shipment { ${SHIPMENT} }`, 'shipment', Shipment),
    },
    webhooks: {
      list: async (o: { customer_account_id?: string } = {}) => {
        const d = await query(`query ($c: String) { webhooks(customer_account_id: $c) { request_id complexity data(first: 100) { ${PAGE_INFO} edges { node { ${WEBHOOK} } } } } }`, { c: o.customer_account_id })
        return check(connection(Webhook), d.webhooks.data, 'webhooks').edges.map((e) => e.node)
      },
      create: (data: { name: string; url: string; shop_name?: string; customer_account_id?: string }) => mutate('webhook_create', 'CreateWebhookInput', data, `webhook { ${WEBHOOK} }`, 'webhook', Webhook),
      delete: async (data: { name: string; shop_name?: string; customer_account_id?: string }) => void (await query('mutation ($data: DeleteWebhookInput!) { webhook_delete(data: $data) { request_id complexity } }', { data })),
    },
  }
}
export type ShipHeroClient = ReturnType<typeof createShipHeroClient>

export { verifyShipHeroWebhook } from './webhooks.ts'
