/**
 * The scale section of `npm run bench` (or alone: `node --expose-gc --import tsx bench/scale.ts`):
 * per-request latency of the operations that must not grow with the data, at 1k, 10k and 100k
 * records, in-process (no network), with the growth factor 1k → 100k (goal ≤ 1.5×) and the
 * memory each record costs. Records are seeded straight into the store, then every measured
 * operation goes through the vendor's API (the simulators and their operations, at each size, are
 * in `scale-sizes.ts`).
 */
import { median } from './processes.ts'
import {
  digikeyAt,
  digipixAt,
  digitAt,
  digipixSession,
  PLACED,
  placedOrderBytes,
  shipheroAt,
  SIZES,
  type Ops,
} from './scale-sizes.ts'

/**
 * Median µs of each operation at each size. The sizes take turns, a few requests of every
 * operation at a time, after a round that warms every path up: a machine whose speed drifts
 * from minute to minute moves every column alike, instead of reading as growth.
 */
async function measure(sizes: Array<{ ops: Ops }>, perRound: number, rounds = 5) {
  const samples = sizes.map(() => new Map<string, number[]>())
  for (const size of sizes) for (const op of Object.values(size.ops)) await op(4)
  for (let r = 0; r < rounds; r++)
    for (const [i, size] of sizes.entries())
      for (const [name, op] of Object.entries(size.ops))
        samples[i]!.set(name, [...(samples[i]!.get(name) ?? []), ...(await op(perRound))])
  return samples.map((m) => Object.fromEntries([...m].map(([k, v]) => [k, median(v)])))
}

/** One clock step that moves every order (APPROVED → NEW): µs per due task, and the longest the event loop went unanswered. */
async function clockStep(orders: number) {
  const { sim, create } = await digipixSession()
  for (let i = 0; i < orders; i++) await create()
  let last = performance.now()
  let worst = 0
  const probe = setInterval(() => {
    const t = performance.now()
    worst = Math.max(worst, t - last)
    last = t
  }, 1)
  const started = performance.now()
  await sim.control.advance(600)
  const total = performance.now() - started
  await new Promise((r) => setTimeout(r, 5))
  clearInterval(probe)
  return { perTask: (total * 1000) / orders, blockMs: worst }
}

const fmt = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(1)} ms` : `${Math.round(us)} µs`)
const growth = (rows: Array<Record<string, number>>, key: string) =>
  `${(rows[2]![key]! / rows[0]![key]!).toFixed(1)}×`

export async function scaleSection() {
  // One vendor's simulators at a time: the other's records would weigh on its collections.
  const { dp, dpRecord } = await (async () => {
    const sizes = []
    for (const size of SIZES) sizes.push(await digipixAt(size))
    return {
      dp: await measure(sizes, 40),
      dpRecord: sizes[2]!.perRecord,
    }
  })()
  // Once the sizes above are gone: collected during the count, they would read as a negative cost.
  const dpPlaced = await placedOrderBytes()
  const { sh, shRecord } = await (async () => {
    const sizes = []
    for (const size of SIZES) sizes.push(await shipheroAt(size))
    return { sh: await measure(sizes, 20), shRecord: sizes[2]!.perRecord }
  })()
  const dg = await measure(await Promise.all(SIZES.map(digitAt)), 20)
  const dk = await measure(await Promise.all(SIZES.map(digikeyAt)), 10)
  const line = (
    label: string,
    rows: Array<Record<string, number>>,
    key: string,
    goal = '(goal ≤ 1.5×)',
  ) =>
    console.log(
      `  ${label.padEnd(44)} ${rows.map((r) => fmt(r[key]!).padStart(9)).join(' ')}   growth ${growth(rows, key).padStart(6)}  ${goal}`,
    )
  console.log(
    `\nScale (in-process, median per request at ${SIZES.map((s) => `${s / 1000}k`).join(' / ')} records; the sizes take turns, 5 rounds)`,
  )
  line('Digipix GET /v1/orders/{id}', dp, 'get')
  line('Digipix POST /v1/orders', dp, 'post')
  line('Digipix PATCH cancel', dp, 'cancel')
  line('Digipix GET /_sandbox/state (page 1)', dp, 'state')
  line('ShipHero product(sku) (the last)', sh, 'bySku')
  line('ShipHero products(first: 20)', sh, 'firstPage')
  line('ShipHero products(last: 20)', sh, 'lastPage')
  line('ShipHero product_create', sh, 'create')
  line('ShipHero products(first: 20, sort: "-name")', sh, 'sortedPage')
  line('Digit orders by orderDate, newest first', dg, 'byDate')
  line('Digit orders newest placed first', dg, 'newest')
  line('DigiKey order list, the last month', dk, 'list', "(no goal: a pass over the month's ~3 %)")
  for (const orders of [6_500, 14_300]) {
    const step = await clockStep(orders)
    console.log(
      `  one clock step moving ${orders.toLocaleString('en')} orders: ${Math.round(step.perTask)} µs per due task (goal ≤ 50 µs), longest event-loop block ${Math.round(step.blockMs)} ms (goal ≈ 50 ms)`,
    )
  }
  console.log(
    `  memory per record seeded into the table: Digipix order ${Math.round(dpRecord)} B (goal ≤ 2,048 B), ShipHero product ${Math.round(shRecord)} B`,
  )
  console.log(
    `  a Digipix order placed through the API (with its planned lifecycle step; ${PLACED.toLocaleString('en')} orders): ${Math.round(dpPlaced)} B (goal ≤ 2,048 B)`,
  )
}

if (import.meta.url === `file://${process.argv[1]}`) await scaleSection()
