/**
 * `npm run bench`: vendorsim against a bare Hono baseline, in the same run, with the same load
 * generator (autocannon in a process of its own: same connections and duration).
 *
 *   BENCH_DURATION=5 BENCH_CONNECTIONS=10 BENCH_ROUNDS=3 npm run bench
 *   npm run bench -- http cold     # only these sections (http, msw, cold, scale, memory)
 *
 * Each HTTP row runs in alternating rounds (bare, vendorsim, bare, …) and reports the median
 * round: requests/s, p50/p99 latency, the ratio to the baseline, and each server's CPU time per
 * request (the cost of our own work, steadier than throughput on a shared machine). A row may
 * name a second baseline (ShipHero: a naive GraphQL endpoint), loaded in the same rounds and
 * reported as the median of its per-round ratios. The baseline answers the very pages the
 * simulator gave (bench/setup.ts). Then the MSW face's
 * cost per request against bare MSW, cold start to the first answer and to every vendor
 * answering, idle memory, and the scale and memory sections. Figures are for reading, not
 * assertions.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { coldSection, SERVE } from './cold.ts'
import { mswCost } from './msw-face.ts'
import { againstPrism } from './prism.ts'
import { CONNECTIONS, DURATION, fmt, load, ROOT, ROUNDS, start, type Load } from './processes.ts'
import { prepareRows } from './setup.ts'

const SECTIONS = ['http', 'msw', 'cold', 'scale', 'memory'] as const
const chosen = process.argv.slice(2)
for (const name of chosen)
  if (!(SECTIONS as readonly string[]).includes(name)) {
    console.error(`unknown bench section "${name}"; sections: ${SECTIONS.join(', ')}`)
    process.exit(2)
  }
/** Whether a section runs (all of them when none is named). */
const runs = (section: (typeof SECTIONS)[number]) => chosen.length === 0 || chosen.includes(section)

interface Measured {
  name: string
  target: number | null
  sim: Load
  bare: Load
  ratio: number
  /** The second baseline's median round (ShipHero's naive endpoint), and the simulator's ratio to it. */
  naive?: Load & { ratio: number; simCpuUs: number; target: number }
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
  for (const row of rows) {
    const bareSpec = { ...row.bare, url: `${bare.url}${row.bare.path}` }
    const naiveSpec = row.naive && { ...bareSpec, url: `${bare.url}${row.naive.path}` }
    // Warm both (JIT, caches), then alternate; the median round is the row's figure. A second
    // baseline runs in the same rounds: its ratio is taken within each round, as the first's.
    await load(bareSpec, bare.child.pid!, 2)
    await load(row.sim, sim.child.pid!, 2)
    if (naiveSpec) await load(naiveSpec, bare.child.pid!, 2)
    const rounds: Array<{ sim: Load; bare: Load; naive?: Load }> = []
    for (let r = 0; r < ROUNDS; r++) {
      const b = await load(bareSpec, bare.child.pid!)
      const s = await load(row.sim, sim.child.pid!)
      rounds.push({ bare: b, sim: s, naive: naiveSpec && (await load(naiveSpec, bare.child.pid!)) })
    }
    const median = (of: (round: (typeof rounds)[number]) => number) =>
      [...rounds].sort((x, y) => of(x) - of(y))[Math.floor(rounds.length / 2)]!
    const mid = median((r) => r.sim.rps / r.bare.rps)
    const entry: Measured = {
      name: row.name,
      target: row.target,
      sim: mid.sim,
      bare: mid.bare,
      ratio: mid.sim.rps / mid.bare.rps,
    }
    if (row.naive) {
      const n = median((r) => r.sim.rps / r.naive!.rps)
      entry.naive = {
        ...n.naive!,
        ratio: n.sim.rps / n.naive!.rps,
        simCpuUs: n.sim.cpuUs,
        target: row.naive.target,
      }
    }
    measured.push(entry)
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
  for (const { naive, name } of measured)
    if (naive)
      console.log(
        `  ${name.split(' ')[0]} vs a naive endpoint parsing and validating every request (${fmt(naive.rps)} req/s, ${fmt(naive.cpuUs)} µs/req; median of the same rounds): ${fmt(naive.ratio, 1)}× the throughput, ${fmt(naive.cpuUs / naive.simCpuUs, 1)}× less CPU per request  (target ≥ ${naive.target}×)`,
      )
  console.log(`  bare Hono server (tsx) started in ${fmt(bare.startedMs)} ms`)
  if (prism)
    console.log(
      `\nPrism (${prism.version}, mocking the simulator's own OpenAPI document; median of the rounds)\n  GET /v1/products/{id}: vendorsim ${fmt(prism.get.sim)} req/s, Prism ${fmt(prism.get.prism)} req/s → ${fmt(prism.get.sim / prism.get.prism, 1)}×  (target ≥ 6×)\n  POST /v1/orders:       vendorsim ${fmt(prism.post.sim)} req/s, Prism ${fmt(prism.post.prism)} req/s → ${fmt(prism.post.sim / prism.post.prism, 1)}×  (target ≥ 3×)`,
    )
}

async function mswSection() {
  const msw = await mswCost(200)
  console.log('\nMSW face (in-process, sequential fetch of GET /v1/products/photobook, medians)')
  console.log(`  vendorsim handlers  ${fmt(msw.sim.rps)} req/s  ${fmt(msw.sim.us, 1)} µs/req`)
  console.log(`  bare MSW handler    ${fmt(msw.bare.rps)} req/s  ${fmt(msw.bare.us, 1)} µs/req`)
  console.log(
    `  cost of vendorsim   ${fmt(msw.cost, 1)} µs/req  (median of 25 paired rounds; ratio ${fmt((msw.sim.rps / msw.bare.rps) * 100)} %; target ≤ 100 µs)`,
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

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
