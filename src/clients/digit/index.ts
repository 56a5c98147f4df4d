import { z } from 'zod'
import { Organization, Permission, User } from '../../../contracts/digit/schemas.ts'
import {
  createClientCore,
  type AnyConnection,
  type ClientTransportOptions,
} from '../../core/index.ts'
import { createCompanies } from './companies.ts'
import { createItems } from './items.ts'
import { createOrders } from './orders.ts'
import { createDigitGraphql } from './transport.ts'

export const DIGIT_BASE_URL = 'https://api.digit-software.com'

export interface DigitClientOptions extends ClientTransportOptions {
  /** A `da_…` API token (Settings > API Tokens), bound to one account: primary or SANDBOX. */
  token: string
  /** `https://api.digit-software.com` (default), `http://127.0.0.1:4010/digit`, ... */
  baseUrl?: string
  /** The GraphQL path under `baseUrl` (default `/graphql`). */
  path?: string
}

/**
 * A small typed Digit client: typed operations for items, units of measure, companies and their
 * locations, and sales orders; `paginate` over any `nodes` connection; 429 retried after
 * `Retry-After` on the injected clock; typed errors that keep each GraphQL error's `path` and
 * the permission a field needed.
 * @example
 * const digit = createDigitClient({ token: process.env.DIGIT_API_TOKEN!, baseUrl: 'http://127.0.0.1:4010/digit' })
 * const [pairs] = await digit.items.uoms({ search: 'pairs' })
 * const item = await digit.items.create({ name: 'Red Socks', defaultStockUomId: pairs!.id, sku: 'red-socks' })
 * for await (const order of digit.orders.all()) console.log(order.documentNumber)
 * @see https://learn.digit-software.com/en/articles/11940553-digit-api-access
 */
export function createDigitClient(options: DigitClientOptions) {
  const core = createClientCore(options, {
    vendor: 'digit',
    baseUrl: options.baseUrl ?? DIGIT_BASE_URL,
    describeError: (body) => {
      if (typeof body === 'string') return { message: body.slice(0, 200) }
      const first = (
        body as { errors?: Array<{ message: string; extensions?: { code?: string } }> }
      )?.errors?.[0]
      return { code: first?.extensions?.code, message: first?.message }
    },
    userAgent: 'vendorsim-digit-client/0.1',
  })
  const gql = createDigitGraphql(core, options)
  const Permissions = z.array(Permission)
  return {
    raw: gql.raw,
    query: gql.query,
    /** Every node of any Digit connection: `paginate(query, (d) => d.items)` with `$connection` in the query. */
    paginate: <T = any>(
      query: string,
      select: (data: Record<string, any>) => AnyConnection<T>,
      o: { variables?: Record<string, unknown>; pageSize?: number } = {},
    ) => gql.paginate<T>(query, select, { ...o, page: gql.page }),
    /** The organization (Clerk `org_…` id) the token is bound to. */
    organization: async () =>
      gql.check(
        Organization,
        (await gql.query('{ organization { id name defaultCurrency { code symbol } } }'))
          .organization,
        'organization',
      ),
    currentUser: async () =>
      gql.check(
        User,
        (await gql.query('{ currentUser { id username email } }')).currentUser,
        'currentUser',
      ),
    /** The permissions this token holds. */
    currentPermissions: async () =>
      gql.check(
        Permissions,
        (await gql.query('{ currentPermissions { key value description } }')).currentPermissions,
        'currentPermissions',
      ),
    /** Every permission that exists (`key` for tokens, `value` for app manifests). */
    apiPermissions: async () =>
      gql.check(
        Permissions,
        (await gql.query('{ apiPermissions { key value description } }')).apiPermissions,
        'apiPermissions',
      ),
    items: createItems(gql),
    companies: createCompanies(gql),
    orders: createOrders(gql),
  }
}
export type DigitClient = ReturnType<typeof createDigitClient>

export { digitError } from './transport.ts'
export type { CreateItemInput, UpdateItemInput, DigitItem, CostInput } from './items.ts'
export type {
  AddressInput,
  CreateCompanyInput,
  CreateCompanyLocationInput,
  DigitCompany,
} from './companies.ts'
export type { CreateOrderInput, UpdateOrderInput, DigitOrder, OrderLineInput } from './orders.ts'
