/**
 * vendorsim's composition root and command-line entry.
 *
 *   npm start                      # = vendorsim serve
 *   vendorsim serve --port 4010    # every simulator on one port, each under /<vendor>
 *   vendorsim contract --vendor digipix --target http --base-url http://127.0.0.1:4010/digipix
 */
import { serve, type ServerType } from '@hono/node-server'
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { createHost, type Host } from './mocks/core/host.ts'
import { REGISTRY } from './mocks/registry.ts'
import {
  parseContractArgs,
  parseServeArgs,
  SERVE_HELP,
  CONTRACT_HELP,
  UsageError,
  USAGE,
  type ServeArgs,
} from './src/cli/args.ts'

export interface RunningServer {
  url: string
  host: Host
  close(): Promise<void>
}

/**
 * Start the server. Binds 127.0.0.1 unless told otherwise.
 * @example
 * const server = await startServer({ port: 0 })
 * await fetch(`${server.url}/digipix/v1/products`)
 * await server.close()
 */
export async function startServer(options: Partial<ServeArgs> = {}): Promise<RunningServer> {
  const names = options.vendors ?? Object.keys(REGISTRY)
  const unknown = names.filter((n) => !REGISTRY[n])
  if (unknown.length)
    throw new UsageError(
      `unknown vendor(s): ${unknown.join(', ')}; known: ${Object.keys(REGISTRY).join(', ')}`,
    )
  const clockMode = options.clock ?? 'real'
  const host = createHost(
    // Vendors load on their first request: the server answers before all of them are in.
    names.map((id) => ({ id, ...REGISTRY[id]! })),
    {
      seed: options.seed ?? 'vendorsim',
      clock:
        clockMode === 'real'
          ? { mode: 'real', source: () => Date.now(), start: options.start }
          : { mode: 'frozen', start: options.start },
      onUnexpectedError: (err) => console.error('[vendorsim] unexpected error:', err),
      maxBodyBytes: options.maxBody,
      maxTenants: options.maxTenants,
      adminToken: options.adminToken,
    },
  )
  const hostname = options.host ?? '127.0.0.1'
  // While bound to loopback, only requests naming this server in Host are served: a web page whose
  // DNS name was rebound to 127.0.0.1 sends its own name, and is refused (DNS rebinding).
  let allowed: Set<string> | undefined
  const guarded = (request: Request, env: unknown): Promise<Response> | Response => {
    if (allowed) {
      // Node's parsed headers: request.headers would build a WHATWG Headers on every request.
      const incoming = (env as { incoming?: { headers: { host?: string } } } | undefined)?.incoming
      const name = (
        (incoming ? incoming.headers.host : request.headers.get('host')) ?? ''
      ).toLowerCase()
      if (!allowed.has(name)) {
        return Response.json(
          {
            error: {
              code: 'host_not_allowed',
              message: `Host "${name}" is not this server's address; start vendorsim with --allowed-hosts ${name || '<name>'} to accept it`,
            },
          },
          { status: 403 },
        )
      }
    }
    return host.fetch(request, env)
  }
  const { server, port } = await new Promise<{ server: ServerType; port: number }>(
    (resolve, reject) => {
      const s = serve({ fetch: guarded, port: options.port ?? 4010, hostname }, (info) =>
        resolve({ server: s, port: info.port }),
      )
      s.once('error', reject)
    },
  )
  if (isLoopback(hostname)) {
    const names = new Set(
      [hostname, '127.0.0.1', 'localhost', '[::1]'].map((h) =>
        h.includes(':') && !h.startsWith('[') ? `[${h}]` : h,
      ),
    )
    allowed = new Set([
      ...[...names].map((h) => `${h}:${port}`),
      ...(options.allowedHosts ?? []).flatMap((h) =>
        h.includes(':') && !h.endsWith(']') ? [h] : [h, `${h}:${port}`],
      ),
    ])
  }
  // Build the default tenants while the first requests are still on their way.
  void host.warm().catch((err) => console.error('[vendorsim] warm-up failed:', err))
  // In real-clock mode, effects fall due as wall time passes: look for them each second.
  const ticker = clockMode === 'real' ? setInterval(() => void host.tick(), 1000) : undefined
  ticker?.unref()
  const shownHost = hostname.includes(':') ? `[${hostname}]` : hostname
  return {
    url: `http://${shownHost}:${port}`,
    host,
    close: () =>
      new Promise<void>((resolve) => {
        if (ticker) clearInterval(ticker)
        ;(server as { closeAllConnections?: () => void }).closeAllConnections?.()
        server.close(() => resolve())
      }),
  }
}

