/**
 * The scale section of `npm run bench` (or alone: `node --expose-gc --import tsx bench/scale.ts`):
 * per-request latency of the operations that must not grow with the data, at 1k, 10k and 100k
 * records, in-process (no network), with the growth factor 1k → 100k (goal ≤ 1.5×) and the
 * memory each record costs. Records are seeded straight into the store, then every measured
 * operation goes through the vendor's API.
 */
import { createSim, type Sim } from '../mocks/core/index.ts'
import { digipix } from '../mocks/digipix/index.ts'
import type { DigipixState, OrderRecord } from '../mocks/digipix/store.ts'
import { shiphero } from '../mocks/shiphero/index.ts'
import type { ShipHeroState } from '../mocks/shiphero/store.ts'

const SIZES = [1_000, 10_000, 100_000]
/** Orders placed through the API to measure what one costs with its planned lifecycle step. */
const PLACED = 5_000
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})
const heapMiB = () => {
  ;(globalThis as { gc?: () => void }).gc?.()
  return process.memoryUsage().heapUsed / (1024 * 1024)
}

/** µs of each of `n` sequential runs. */
async function time(n: number, fn: (i: number) => Promise<unknown>) {
  const samples: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn(i)
    samples.push((performance.now() - t) * 1000)
  }
  return samples
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** One size's operations: each runs `n` requests and gives their µs. */
type Ops = Record<string, (n: number) => Promise<number[]>>

const DIGIPIX = 'https://api.digipix.dev'

/** A fresh Digipix simulator with a token of every scope, and a way to place an (approved) order. */
async function digipixSession() {
  const sim = createSim(digipix, { webhooks: { mode: 'record' } }) as unknown as Sim<DigipixState>
  const body = {
    client_id: 'digipix-dev-client',
    client_secret: 'digipix-dev-secret',
    grant_type: 'client_credentials',
    scope: ['orders', 'products', 'quote'],
  }
  const token = (await (await sim.fetch(`${DIGIPIX}/v1/oauth/token`, json(body))).json())
    .access_token
  const auth = { authorization: `Bearer ${token}` }
  const address = {
    street: 's',
    number: '1',
    neighborhood: 'n',
    city: 'c',
    state: 'SP',
    zipCode: '01310200',
  }
  const order = {
    recipient: { name: 'A', address },
    items: [{ productId: 'mug', quantity: 1 }],
    shipmentMethodId: 1,
  }
  const create = () => sim.fetch(`${DIGIPIX}/v1/orders`, json(order, auth)).then((r) => r.json())
  return { sim, auth, create }
}

async function digipixAt(size: number) {
  const { sim, auth, create } = await digipixSession()
  const H = DIGIPIX
  const tenant = await sim.control.tenant()
  const template = (await create()) as { id: string }
  const stored = tenant.state.orders.get(template.id)!
  const before = heapMiB()
  for (let i = tenant.state.orders.count(); i < size; i++)
    await tenant.state.orders.insert({
      ...structuredClone(stored),
      id: `seed${String(i).padStart(16, '0')}`,
    } as OrderRecord)
  const perRecord = ((heapMiB() - before) * 1024 * 1024) / size
  // What an order costs placed as clients place it: its record and index entries plus the
  // lifecycle step it plans, which a row seeded into the table does not have. Measured at the
  // largest size only (the others keep their count); the journal, which keeps the last 500
  // answers, is full before the count starts.
  let perPlaced: number | undefined
  if (size === SIZES.at(-1)) {
    for (let i = 0; i < 600; i++) await create()
    const mark = heapMiB()
    for (let i = 0; i < PLACED; i++) await create()
    perPlaced = ((heapMiB() - mark) * 1024 * 1024) / PLACED
  }
  const ids = tenant.state.orders
    .all()
    .slice(-200)
    .map((o) => o.id)
  const ops: Ops = {
    get: (n) =>
      time(n, (i) =>
        sim
          .fetch(`${H}/v1/orders/${ids[i % ids.length]}`, { headers: auth })
          .then((r) => r.arrayBuffer()),
      ),
    post: (n) => time(n, () => create()),
    async cancel(n) {
      const fresh: string[] = []
      for (let i = 0; i < n; i++) fresh.push(((await create()) as { id: string }).id)
      return time(n, (i) =>
        sim
          .fetch(`${H}/v1/orders/${fresh[i]}`, {
            ...json({ status: 'canceled' }, auth),
            method: 'PATCH',
          })
          .then((r) => r.arrayBuffer()),
      )
    },
    state: (n) =>
      time(Math.ceil(n / 40), () => sim.fetch('/_sandbox/state').then((r) => r.arrayBuffer())),
  }
  return { ops, perRecord, perPlaced }
}

