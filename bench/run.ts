/**
 * `npm run bench`: vendorsim against a bare Hono baseline, in the same run, with the same load
 * generator (autocannon in a process of its own: same connections and duration).
 *
 *   BENCH_DURATION=5 BENCH_CONNECTIONS=10 BENCH_ROUNDS=3 npm run bench
 *   npm run bench -- http cold     # only these sections (http, msw, cold, scale, memory)
 *
 * Each HTTP row runs in alternating rounds (bare, vendorsim, bare, …) and reports the median
 * round: requests/s, p50/p99 latency, the ratio to the baseline, and each server's CPU time per
 * request (the cost of our own work, steadier than throughput on a shared machine). The
 * baseline answers the very pages the simulator gave (bench/setup.ts). Then the MSW face's
 * cost per request against bare MSW, cold start to the first answer and to every vendor
 * answering, idle memory, and the scale and memory sections. Figures are for reading, not
 * assertions.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { CATALOG } from '../fixtures/digipix/catalog.ts'
import { createVendorHandlers } from '../mocks/msw.ts'
import { listeningUrl } from '../test/harness/targets.ts'
import {
  CONNECTIONS,
  DURATION,
  fmt,
  killTree,
  load,
  median,
  ROOT,
  ROUNDS,
  start,
  treeFootprintMiB,
  treeRssMiB,
  type Load,
  type Server,
} from './processes.ts'
import { prepareRows, type Row } from './setup.ts'

/** The token request the MSW row sends (the default tenant's credentials). */
const DIGIPIX_TOKEN_BODY = JSON.stringify({
  client_id: 'digipix-dev-client',
  client_secret: 'digipix-dev-secret',
  grant_type: 'client_credentials',
  scope: ['products'],
})
const SERVE = ['serve', '--port', '0', '--clock', 'frozen', '--quiet']
const SECTIONS = ['http', 'msw', 'cold', 'scale', 'memory'] as const
const chosen = process.argv.slice(2)
for (const name of chosen)
  if (!(SECTIONS as readonly string[]).includes(name)) {
    console.error(`unknown bench section "${name}"; sections: ${SECTIONS.join(', ')}`)
    process.exit(2)
  }
/** Whether a section runs (all of them when none is named). */
const runs = (section: (typeof SECTIONS)[number]) => chosen.length === 0 || chosen.includes(section)

