/**
 * The simulators the scale section measures, at each size: a Digipix tenant with its orders and a
 * ShipHero tenant with its products seeded straight into the store, and the operations timed on
 * them, each sent through the vendor's API. Also what a record costs on the heap, seeded and (for
 * a Digipix order) placed through the API.
 */
import { createSim, type Sim } from '../mocks/core/index.ts'
import { ORDER } from '../test/harness/digipix-sim.ts'
import { digipix } from '../mocks/digipix/index.ts'
import type { DigipixState, OrderRecord } from '../mocks/digipix/store.ts'
import { shiphero } from '../mocks/shiphero/index.ts'
import { DIGIT_DEFAULT_CREDENTIALS, digit } from '../mocks/digit/index.ts'
import type { DigitState } from '../mocks/digit/store.ts'
import type { DigiKeyState } from '../mocks/digikey/store.ts'
import { HOST as DIGIKEY, placedOrder } from '../test/harness/digikey-sim.ts'
import type { ShipHeroState } from '../mocks/shiphero/store.ts'

export const SIZES = [1_000, 10_000, 100_000]
/** Orders placed through the API to measure what one costs with its planned lifecycle step. */
export const PLACED = 10_000
/** Orders placed first, before the count starts. */
const WARM = 1_000
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

/** One size's operations: each runs `n` requests and gives their µs. */
export type Ops = Record<string, (n: number) => Promise<number[]>>

const DIGIPIX = 'https://api.digipix.dev'

/** A fresh Digipix simulator with a token of every scope, and a way to place an (approved) order. */
export async function digipixSession() {
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
  // The unit tests' order of one mug, approved at once (a shipping method chosen).
  const order = { ...ORDER, shipmentMethodId: 1 }
  const create = () => sim.fetch(`${DIGIPIX}/v1/orders`, json(order, auth)).then((r) => r.json())
  return { sim, auth, create }
}

export async function digipixAt(size: number) {
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
  return { ops, perRecord }
}

/**
 * What a Digipix order costs placed as clients place it, in a simulator of its own: its record
 * and index entries plus the lifecycle step it plans on the tenant clock, which a row seeded into
 * the table does not have. The count starts once the journal (the last 500 answers) is full.
 */
export async function placedOrderBytes() {
  const { sim, create } = await digipixSession()
  const tenant = await sim.control.tenant()
  for (let i = 0; i < WARM; i++) await create()
  const placed = tenant.state.orders.count()
  const mark = heapMiB()
  for (let i = 0; i < PLACED; i++) await create()
  const grew = (heapMiB() - mark) * 1024 * 1024
  // The tenant is read after the count: a simulator nothing reads any more is collected by the
  // last forced collection, and its orders would read as a negative cost.
  return grew / (tenant.state.orders.count() - placed)
}

export async function shipheroAt(size: number) {
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
    // Names in no order of their own, so that a page sorted by name is a real sort.
    await tenant.state.products.insert({
      ...template,
      id,
      sku: `SCALE-${i}`,
      name: `Product ${(i * 7919) % size}`,
    })
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
    sortedPage: (k) =>
      time(Math.ceil(k / 2), () =>
        gql('{ products { data(first: 20, sort: "-name") { edges { node { id sku name } } } } }'),
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
 * A Digit tenant with `size` sales orders in its primary account (order dates in no order of their
 * own), and its orders listed by order date, newest first, and newest placed first.
 */
export async function digitAt(size: number) {
  const sim = createSim(digit) as unknown as Sim<DigitState>
  const tenant = await sim.control.tenant()
  const template = tenant.state.orders.lookup('account', 'primary')[0]!
  for (let i = tenant.state.orders.count(); i < size; i++)
    await tenant.state.orders.insert({
      ...template,
      id: `scale-order-${i}`,
      number: 100_000 + i,
      orderDate: template.orderDate - ((i * 7919) % size) * 60_000,
    })
  const query = (order: string) =>
    JSON.stringify({
      query: `{ orders(connection: { first: 20 }, order: ${order}) { nodes { id orderDate } } }`,
    })
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${DIGIT_DEFAULT_CREDENTIALS.token}`,
  }
  const list = (body: string) => () =>
    sim
      .fetch('https://api.digit-software.com/graphql', { method: 'POST', headers, body })
      .then((r) => r.arrayBuffer())
  const byDate = list(query('{ by: orderDate, direction: desc }'))
  const newest = list(query('{ by: createdAt, direction: desc }'))
  const ops: Ops = {
    byDate: (n) => time(Math.ceil(n / 2), byDate),
    newest: (n) => time(Math.ceil(n / 2), newest),
  }
  return { ops }
}

/**
 * A DigiKey sandbox with `size` sales orders entered over the last 1,000 days, and the Order Status
 * list of the default window (the last month), first page.
 */
export async function digikeyAt(size: number) {
  const { sim, auth, id } = await placedOrder()
  const tenant = await (sim as unknown as Sim<DigiKeyState>).control.tenant()
  const template = tenant.state.salesOrders.get(id)!
  const now = tenant.clock.now()
  for (let i = 1; i < size; i++)
    await tenant.state.salesOrders.insert({
      ...structuredClone(template),
      id: id + i * 10,
      orderNumber: template.orderNumber + i * 10,
      enteredAt: now - Math.floor((i / size) * 1000) * 86_400_000,
    })
  const list = () =>
    sim.fetch(`${DIGIKEY}/orderstatus/v4/orders`, { headers: auth }).then((r) => r.arrayBuffer())
  const ops: Ops = { list: (n) => time(Math.ceil(n / 2), list) }
  return { ops }
}