async function shipheroAt(size: number) {
  const sim = createSim(shiphero, { webhooks: { mode: 'record' } }) as unknown as Sim<ShipHeroState>
  const H = 'https://public-api.shiphero.com'
  const token = (
    await (
      await sim.fetch(
        `${H}/auth/token`,
        json({ username: 'dev@northwind-3pl.test', password: 'shiphero-dev-password' }),
      )
    ).json()
  ).access_token
  const auth = { authorization: `Bearer ${token}` }
  await sim.fetch(
    '/_sandbox/throttle',
    json({ capacity: 1_000_000_000, refillPerSecond: 1_000_000, requestCap: 1_000_000_000 }),
  )
  const tenant = await sim.control.tenant()
  const template = tenant.state.products.all()[0]!
  const before = heapMiB()
  for (let i = tenant.state.products.count(); i < size; i++) {
    const id = tenant.state.next.product++
    await tenant.state.products.insert({ ...template, id, sku: `SCALE-${i}` })
  }
  const perRecord = ((heapMiB() - before) * 1024 * 1024) / size
  const gql = (query: string, variables?: Record<string, unknown>) =>
    sim.fetch(`${H}/graphql`, json({ query, variables }, auth)).then((r) => r.json())
  const last = `SCALE-${size - 1}`
  let n = 0
  const ops: Ops = {
    bySku: (k) => time(k, () => gql(`{ product(sku: "${last}") { data { id sku } } }`)),
    firstPage: (k) =>
      time(Math.ceil(k / 2), () =>
        gql('{ products { data(first: 20) { edges { node { id sku } } } } }'),
      ),
    lastPage: (k) =>
      time(Math.ceil(k / 5), () =>
        gql('{ products { data(last: 20) { edges { node { id sku } } } } }'),
      ),
    // The SKU is a variable, as clients send it: one document, parsed once (an inline literal
    // would make each request a new document, and a size whose texts another size had sent
    // would find them parsed).
    create: (k) =>
      time(k, () =>
        gql(
          'mutation ($sku: String!) { product_create(data: { name: "N", sku: $sku, warehouse_products: [] }) { product { id } } }',
          { sku: `NEW-${n++}` },
        ),
      ),
  }
  return { ops, perRecord }
}

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
  const { dp, dpRecord, dpPlaced } = await (async () => {
    const sizes = []
    for (const size of SIZES) sizes.push(await digipixAt(size))
    return {
      dp: await measure(sizes, 40),
      dpRecord: sizes[2]!.perRecord,
      dpPlaced: sizes[2]!.perPlaced!,
    }
  })()
  const { sh, shRecord } = await (async () => {
    const sizes = []
    for (const size of SIZES) sizes.push(await shipheroAt(size))
    return { sh: await measure(sizes, 20), shRecord: sizes[2]!.perRecord }
  })()
  const line = (label: string, rows: Array<Record<string, number>>, key: string) =>
    console.log(
      `  ${label.padEnd(34)} ${rows.map((r) => fmt(r[key]!).padStart(9)).join(' ')}   growth ${growth(rows, key).padStart(6)}  (goal ≤ 1.5×)`,
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
    `  a Digipix order placed through the API (with its planned lifecycle step; ${PLACED.toLocaleString('en')} orders at 100k): ${Math.round(dpPlaced)} B (goal ≤ 2,048 B)`,
  )
}

if (import.meta.url === `file://${process.argv[1]}`) await scaleSection()
