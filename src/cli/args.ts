import { parseArgs } from 'node:util'

/** A command-line problem: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export const USAGE = `vendorsim — mock-vendor sandbox and contract test kit

Usage:
  vendorsim serve    [--port 4010] [--host 127.0.0.1] [--seed vendorsim] [--vendors a,b]
                     [--clock real|frozen] [--start 2026-01-05T09:00:00Z] [--quiet]
                     [--max-body 1048576] [--max-tenants 1000] [--admin-token TOKEN]
                     [--allowed-hosts name[:port],...]
  vendorsim contract --vendor digipix --target http|live [--base-url URL] [--allow-production]
                     [--allow-empty] [--reporter junit|json] [--output FILE]
  vendorsim help | --help | <command> --help | --version

Environment: PORT, HOST, VENDORSIM_SEED, VENDORSIM_ADMIN_TOKEN (serve), <VENDOR>_* variables for live contract runs.`

/** `vendorsim serve --help`: every flag, its environment variable and its default. */
export const SERVE_HELP = `vendorsim serve — every simulator on one port, each under /<vendor>

  --port N              port to listen on; 0 picks a free one          env PORT            default 4010
  --host ADDR           address to bind (other than loopback needs --admin-token)  env HOST  default 127.0.0.1
  --seed TEXT           seed of every id and datum                     env VENDORSIM_SEED  default vendorsim
  --vendors a,b         only these vendors (digit, digipix, digikey, stitchex, shiphero)       default all
  --clock real|frozen   tenant clocks follow real time, or move only on /_sandbox/clock/advance  default real
  --start ISO           the clocks' starting time                                      default 2026-01-05T09:00:00Z
  --quiet               print only the "listening on" line                             default off
  --max-body BYTES      largest request body                                           default 1048576
  --max-tenants N       minted tenants kept per vendor (the oldest is evicted)         default 1000
  --admin-token TOKEN   required on every /_sandbox route  env VENDORSIM_ADMIN_TOKEN   default none
  --allowed-hosts h,... Host headers accepted besides the bound address              default none`

/** `vendorsim contract --help`. */
export const CONTRACT_HELP = `vendorsim contract — run a vendor's contract suite against a simulator or the live vendor

  --vendor ID           digit, digipix, digikey, shiphero or stitchex                  required
  --target http|live    a running simulator (--base-url) or the vendor (its env vars)  default http
  --base-url URL        the simulator's vendor base, e.g. http://127.0.0.1:4010/digipix
  --allow-production    let a live run reach the vendor's production host  env <VENDOR>_ALLOW_PRODUCTION=1
  --allow-empty         exit 0 even when no case could run (by default that is a failure)
  --reporter junit|json also write a report file for CI                                default none
  --output FILE         where the report goes                 default contract-<vendor>.xml or .json
Live runs read <VENDOR>_* variables (the message names the missing ones); they are read-only unless
<VENDOR>_LIVE_WRITES=1. VENDORSIM_ADMIN_TOKEN is sent to a simulator that requires it.`

export interface ServeArgs {
  port: number
  host: string
  seed: string
  vendors?: string[]
  clock: 'real' | 'frozen'
  start?: number
  quiet: boolean
  /** Largest request body, in bytes. */
  maxBody: number
  /** Minted tenants kept per vendor. */
  maxTenants: number
  /** Required on every /_sandbox route when set. */
  adminToken?: string
  /** Host header values accepted besides the bound address (DNS-rebinding guard while on loopback). */
  allowedHosts: string[]
}

export function parseServeArgs(
  argv: string[],
  env: NodeJS.ProcessEnv,
  /** The vendor ids `--vendors` may name. */
  known?: readonly string[],
): ServeArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      vendors: { type: 'string' },
      clock: { type: 'string' },
      start: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'max-body': { type: 'string' },
      'max-tenants': { type: 'string' },
      'admin-token': { type: 'string' },
      'allowed-hosts': { type: 'string' },
    },
    strict: true,
  })
  const positive = (name: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback
    const n = Number(text)
    if (!Number.isSafeInteger(n) || n < 1)
      throw new UsageError(`--${name} must be a whole number ≥ 1, got "${text}"`)
    return n
  }
  const adminToken = values['admin-token'] ?? env.VENDORSIM_ADMIN_TOKEN
  if (adminToken !== undefined && adminToken.length < 8)
    throw new UsageError('--admin-token must be at least 8 characters')
  const portText = values.port ?? env.PORT ?? '4010'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be an integer 0-65535, got "${portText}"`)
  const clock = values.clock ?? 'real'
  if (clock !== 'real' && clock !== 'frozen')
    throw new UsageError(`--clock must be "real" or "frozen", got "${clock}"`)
  let start: number | undefined
  if (values.start) {
    start = Date.parse(values.start)
    if (Number.isNaN(start))
      throw new UsageError(`--start must be an ISO date, got "${values.start}"`)
  }
  return {
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    seed: values.seed ?? env.VENDORSIM_SEED ?? 'vendorsim',
    vendors: vendorList(values.vendors, known),
    clock,
    start,
    quiet: values.quiet ?? false,
    maxBody: positive('max-body', values['max-body'], 1024 * 1024),
    maxTenants: positive('max-tenants', values['max-tenants'], 1000),
    adminToken: adminToken || undefined,
    allowedHosts: (values['allowed-hosts'] ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  }
}

/** `--vendors a,b`: at least one, each known (an empty or mistyped list is an error, not "all"). */
function vendorList(text: string | undefined, known?: readonly string[]): string[] | undefined {
  if (text === undefined) return undefined
  const ids = [
    ...new Set(
      text
        .split(',')
        .map((v) => v.trim().toLowerCase())
        .filter(Boolean),
    ),
  ]
  const names = known ? ` (known: ${known.join(', ')})` : ''
  if (!ids.length) throw new UsageError(`--vendors names no vendor${names}`)
  const unknown = known ? ids.filter((id) => !known.includes(id)) : []
  if (unknown.length)
    throw new UsageError(
      `--vendors: unknown vendor${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}${names}`,
    )
  return ids
}

export interface ContractArgs {
  vendor: string
  target: 'http' | 'live'
  baseUrl?: string
  allowProduction: boolean
  allowEmpty: boolean
  reporter?: 'junit' | 'json'
  output?: string
}

export function parseContractArgs(argv: string[]): ContractArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      vendor: { type: 'string' },
      target: { type: 'string', default: 'http' },
      'base-url': { type: 'string' },
      'allow-production': { type: 'boolean', default: false },
      'allow-empty': { type: 'boolean', default: false },
      reporter: { type: 'string' },
      output: { type: 'string' },
    },
    strict: true,
  })
  if (!values.vendor) throw new UsageError('--vendor is required')
  const target = values.target
  if (target !== 'http' && target !== 'live')
    throw new UsageError(`--target must be "http" or "live", got "${target}"`)
  if (target === 'http' && !values['base-url'])
    throw new UsageError('--target http needs --base-url (e.g. http://127.0.0.1:4010/digipix)')
  const reporter = values.reporter
  if (reporter !== undefined && reporter !== 'junit' && reporter !== 'json')
    throw new UsageError(`--reporter must be "junit" or "json", got "${reporter}"`)
  if (values.output !== undefined && reporter === undefined)
    throw new UsageError('--output needs --reporter junit|json')
  return {
    vendor: values.vendor,
    target,
    baseUrl: values['base-url'],
    allowProduction: values['allow-production'] ?? false,
    allowEmpty: values['allow-empty'] ?? false,
    reporter,
    output: values.output,
  }
}