/** Whether a bind address is loopback only. */
export const isLoopback = (hostname: string) =>
  /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i.test(hostname)

function banner(server: RunningServer, args: ServeArgs): string {
  const lines = [
    `vendorsim listening on ${server.url} (seed "${args.seed}", ${args.clock} clock)`,
    '',
  ]
  for (const sim of Object.keys(REGISTRY).flatMap((id) => server.host.sims.get(id) ?? [])) {
    const creds = sim.vendor.defaultCredentials as Record<string, unknown>
    const shown = Object.entries(creds)
      .filter(([, v]) => typeof v === 'string')
      .map(([k, v]) => `${k}=${v}`)
      .join('  ')
    lines.push(
      `  ${sim.vendor.title.padEnd(10)} ${server.url}/${sim.vendor.id}    default tenant: ${shown}`,
    )
    lines.push(`  ${''.padEnd(10)} ${server.url}/${sim.vendor.id}/_sandbox  (control routes)`)
  }
  lines.push(
    '',
    args.adminToken
      ? 'Control routes (/_sandbox) require the admin token (Authorization: Bearer … or x-vendorsim-admin).'
      : `Control routes (/_sandbox) are open to anything that can reach ${args.host}; --admin-token (or VENDORSIM_ADMIN_TOKEN) requires a token.`,
    'Ctrl-C to stop.',
  )
  return lines.join('\n')
}

/** This package's version, from the package.json above this file (sources, dist/ or the bundle). */
function version(): string {
  for (let dir = new URL('.', import.meta.url); ; ) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'))
      if (pkg.name === 'vendorsim') return pkg.version
    } catch {
      // not here: one level up
    }
    const up = new URL('..', dir)
    if (up.href === dir.href) return 'unknown'
    dir = up
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      console.log(USAGE)
      return 0
    }
    if (command === '--version' || command === '-v' || command === 'version') {
      console.log(version())
      return 0
    }
    if (
      (command === 'serve' || command === 'contract') &&
      rest.some((a) => a === '--help' || a === '-h')
    ) {
      console.log(command === 'serve' ? SERVE_HELP : CONTRACT_HELP)
      return 0
    }
    if (command === 'serve' || command.startsWith('--')) {
      const args = parseServeArgs(
        command === 'serve' ? rest : argv,
        process.env,
        Object.keys(REGISTRY),
      )
      const server = await startServer(args)
      // Handlers go in before the banner: a supervisor may signal as soon as it reads it.
      const stopped = new Promise<void>((resolve) => {
        const stop = () => {
          console.log('vendorsim: shutting down')
          void server.close().then(resolve)
        }
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      if (!isLoopback(args.host) && !args.adminToken)
        console.error(
          `vendorsim: warning: listening on ${args.host} with no admin token — anyone who can reach it can read every tenant's journal, reset it or inject faults; set --admin-token`,
        )
      if (!args.quiet) {
        // The banner lists each vendor's default credentials: wait for their definitions (requests are served meanwhile).
        await server.host.warm()
        console.log(banner(server, args))
      } else console.log(`vendorsim listening on ${server.url}`)
      await stopped
      return 0
    }
    if (command === 'contract') {
      // The suites load the clients and contracts: only the contract command needs them.
      const { runContract } = await import('./src/cli/contract.ts')
      return await runContract(parseContractArgs(rest), process.env)
    }
    throw new UsageError(`unknown command "${command}"`)
  } catch (err) {
    if (
      err instanceof UsageError ||
      (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`vendorsim: ${(err as Error).message}\n\n${USAGE}`)
      return 2
    }
    if ((err as { code?: string }).code === 'EADDRINUSE') {
      console.error(`vendorsim: ${(err as Error).message} — pick another --port`)
      return 1
    }
    throw err
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err)
      process.exit(1)
    },
  )
}
