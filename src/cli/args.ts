import { parseArgs } from 'node:util'

/** A command-line problem: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export const USAGE = `vendorsim — mock-vendor sandbox and contract test kit

Usage:
  vendorsim serve    [--port 4010] [--host 127.0.0.1] [--seed vendorsim] [--vendors a,b]
                     [--clock real|frozen] [--start 2026-01-05T09:00:00Z] [--quiet]
  vendorsim contract --vendor digipix --target http|live [--base-url URL] [--allow-production]
  vendorsim help

Environment: PORT and HOST (serve), <VENDOR>_* variables for live contract runs.`

export interface ServeArgs {
  port: number
  host: string
  seed: string
  vendors?: string[]
  clock: 'real' | 'frozen'
  start?: number
  quiet: boolean
}

export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv): ServeArgs {
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
    },
    strict: true,
  })
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
    vendors: values.vendors
      ? values.vendors
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : undefined,
    clock,
    start,
    quiet: values.quiet ?? false,
  }
}

export interface ContractArgs {
  vendor: string
  target: 'http' | 'live'
  baseUrl?: string
  allowProduction: boolean
}

export function parseContractArgs(argv: string[]): ContractArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      vendor: { type: 'string' },
      target: { type: 'string', default: 'http' },
      'base-url': { type: 'string' },
      'allow-production': { type: 'boolean', default: false },
    },
    strict: true,
  })
  if (!values.vendor) throw new UsageError('--vendor is required')
  const target = values.target
  if (target !== 'http' && target !== 'live')
    throw new UsageError(`--target must be "http" or "live", got "${target}"`)
  if (target === 'http' && !values['base-url'])
    throw new UsageError('--target http needs --base-url (e.g. http://127.0.0.1:4010/digipix)')
  return {
    vendor: values.vendor,
    target,
    baseUrl: values['base-url'],
    allowProduction: values['allow-production'] ?? false,
  }
}
