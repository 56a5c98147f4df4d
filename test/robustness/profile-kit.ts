import type { Sim, VendorDefinition } from '../../mocks/core/index.ts'

/**
 * What the robustness suite needs to know of each vendor: how a fresh tenant logs in with
 * full access, which bad credentials exist and where, and what the vendor's error envelope
 * is. Routes themselves come from each simulator's route table (and GraphQL root fields),
 * so a new route is covered without editing the suite.
 */
export interface Session {
  sim: Sim<any, any>
  tenant: string
  base: string
  /** Headers of a request with full access. */
  headers: Record<string, string>
  /** Ids of records that exist, by path parameter name (the fuzzer mixes them in, so requests get past "not found"). */
  ids?: Record<string, string[]>
}

export interface BadCredential {
  name: string
  headers: Record<string, string>
  /** Only these routes (e.g. 2-legged tokens on 3-legged APIs); all by default. */
  applies?(method: string, path: string): boolean
}

export interface Profile {
  vendor: VendorDefinition<any, any>
  /** The host a request is sent to (the vendor's sandbox host, or production where there is none). */
  base: string
  login(sim: Sim<any, any>): Promise<Session>
  badCredentials(s: Session): Promise<BadCredential[]>
  /** A 401/403 in the vendor's shape. */
  isAuthError(status: number, body: unknown): boolean
  /** Any 4xx in the vendor's shape. */
  isEnvelope(status: number, body: unknown): boolean
  /** Routes that need no credentials (token endpoints, consent pages, method stubs). */
  isPublic(method: string, path: string): boolean
  /** GraphQL vendors: the root fields each matrix cell also asks for. */
  graphqlFields?: string[]
  /** GraphQL vendors: the paths that take GraphQL requests (default `/graphql`). */
  graphqlPaths?: string[]
  /** GraphQL vendors: operations the fuzzer sends (whole, cut short, with random variables). */
  fuzzQueries?: string[]
  /** GraphQL vendors: queries that list records (another tenant's token must never see this tenant's in them). */
  leakQueries?: string[]
}

export const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})
export const form = (body: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(body).toString(),
})

export async function mint(sim: Sim<any, any>) {
  return (await (await sim.fetch('/_sandbox/tenants', json({}))).json()) as {
    tenant: string
    credentials: any
  }
}
export const advance = (s: Session, seconds: number) => s.sim.control.advance(seconds, s.tenant)
export const tokenPaths = (v: VendorDefinition<any, any>) =>
  new Set([
    ...(v.auth.tokenEndpoints ?? []).map((e) => e.path),
    ...(v.auth.oauth ? [v.auth.oauth.tokenPath, v.auth.oauth.authorizePath] : []),
  ])