/** One request per vendor that reaches its own routes (each answers 401 without credentials). */
const VENDOR_PROBES: Array<(url: string) => Promise<Response>> = [
  (u) => fetch(`${u}/digipix/v1/products`),
  (u) => fetch(`${u}/digikey/orderstatus/v4/salesorder/1`),
  (u) => fetch(`${u}/stitchex/organisations`),
  ...['shiphero', 'digit'].map(
    (id) => (u: string) =>
      fetch(`${u}/${id}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      }),
  ),
]

/** Every vendor answering one of its own requests (its module, schema and default tenant loaded). */
const everyVendor = async (url: string) => {
  const answers = await Promise.all(
    VENDOR_PROBES.map(async (probe) => {
      const res = await probe(url)
      await res.arrayBuffer()
      return res.status
    }),
  )
  return new Response(null, { status: answers.every((s) => s < 500) ? 200 : 503 })
}

/** Idle memory of the whole tree `npm start` makes (npm, its shell, the server), every vendor loaded. */
async function npmStartMemory(): Promise<{ rss: number; footprint: number } | undefined> {
  const child = spawn('npm', ['start', '--', ...SERVE.slice(1)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  try {
    const url = await listeningUrl(child, 60_000)
    await Promise.all(VENDOR_PROBES.map(async (p) => (await p(url)).arrayBuffer()))
    await new Promise((r) => setTimeout(r, 1000))
    return { rss: treeRssMiB(child.pid!), footprint: treeFootprintMiB(child.pid!) }
  } catch {
    return undefined
  } finally {
    killTree(child.pid!)
  }
}

interface Measured {
  name: string
  target: number | null
  sim: Load
  bare: Load
  ratio: number
}

async function main() {
  console.log(
    `vendorsim bench — autocannon, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds × ${DURATION} s per side and row, Node ${process.version}`,
  )
  if (runs('http')) await httpSection()
  if (runs('msw')) await mswSection()
  if (runs('cold')) await coldSection()
  // The scale and memory sections run in processes of their own (they hold 100k records).
  if (runs('scale')) await node(['--expose-gc', '--import', 'tsx', 'bench/scale.ts'], 'inherit')
  if (runs('memory')) await memorySection()
}

/** Run node with `args` in the checkout; its standard output, unless passed through. */
function node(args: string[], stdout: 'pipe' | 'inherit' = 'pipe'): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', stdout, 'inherit'] })
    let text = ''
    child.stdout?.on('data', (d) => (text += d))
    child.once('exit', () => resolve(text))
  })
}

async function httpSection() {
  // The simulator first: the rows are prepared on it, and the baseline serves the pages it gave.
  const sim = await start('server.ts', SERVE)
  const { rows, pages } = await prepareRows(sim.url)
  const dir = mkdtempSync(join(tmpdir(), 'vendorsim-bench-'))
  writeFileSync(join(dir, 'pages.json'), JSON.stringify(pages))
  const bare = await start('bench/bare-server.ts', [], {
    env: { BENCH_PAGES: join(dir, 'pages.json') },
  })
  rmSync(dir, { recursive: true, force: true })

  const measured: Measured[] = []
  let naive: Load | undefined
  for (const row of rows) {
    const bareSpec = { ...row.bare, url: `${bare.url}${row.bare.path}` }
    // Warm both (JIT, caches), then alternate; the median round is the row's figure.
    await load(bareSpec, bare.child.pid!, 2)
    await load(row.sim, sim.child.pid!, 2)
    const rounds: Array<{ sim: Load; bare: Load }> = []
    for (let r = 0; r < ROUNDS; r++) {
      const b = await load(bareSpec, bare.child.pid!)
      rounds.push({ bare: b, sim: await load(row.sim, sim.child.pid!) })
    }
    rounds.sort((x, y) => x.sim.rps / x.bare.rps - y.sim.rps / y.bare.rps)
    const mid = rounds[Math.floor(rounds.length / 2)]!
    measured.push({ name: row.name, target: row.target, ...mid, ratio: mid.sim.rps / mid.bare.rps })
    if (row.name.startsWith('ShipHero'))
      naive = await load({ ...bareSpec, url: `${bare.url}/graphql-naive` }, bare.child.pid!)
  }
  const prism = process.env.BENCH_PRISM ? await againstPrism(sim, rows) : undefined
  await sim.stop()
  await bare.stop()

  console.log('\nHTTP (server process vs bare Hono process, same generator; median of the rounds)')
  console.log(
    `${'route'.padEnd(30)} ${'vendorsim req/s'.padStart(16)} ${'p50/p99 ms'.padStart(11)} ${'bare req/s'.padStart(11)} ${'p50/p99 ms'.padStart(11)} ${'ratio'.padStart(7)} ${'target'.padStart(7)} ${'CPU µs/req sim/bare'.padStart(20)}`,
  )
  for (const r of measured) {
    console.log(
      `${r.name.padEnd(30)} ${fmt(r.sim.rps).padStart(16)} ${`${r.sim.p50}/${r.sim.p99}`.padStart(11)} ${fmt(r.bare.rps).padStart(11)} ${`${r.bare.p50}/${r.bare.p99}`.padStart(11)} ${`${fmt(r.ratio * 100)} %`.padStart(7)} ${(r.target === null ? '—' : `≥ ${r.target * 100} %`).padStart(7)} ${`${fmt(r.sim.cpuUs)} / ${fmt(r.bare.cpuUs)}`.padStart(20)}`,
    )
    if (r.sim.errors || r.sim.non2xx)
      console.log(`  ! vendorsim: ${r.sim.errors} errors, ${r.sim.non2xx} non-2xx`)
  }
  const shRow = measured.find((r) => r.name.startsWith('ShipHero'))
  if (shRow && naive)
    console.log(
      `  ShipHero vs a naive endpoint parsing and validating every request (${fmt(naive.rps)} req/s, ${fmt(naive.cpuUs)} µs/req): ${fmt(shRow.sim.rps / naive.rps, 1)}× the throughput, ${fmt(naive.cpuUs / shRow.sim.cpuUs, 1)}× less CPU per request  (target ≥ 5×)`,
    )
  console.log(`  bare Hono server (tsx) started in ${fmt(bare.startedMs)} ms`)
  if (prism)
    console.log(
      `\nPrism (${prism.version}, mocking the simulator's own OpenAPI document; median of the rounds)\n  GET /v1/products/{id}: vendorsim ${fmt(prism.get.sim)} req/s, Prism ${fmt(prism.get.prism)} req/s → ${fmt(prism.get.sim / prism.get.prism, 1)}×  (target ≥ 6×)\n  POST /v1/orders:       vendorsim ${fmt(prism.post.sim)} req/s, Prism ${fmt(prism.post.prism)} req/s → ${fmt(prism.post.sim / prism.post.prism, 1)}×  (target ≥ 3×)`,
    )
}

/**
 * With BENCH_PRISM=<path of a prism binary> (Stoplight Prism is not a dependency: install it
 * anywhere, e.g. `npm i --prefix /tmp/prism @stoplight/prism-cli`), the Digipix GET and POST rows
 * also run against `prism mock` of the simulator's OpenAPI document, in alternating rounds.
 */
async function againstPrism(sim: Server, rows: Row[]) {
  const bin = process.env.BENCH_PRISM!
  const dir = mkdtempSync(join(tmpdir(), 'vendorsim-prism-'))
  const doc = join(dir, 'digipix.json')
  writeFileSync(doc, await (await fetch(`${sim.url}/digipix/_sandbox/openapi.json`)).text())
  const port = await freePort()
  const child = spawn(bin, ['mock', doc, '-h', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  try {
    await new Promise<void>((resolve, reject) => {
      let seen = ''
      child.stdout!.on('data', (d) => {
        seen += d
        if (seen.includes('Prism is listening')) resolve()
      })
      child.once('exit', (code) => reject(new Error(`prism exited with ${code}`)))
    })
    const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()
    const pair = async (row: Row) => {
      const url = new URL(row.sim.url)
      const onPrism = {
        ...row.sim,
        url: `http://127.0.0.1:${port}${url.pathname.replace(/^\/digipix/, '')}`,
      }
      await load(onPrism, child.pid!, 2)
      const ratios: Array<{ sim: number; prism: number }> = []
      for (let r = 0; r < ROUNDS; r++) {
        const p = await load(onPrism, child.pid!)
        ratios.push({ prism: p.rps, sim: (await load(row.sim, sim.child.pid!)).rps })
      }
      ratios.sort((a, b) => a.sim / a.prism - b.sim / b.prism)
      return ratios[Math.floor(ratios.length / 2)]!
    }
    return {
      version,
      get: await pair(rows.find((r) => r.name.startsWith('GET /v1/products'))!),
      post: await pair(rows.find((r) => r.name.startsWith('POST /v1/orders'))!),
    }
  } finally {
    killTree(child.pid!)
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A TCP port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function mswSection() {
  const msw = await mswCost(1000)
  console.log('\nMSW face (in-process, sequential fetch of GET /v1/products/photobook)')
  console.log(`  vendorsim handlers  ${fmt(msw.sim.rps)} req/s  ${fmt(msw.sim.us, 1)} µs/req`)
  console.log(`  bare MSW handler    ${fmt(msw.bare.rps)} req/s  ${fmt(msw.bare.us, 1)} µs/req`)
  console.log(
    `  cost of vendorsim   ${fmt(msw.sim.us - msw.bare.us, 1)} µs/req  (ratio ${fmt((msw.sim.rps / msw.bare.rps) * 100)} %)`,
  )
}

async function coldSection() {
  // Three spawns each, median — to the first answer, and to every vendor answering.
  const cold = { first: [] as number[], every: [] as number[], rss: [] as number[] }
  for (let i = 0; i < 3; i++) {
    const s = await start('server.ts', SERVE)
    cold.first.push(s.startedMs)
    await s.stop()
    const v = await start('server.ts', SERVE, { firstRequest: everyVendor })
    cold.every.push(v.startedMs)
    await new Promise((r) => setTimeout(r, 1000))
    cold.rss.push(treeRssMiB(v.child.pid!))
    await v.stop()
  }
  const npmTree = await npmStartMemory()
  console.log('\nCold start (compiled bundle, spawn → answered request, median of 3)')
  console.log(
    `  first answer (GET /)            ${fmt(median(cold.first)).padStart(6)} ms   (target ≤ 250 ms)`,
  )
  console.log(
    `  every vendor answering          ${fmt(median(cold.every)).padStart(6)} ms   (target ≤ 450 ms)`,
  )
  console.log(
    `  idle RSS, server process        ${fmt(median(cold.rss)).padStart(6)} MiB  (every vendor loaded)`,
  )
  console.log(
    `  idle \`npm start\` tree (npm, sh, node): RSS summed ${npmTree ? fmt(npmTree.rss) : '—'} MiB, footprint ${npmTree ? fmt(npmTree.footprint) : '—'} MiB  (target ≤ 120 MiB; the footprint counts the pages the processes share once)`,
  )
}

async function memorySection() {
  console.log(
    '\nMemory (each vendor in its own process: 1,000 minted tenants built, then 100,000 requests with a day passing every 5,000)',
  )
  for (const id of ['digipix', 'shiphero', 'digikey', 'digit', 'stitchex']) {
    const out = await node(['--expose-gc', '--import', 'tsx', 'bench/memory.ts', id])
    const m = JSON.parse(out) as {
      baseMiB: number
      perTenantKiB: number
      after1000TenantsMiB: number
      after100kRequestsMiB: number
      heapAfterMiB: number
    }
    console.log(
      `  ${id.padEnd(9)} RSS ${m.baseMiB} MiB → ${m.after1000TenantsMiB} MiB after 1,000 tenants (${m.perTenantKiB} KiB each) → ${m.after100kRequestsMiB} MiB after 100k requests (heap ${m.heapAfterMiB} MiB)`,
    )
  }
}

async function mswCost(n: number) {
  const product = CATALOG[0]!
  const once = async (doFetch: () => Promise<Response>) => {
    const t0 = performance.now()
    for (let i = 0; i < n; i++) await (await doFetch()).arrayBuffer()
    return ((performance.now() - t0) * 1000) / n
  }
  // Both faces in one interceptor setup, measured in alternating rounds (best of 5),
  // so JIT warm-up and GC do not favour whichever runs first.
  const { handlers } = createVendorHandlers({ vendors: ['digipix'] })
  const server = setupServer(
    http.get('https://bare.test/v1/products/:id', () => HttpResponse.json(product)),
    ...handlers,
  )
  server.listen({ onUnhandledRequest: 'error' })
  const tok = await (
    await fetch('https://api.digipix.dev/v1/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: DIGIPIX_TOKEN_BODY,
    })
  ).json()
  const headers = { authorization: `Bearer ${tok.access_token}` }
  const bareFetch = () => fetch('https://bare.test/v1/products/photobook', { headers })
  const simFetch = () => fetch('https://api.digipix.dev/v1/products/photobook', { headers })
  await once(bareFetch)
  await once(simFetch)
  const rounds = { bare: [] as number[], sim: [] as number[] }
  for (let r = 0; r < 5; r++) {
    rounds.bare.push(await once(bareFetch))
    rounds.sim.push(await once(simFetch))
  }
  server.close()
  const best = (xs: number[]) => Math.min(...xs)
  const view = (us: number) => ({ us, rps: 1e6 / us })
  return { sim: view(best(rounds.sim)), bare: view(best(rounds.bare)) }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
