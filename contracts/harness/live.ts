import type { ContractTarget } from './runner.ts'

/** Refuse production hosts unless explicitly allowed (the vendors' playgrounds hit real accounts). */
export function guardLiveHost(
  baseUrl: string,
  productionHosts: readonly string[],
  allowProduction: boolean,
) {
  const host = new URL(baseUrl).hostname
  if (productionHosts.includes(host) && !allowProduction) {
    throw new Error(
      `refusing to run against the production host ${host}; set the vendor's *_ALLOW_PRODUCTION=1 or pass --allow-production if you really mean it`,
    )
  }
}

export interface LiveTargetSpec<Creds> {
  /** `Digipix`, for messages. */
  title: string
  /** Environment prefix: `DIGIPIX` reads `DIGIPIX_BASE_URL`, `DIGIPIX_LIVE_WRITES`, `DIGIPIX_ALLOW_PRODUCTION`. */
  prefix: string
  /** Variables that must be set (each may name alternatives: `['A', 'B']` = A or B). */
  required: ReadonlyArray<string | readonly string[]>
  /** Base URL when `<PREFIX>_BASE_URL` is unset; without one, `<PREFIX>_BASE_URL` is required. */
  defaultBaseUrl?: string
  /** The variable that holds the URL, when the vendor's own tooling names it (`DIGIT_API_URL`; default `<PREFIX>_BASE_URL`). */
  baseUrlVar?: string
  /** The base URL from the variable's value (Digit's names the `/graphql` endpoint itself). */
  toBaseUrl?(url: string): string
  /** Where the vendor's sandbox is, for the skip message. */
  hint: string
  productionHosts: readonly string[]
  /**
   * `refuse` (default): a production host throws unless allowed; `skip`: a vendor with no sandbox
   * host (ShipHero) explains the opt-in instead of running.
   */
  onProduction?: 'refuse' | 'skip'
  credentials(env: NodeJS.ProcessEnv): Creds
}

/**
 * A vendor's live target from the environment: read-only unless `<PREFIX>_LIVE_WRITES=1`,
 * production refused unless `<PREFIX>_ALLOW_PRODUCTION=1` (or `--allow-production`).
 * A string is the reason it cannot run.
 */
export function liveTarget<Creds>(
  spec: LiveTargetSpec<Creds>,
  env: NodeJS.ProcessEnv,
  o: { allowProduction?: boolean } = {},
): ContractTarget<Creds> | string {
  const urlVar = spec.baseUrlVar ?? `${spec.prefix}_BASE_URL`
  const required = [...(spec.defaultBaseUrl ? [] : [urlVar]), ...spec.required]
  const missing = required
    .filter((k) => (typeof k === 'string' ? !env[k] : !k.some((x) => env[x])))
    .map((k) => (typeof k === 'string' ? k : k.join(' or ')))
  if (missing.length)
    return `live ${spec.title} run skipped: set ${missing.join(', ')} (${spec.hint})`
  const given = env[urlVar] || spec.defaultBaseUrl!
  const baseUrl = spec.toBaseUrl ? spec.toBaseUrl(given) : given
  const allowed = o.allowProduction || env[`${spec.prefix}_ALLOW_PRODUCTION`] === '1'
  if (
    spec.onProduction === 'skip' &&
    spec.productionHosts.includes(new URL(baseUrl).hostname) &&
    !allowed
  ) {
    return `${spec.title} has no sandbox host; set ${spec.prefix}_ALLOW_PRODUCTION=1 (or pass --allow-production) to run against ${new URL(baseUrl).hostname} with a test account`
  }
  guardLiveHost(baseUrl, spec.productionHosts, allowed)
  const credentials = spec.credentials(env)
  return {
    name: 'live',
    baseUrl,
    fetch: (input, init) => globalThis.fetch(input, init),
    writes: env[`${spec.prefix}_LIVE_WRITES`] === '1',
    receiver: false,
    credentials: async () => ({ credentials }),
  }
}
