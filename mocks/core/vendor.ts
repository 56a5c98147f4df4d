import type { Context, Hono } from 'hono'
import type { AuthHeaderForm, TokenKit } from './auth.ts'
import type { Clock } from './clock.ts'
import type { SimError } from './errors.ts'
import type { Faults } from './faults.ts'
import type { GraphqlSchema } from './graphql/schema.ts'
import type { IdempotencyStore } from './idempotency.ts'
import type { IdFactory, Rng } from './ids.ts'
import type { Journal } from './journal.ts'
import type { OAuthServerConfig } from './oauth.ts'
import type { Subscriptions } from './subscriptions.ts'
import type { Timers } from './timers.ts'
import type { TokenEndpoint } from './token-endpoint.ts'
import type { Outbox } from './webhooks.ts'

/** Everything a tenant owns besides the vendor's own state. */
export interface TenantBase<C = Record<string, unknown>> {
  readonly id: string
  readonly credentials: C
  readonly clock: Clock
  /** Seeded generator for this tenant's data (fork it per purpose). */
  readonly rng: Rng
  readonly ids: IdFactory
  readonly auth: TokenKit
  readonly outbox: Outbox
  /** Webhook subscriptions, fanned out through the outbox. */
  readonly subscriptions: Subscriptions
  /** One pending clock step per entity (order lifecycles). */
  readonly timers: Timers
  /** Idempotency keys and the first result of each. */
  readonly idempotency: IdempotencyStore
  readonly journal: Journal
  readonly faults: Faults
  readonly createdAt: number
}

export interface Tenant<S = unknown, C = Record<string, unknown>> extends TenantBase<C> {
  readonly state: S
}

/** Hono environment of every simulator app. */
export type SimEnv<S = unknown, C = Record<string, unknown>> = {
  Variables: {
    tenant: Tenant<S, C>
    /** The request body text, read once by `readBody`. */
    bodyText?: string
    /** The body a handler sent (kept for the journal). */
    responseBody?: unknown
    /** The vendor's id for this request, when it gives one (DigiKey's X-DIGIKEY-REQUEST-ID). */
    requestId?: string
    /**
     * Headers this request's answer carries whatever it turns out to be (success, vendor error or
     * fault): a guard sets them once (DigiKey's `X-RateLimit-*`), the core adds them to the response.
     */
    responseHeaders?: Record<string, string>
    /** The token the request's `Authorization` header carries, in one of the vendor's forms. */
    credential?: string
  }
}

export type SimContext<S = unknown, C = Record<string, unknown>> = Context<SimEnv<S, C>>

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
export interface VendorDefinition<S = unknown, C extends Record<string, unknown> = Record<string, unknown>> {
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
  /** How the vendor authenticates; the core serves its token endpoints and finds each request's tenant from it. */
  auth: VendorAuth<S, C>
  /** A request id minted for every request and sent back in this header (DigiKey's `X-DIGIKEY-REQUEST-ID`); handlers read `c.get('requestId')`. */
  requestId?: { header: string; mint(tenant: TenantBase<C>): string }
  /** Build a tenant's state: seed its store from fixtures. */
  createState(tenant: TenantBase<C>): S | Promise<S>
  /** A GraphQL vendor's schema (SDL + resolvers, built on first use), served by its routes through `graphqlHandler`. */
  graphql?: GraphqlSchema
  /** Register the vendor's real routes. */
  routes(app: Hono<SimEnv<S, C>>): void
  /** Extra control routes under `/_sandbox/` (scenarios, forced transitions). */
  sandbox?(app: Hono<SimEnv<S, C>>): void
  /** Render a `SimError` in the vendor's own envelope. */
  renderError(err: SimError, c: Context<any>): Response
  /** A JSON view of the tenant's data for `GET /_sandbox/state`. */
  snapshot?(tenant: Tenant<S, C>): unknown
  webhooks: {
    /** Seconds before each retry after the first attempt. */
    retrySchedule: readonly number[]
    sign?(body: string, delivery: { id: string; event: string }, tenant: TenantBase<C>): Record<string, string>
  }
  /** An OpenAPI document of what the simulator serves, at `GET /_sandbox/openapi.json`. */
  openapi?: () => unknown
  /** The vendor's LIMITATIONS document (markdown). */
  limitations: string
}

/**
 * Declare a vendor. An identity function that fixes the types.
 * @example
 * export const digipix = defineVendor({ id: 'digipix', ... })
 */
export function defineVendor<S, C extends Record<string, unknown>>(definition: VendorDefinition<S, C>): VendorDefinition<S, C> {
  return definition
}
