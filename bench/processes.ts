/**
 * The bench's process plumbing: servers spawned and timed to their first answer, load from the
 * autocannon CLI in a process of its own, and the CPU time and resident memory of a process tree
 * (Linux `/proc` and `ps`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { listeningUrl } from '../test/harness/targets.ts'

export const ROOT = fileURLToPath(new URL('../', import.meta.url))
const AUTOCANNON = fileURLToPath(
  new URL('../node_modules/autocannon/autocannon.js', import.meta.url),
)
export const DURATION = Number(process.env.BENCH_DURATION ?? 5)
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
/** Alternating rounds per HTTP row: the median ratio of the rounds is the row's ratio. */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)

export interface Server {
  url: string
  child: ChildProcess
  startedMs: number
  stop(): Promise<void>
}

/**
 * Spawn a server (the compiled bundle for `server.ts` when it is built, else through tsx) and
 * time it from spawn to its first answered request (`firstRequest`, or `GET /`).
 */
export async function start(
  script: string,
  args: string[] = [],
  opts: { firstRequest?: (url: string) => Promise<Response>; env?: Record<string, string> } = {},
): Promise<Server> {
  const t0 = performance.now()
  const child = spawn(
    process.execPath,
    script === 'server.ts' && existsSync(`${ROOT}dist/bundle/server.js`)
      ? ['dist/bundle/server.js', ...args]
      : ['--import', 'tsx', script, ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...opts.env } },
  )
  const url = await listeningUrl(child, 60_000)
  // Cold start ends at the first answered request, not at the log line.
  for (;;) {
    try {
      const res = await (opts.firstRequest ? opts.firstRequest(url) : fetch(`${url}/`))
      await res.arrayBuffer()
      if (res.ok) break
    } catch {
      await new Promise((r) => setTimeout(r, 5))
    }
  }
  const startedMs = performance.now() - t0
  return {
    url,
    child,
    startedMs,
    stop: () =>
      new Promise((r) => {
        child.once('exit', () => r())
        child.kill('SIGTERM')
      }),
  }
}

export interface Load {
  rps: number
  p50: number
  p99: number
  errors: number
  non2xx: number
  /** CPU time (user + system) the server process spent per request, in µs. */
  cpuUs: number
}

export interface LoadSpec {
  url: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
}

/** CPU time a process has used so far, in µs (`/proc/<pid>/stat`, clock ticks of 10 ms). */
function cpuTimeUs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10_000
}

/**
 * One load run from a process of its own (the autocannon CLI), so the generator shares an event
 * loop with neither the bench nor the servers: in-process, it capped the bare side and flattered
 * the ratios. `pid` is the server's, for its CPU time per request.
 */
export async function load(spec: LoadSpec, pid: number, seconds = DURATION): Promise<Load> {
  const args = [
    AUTOCANNON,
    '--json',
    '-c',
    String(CONNECTIONS),
    '-d',
    String(seconds),
    '-m',
    spec.method ?? 'GET',
    ...Object.entries(spec.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}=${v}`]),
    ...(spec.body !== undefined ? ['-b', spec.body] : []),
    spec.url,
  ]
  const cpu0 = cpuTimeUs(pid)
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] })
    let text = ''
    child.stdout!.on('data', (d) => (text += d))
    child.once('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`autocannon exited with ${code}`)),
    )
  })
  const cpu = cpuTimeUs(pid) - cpu0
  const r = JSON.parse(out) as {
    requests: { average: number; total: number }
    latency: { p50: number; p99: number }
    errors: number
    non2xx: number
  }
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    cpuUs: r.requests.total ? cpu / r.requests.total : 0,
  }
}

/** A process and its descendants (Linux `ps`): pid → resident KiB. */
export function processTree(root: number): Map<number, number> {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number])
  const tree = new Map([[root, rows.find(([pid]) => pid === root)?.[2] ?? 0]])
  for (let grew = true; grew; ) {
    grew = false
    for (const [pid, ppid, rss] of rows)
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.set(pid, rss)
        grew = true
      }
  }
  return tree
}

/** Resident memory of a process and its descendants, in MiB (each process's RSS, summed). */
export const treeRssMiB = (root: number) =>
  [...processTree(root).values()].reduce((kib, rss) => kib + rss, 0) / 1024

/**
 * What a process tree occupies, in MiB: each process's private pages, plus the pages they share
 * (the node binary, libraries) counted once — taken as the largest shared set among them (from
 * /proc/<pid>/smaps_rollup). Summed RSS counts those shared pages once per process.
 */
export const treeFootprintMiB = (root: number) => {
  let privateKiB = 0
  let sharedKiB = 0
  for (const pid of processTree(root).keys()) {
    try {
      const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8')
      const kib = (field: string) =>
        Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0)
      privateKiB += kib('Private_Clean') + kib('Private_Dirty')
      sharedKiB = Math.max(sharedKiB, kib('Shared_Clean') + kib('Shared_Dirty'))
    } catch {
      // gone, or not readable
    }
  }
  return (privateKiB + sharedKiB) / 1024
}

/** Stop a process tree, children first. */
export function killTree(root: number) {
  for (const pid of [...processTree(root).keys()].reverse()) {
    try {
      process.kill(pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
export const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })
