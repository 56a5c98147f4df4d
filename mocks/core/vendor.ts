import type { Context, Hono } from 'hono'
import type { SimEnv, Tenant, TenantBase } from './context.ts'
import type { Rng } from './ids.ts'
import type { AuthHeaderForm } from './auth-header.ts'
import type { SimError } from './errors.ts'
import type { GraphqlSchema } from './graphql/schema.ts'
import type { OAuthServerConfig } from './oauth-config.ts'

export type { SimContext, SimEnv, Tenant, TenantBase } from './context.ts'
import type { TokenEndpoint } from './token-types.ts'

/** Rows a state view pages through: an array, or a table (which pages without copying itself). */
export type SnapshotRows<T> =
  | readonly T[]
  | { count(): number; slice(start: number, end: number): T[] }

/**
 * Lays out one list of a state view: the requested page of `rows` (views computed for that page
 * only), with its total recorded under `name`, so `/_sandbox/state` costs a page at 100k records.
 */
export type SnapshotList = <T, V = T>(
  name: string,
  rows: SnapshotRows<T>,
  view?: (row: T) => V,
) => V[]

/** How a vendor authenticates requests. */
export interface VendorAuth<S = unknown, C = Record<string, unknown>> {
  /** `Authorization` forms accepted: `bearer` (default) and/or the bare token. */
  header?: readonly AuthHeaderForm[]
  /** Request headers whose value is a credential key (DigiKey's `X-DIGIKEY-Client-Id`). */
  keyHeaders?: readonly string[]
  /** Token endpoints the core serves (their bodies also name the tenant). */
  tokenEndpoints?: ReadonlyArray<TokenEndpoint<S, C>>
  /** An OAuth authorization server: consent page, codes and its token endpoint. */
  oauth?: OAuthServerConfig<S, C>
  /**
   * The vendor's 401 for a credential the simulator never issued (or an unknown
   * `x-vendorsim-tenant`): such a request never falls back to the default tenant.
   */
  unknownCredential(c: Context<SimEnv<S, C>>): SimError
}

/**
 * A vendor, described once; `createSim` turns it into a running simulator.
 * Nothing in the core names a vendor: everything vendor-specific lives here.
 */
export interface VendorDefinition<
  S = unknown,
  C extends Record<string, unknown> = Record<string, unknown>,
> {
  /** Path prefix on the server and registry key: `digipix`. */
  id: string
  title: string
  protocol: 'rest' | 'graphql'
  /** The vendor's documentation pages. */
  docs: readonly string[]
  /** Real hosts, served by the MSW face. The first is production. */
  hosts: { production: readonly string[]; sandbox: readonly string[] }
  /** Credentials of the always-present `default` tenant (documented in the README). */
  defaultCredentials: C
  /** Credentials for a freshly minted tenant. */
  mintCredentials(tenantId: string, rng: Rng): C
  /** The values a request may carry that identify a tenant (client ids, usernames — lower case —, API tokens). */
  credentialKeys(credentials: C): readonly string[]
  /** Paths answer with and without a trailing slash (`/payments` and `/payments/`), as Rails apps do. */
  trailingSlash?: 'optional'
  /** How the vendor authenticates; the core serves its token endpoints and finds each request's tenant from it. */
  auth: VendorAuth<S, C>
  /** A request id minted for every request and sent back in this header (DigiKey's `X-DIGIKEY-REQUEST-ID`); handlers read `c.get('requestId')`. */
  requestId?: { header: string; mint(tenant: TenantBase<C>): string }
  /** Build a tenant's state: seed its store from fixtures. */
  createState(tenant: TenantBase<C>): S | Promise<S>
  /**
   * A GraphQL vendor's schema (SDL + resolvers, built on first use), served by its routes through
   * `graphqlHandler`. A loader: the schema, its resolvers and graphql-js load when first needed.
   */
  graphql?: () => Promise<GraphqlSchema>
  /** Register the vendor's real routes. */
  routes(app: Hono<SimEnv<S, C>>): void
  /** Extra control routes under `/_sandbox/` (scenarios, forced transitions). */
  sandbox?(app: Hono<SimEnv<S, C>>): void
  /** Render a `SimError` in the vendor's own envelope. */
  renderError(err: SimError, c: Context<any>): Response
  /** A JSON view of the tenant's data for `GET /_sandbox/state`. */
  snapshot?(tenant: Tenant<S, C>, list: SnapshotList): unknown
  webhooks: {
    /** Seconds before each retry after the first attempt. */
    retrySchedule: readonly number[]
    sign?(
      body: string,
      delivery: { id: string; event: string },
      tenant: TenantBase<C>,
    ): Record<string, string>
  }
  /**
   * An OpenAPI document of what the simulator serves, at `GET /_sandbox/openapi.json` (a promise
   * when the vendor loads the module that builds it on first use).
   */
  openapi?: (o: { baseUrl: string }) => unknown
  /** The vendor's LIMITATIONS document (markdown). */
  limitations: string
}

/**
 * Declare a vendor. An identity function that fixes the types.
 * @example
 * export const digipix = defineVendor({ id: 'digipix', ... })
 */
export function defineVendor<S, C extends Record<string, unknown>>(
  definition: VendorDefinition<S, C>,
): VendorDefinition<S, C> {
  return definition
}

/** The control side of a running simulator (what `/_sandbox` routes and tests drive). */
export interface SimControl<S, C> {
  /** The tenant's live state (built on first use). */
  tenant(id?: string): Promise<Tenant<S, C>>
  /** Mint a fresh tenant; `name` picks its id. */
  mintTenant(name?: string): Promise<{ tenant: string; credentials: C }>
  /** Advance one tenant's clock and settle. */
  advance(seconds: number, tenantId?: string): Promise<void>
  /** Replace the tenant with a fresh one (same id and credentials), atomically. */
  reset(tenantId?: string): Promise<void>
  /** Run whatever is due on every built tenant (the server calls this each second in real-clock mode). */
  tick(): Promise<void>
  /** Ids of every registered tenant. */
  tenantIds(): string[]
  /** Credentials of a tenant. */
  credentials(tenantId?: string): C
  /** Which tenant a credential key (client id, username, token) belongs to. */
  tenantOf(key: string): string | undefined
}
