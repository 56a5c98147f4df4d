/**
 * What an OAuth authorization server is made of (see `oauth.ts`): a tenant's registry of clients
 * and lifetimes, the vendor's configuration, and what the authorize routes and the control routes
 * both do with them: the redirect URIs a client may use, and issuing a code.
 */
import type { SimContext, Tenant } from './context.ts'
import { selfCallbackOf } from './oauth-pages.ts'

/**
 * A client application registered with the authorization server, in one environment.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2
 */
export interface OAuthClient {
  readonly clientId: string
  readonly clientSecret: string
  /** The environment (host family) the client was registered in. */
  readonly environment: string
  /** Registered redirect URIs; matched exactly, character for character. */
  redirectUris: string[]
  /** Application name shown on the consent page. */
  readonly name: string
}

export interface OAuthLifetimes {
  /** Authorization code lifetime (seconds). */
  codeSeconds: number
  /** Access tokens from `client_credentials` (2-legged). */
  clientCredentialsSeconds: number
  /** Access tokens from `authorization_code` / `refresh_token` (3-legged). */
  accessSeconds: number
  /** Refresh tokens (3-legged). */
  refreshSeconds: number
}

/** The user who approves on the consent page (the tenant's one simulated user). */
export interface OAuthUser {
  subject: string
  displayName: string
  meta?: Record<string, unknown>
}

/** A tenant's OAuth registry: its clients, lifetimes and the auto-approve switch. Mutable through `/_sandbox/oauth`. */
export interface OAuthRegistry {
  clients: OAuthClient[]
  lifetimes: OAuthLifetimes
  /** Skip the consent page: `authorize` redirects with a code at once (tests, CI). */
  autoApprove: boolean
}

export function createOAuthRegistry(o: {
  clients: OAuthClient[]
  lifetimes: OAuthLifetimes
  autoApprove?: boolean
}): OAuthRegistry {
  return {
    clients: o.clients.map((c) => ({ ...c, redirectUris: [...c.redirectUris] })),
    lifetimes: { ...o.lifetimes },
    autoApprove: o.autoApprove ?? false,
  }
}

export interface OAuthServerConfig<S, C> {
  /** `/v1/oauth2/authorize`. */
  authorizePath: string
  /** `/v1/oauth2/token`. */
  tokenPath: string
  /** Name of the service on the consent page ("DigiKey"). */
  serviceName: string
  registry(tenant: Tenant<S, C>): OAuthRegistry
  /** Which environment a request addresses (from its host). */
  environmentOf(c: SimContext<S, C>): string
  user(tenant: Tenant<S, C>): OAuthUser
  /** Grants the token endpoint accepts. */
  grants: ReadonlyArray<'client_credentials' | 'authorization_code' | 'refresh_token'>
  /** Opaque token length (hex characters; default 32). */
  tokenLength?: number
  /**
   * The simulator's own landing page (`<base>/_sandbox/oauth/callback`, at whatever address the
   * request came to) counts as a registered redirect URI of every client, and is the default of
   * `POST /_sandbox/oauth/authorize`: the browser flow works on any port or host the server uses.
   */
  selfCallback?: boolean
  /** Vendor wording of token-endpoint errors (defaults follow RFC 6749). */
  messages?: Partial<
    Record<'invalidClient' | 'invalidRefresh' | 'invalidCode' | 'redirectMismatch', string>
  >
}

/** Redirect URIs a client may use from this request: its registered ones, and the simulator's own page when enabled. */
export const allowedRedirects = (
  c: SimContext<any, any>,
  config: OAuthServerConfig<any, any>,
  client: OAuthClient,
  marker: string,
) =>
  config.selfCallback ? [...client.redirectUris, selfCallbackOf(c, marker)] : client.redirectUris

/**
 * An authorization code for the tenant's user, for `client` and `redirectUri`, with the scopes of a
 * space-separated `scope`, valid for the tenant's code lifetime.
 */
export function issueCode<S, C>(
  tenant: Tenant<S, C>,
  config: OAuthServerConfig<S, C>,
  client: OAuthClient,
  redirectUri: string,
  scope: string | undefined,
) {
  return tenant.auth.issueCode({
    clientId: client.clientId,
    redirectUri,
    subject: config.user(tenant).subject,
    scopes: scope ? scope.split(/\s+/).filter(Boolean) : [],
    ttlSeconds: config.registry(tenant).lifetimes.codeSeconds,
  })
}
