/**
 * `npm run bench`: vendorsim against a bare Hono baseline, in the same run,
 * with the same load generator (autocannon in a process of its own: same connections and duration).
 *
 *   BENCH_DURATION=5 BENCH_CONNECTIONS=10 npm run bench
 *
 * Reports requests/s, p50/p99 latency and the ratio to the baseline for
 * authenticated GET /v1/products/{id}, POST /v1/orders (flow 3) and ShipHero's
 * products(first: 20) query (against bare Hono + graphql-js with a document cache,
 * and a naive endpoint that parses every request), DigiKey's authenticated
 * GET /orderstatus/v4/salesorder/{id}, the MSW
 * face's cost per request against bare MSW, and cold start (spawn → first
 * answered request). Figures are for reading, not assertions.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { CATALOG } from '../fixtures/digipix/catalog.ts'
import { createVendorHandlers } from '../mocks/msw.ts'
import { listeningUrl } from '../test/harness/targets.ts'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
/** The token request the rows that need a Digipix token send (the default tenant's credentials). */
const DIGIPIX_TOKEN_BODY = JSON.stringify({
  client_id: 'digipix-dev-client',
  client_secret: 'digipix-dev-secret',
  grant_type: 'client_credentials',
  scope: ['products'],
})
const AUTOCANNON = fileURLToPath(
  new URL('../node_modules/autocannon/autocannon.js', import.meta.url),
)
const DURATION = Number(process.env.BENCH_DURATION ?? 5)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)

async function start(
  script: string,
  args: string[] = [],
  firstRequest?: (url: string) => Promise<Response>,
): Promise<{ url: string; child: ChildProcess; startedMs: number; stop(): Promise<void> }> {
  const t0 = performance.now()
  const child = spawn(
    process.execPath,
    script === 'server.ts' && existsSync(`${ROOT}dist/bundle/server.js`)
      ? ['dist/bundle/server.js', ...args]
      : ['--import', 'tsx', script, ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const url = await listeningUrl(child, 60_000)
  // Cold start ends at the first answered request, not at the log line.
  for (;;) {
    try {
      const res = await (firstRequest ? firstRequest(url) : fetch(`${url}/`))
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

interface Load {
  rps: number
  p50: number
  p99: number
  errors: number
  non2xx: number
}

/**
 * One load run from a process of its own (the autocannon CLI), so the generator shares an event
 * loop with neither the bench nor the servers: in-process, it capped the bare side and flattered
 * the ratios.
 */
async function load(opts: {
  url: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
}): Promise<Load> {
  const args = [
    AUTOCANNON,
    '--json',
    '-c',
    String(CONNECTIONS),
    '-d',
    String(DURATION),
    '-m',
    opts.method ?? 'GET',
    ...Object.entries(opts.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}=${v}`]),
    ...(opts.body !== undefined ? ['-b', opts.body] : []),
    opts.url,
  ]
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] })
    let text = ''
    child.stdout!.on('data', (d) => (text += d))
    child.once('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`autocannon exited with ${code}`)),
    )
  })
  const r = JSON.parse(out) as {
    requests: { average: number }
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
  }
}

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

/** A process and its descendants (Linux `ps`): pid → resident KiB. */
function processTree(root: number): Map<number, number> {
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

/** Resident memory of a process and its descendants, in MiB. */
const treeRssMiB = (root: number) =>
  [...processTree(root).values()].reduce((kib, rss) => kib + rss, 0) / 1024

/** Idle RSS of the whole tree `npm start` makes (npm, its shell, the server), every vendor loaded. */
async function npmStartRss(): Promise<number | undefined> {
  const child = spawn('npm', ['start', '--', '--port', '0', '--clock', 'frozen', '--quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  try {
    const url = await listeningUrl(child, 60_000)
    await Promise.all(VENDOR_PROBES.map(async (p) => (await p(url)).arrayBuffer()))
    await new Promise((r) => setTimeout(r, 1000))
    return treeRssMiB(child.pid!)
  } catch {
    return undefined
  } finally {
    for (const pid of [...processTree(child.pid!).keys()].reverse()) {
      try {
        process.kill(pid, 'SIGTERM')
      } catch {
        // already gone
      }
    }
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })

async function main() {
  console.log(
    `vendorsim bench — autocannon, ${CONNECTIONS} connections × ${DURATION} s per row, Node ${process.version}\n`,
  )

  // Cold start: three spawns each, median — to the first answer, and to every vendor answering
  // one of its own requests (its module, schema and default tenant loaded on that request).
  const cold = {
    sim: [] as number[],
    every: [] as number[],
    bare: [] as number[],
    rss: [] as number[],
  }
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
  for (let i = 0; i < 3; i++) {
    const s = await start('server.ts', ['serve', '--port', '0', '--clock', 'frozen', '--quiet'])
    cold.sim.push(s.startedMs)
    await s.stop()
    const v = await start(
      'server.ts',
      ['serve', '--port', '0', '--clock', 'frozen', '--quiet'],
      everyVendor,
    )
    cold.every.push(v.startedMs)
    await new Promise((r) => setTimeout(r, 1000))
    cold.rss.push(treeRssMiB(v.child.pid!))
    await v.stop()
    const b = await start('bench/bare-server.ts')
    cold.bare.push(b.startedMs)
    await b.stop()
  }
  const npmTree = await npmStartRss()

  const sim = await start('server.ts', ['serve', '--port', '0', '--clock', 'frozen', '--quiet'])
  const bare = await start('bench/bare-server.ts')
  const base = `${sim.url}/digipix`
  const tokenRes = await fetch(`${base}/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_id: 'digipix-dev-client',
      client_secret: 'digipix-dev-secret',
      grant_type: 'client_credentials',
      scope: ['orders', 'products'],
    }),
  })
  const { access_token } = (await tokenRes.json()) as { access_token: string }
  const auth = { authorization: `Bearer ${access_token}` }
  const orderBody = JSON.stringify({
    recipient: {
      name: 'Ana Souza',
      address: {
        street: 'Avenida Paulista',
        number: '1578',
        neighborhood: 'Bela Vista',
        city: 'São Paulo',
        state: 'SP',
        zipCode: '01310-200',
      },
    },
    items: [{ productId: 'photobook', quantity: 2 }],
    shipmentMethodId: 1,
  })
  const json = { 'content-type': 'application/json' }

  // Warm both, then measure each pair back to back.
  await load({ url: `${bare.url}/v1/products/photobook` })
  await load({ url: `${base}/v1/products/photobook`, headers: auth })
  const rows: Array<{ name: string; sim: Load; bare: Load; target: number | null }> = []
  rows.push({
    name: 'GET /v1/products/{id} (auth)',
    bare: await load({ url: `${bare.url}/v1/products/photobook` }),
    sim: await load({ url: `${base}/v1/products/photobook`, headers: auth }),
    target: 0.85,
  })
  rows.push({
    name: 'POST /v1/orders (flow 3)',
    bare: await load({
      url: `${bare.url}/v1/orders`,
      method: 'POST',
      headers: json,
      body: orderBody,
    }),
    sim: await load({
      url: `${base}/v1/orders`,
      method: 'POST',
      headers: { ...json, ...auth },
      body: orderBody,
    }),
    target: 0.8,
  })

  // ShipHero: the primer's products query (first: 20) against bare Hono + graphql-js with a document cache.
  const shTokenRes = await fetch(`${sim.url}/shiphero/auth/token`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: 'dev@northwind-3pl.test', password: 'shiphero-dev-password' }),
  })
  const shAuth = {
    authorization: `Bearer ${((await shTokenRes.json()) as { access_token: string }).access_token}`,
  }
  // The bench user must not run out of credits: lift the bucket and the request cap for this run.
  await fetch(`${sim.url}/shiphero/_sandbox/throttle`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      capacity: 1_000_000_000,
      refillPerSecond: 1_000_000_000,
      requestCap: 1_000_000_000,
    }),
  })
  const gqlBody = JSON.stringify({
    query:
      'query { products { complexity request_id data(first: 20) { edges { node { id sku name warehouse_products { id warehouse_id on_hand } } } } } }',
  })
  await load({ url: `${bare.url}/graphql`, method: 'POST', headers: json, body: gqlBody })
  await load({
    url: `${sim.url}/shiphero/graphql`,
    method: 'POST',
    headers: { ...json, ...shAuth },
    body: gqlBody,
  })
  rows.push({
    name: 'ShipHero products(first: 20)',
    bare: await load({ url: `${bare.url}/graphql`, method: 'POST', headers: json, body: gqlBody }),
    sim: await load({
      url: `${sim.url}/shiphero/graphql`,
      method: 'POST',
      headers: { ...json, ...shAuth },
      body: gqlBody,
    }),
    target: 1,
  })
  const naive = await load({
    url: `${bare.url}/graphql-naive`,
    method: 'POST',
    headers: json,
    body: gqlBody,
  })

  // Digit: items(connection: { first: 20 }) against bare Hono + graphql-js (Digit schema, document cache).
  const digitAuth = { ...json, authorization: 'Bearer da_Kt0LoBSJV49E2JI1gmPAmNUHekdzqr1HygTKRgTn' }
  for (let i = 0; i < 14; i++)
    await fetch(`${sim.url}/digit/graphql`, {
      method: 'POST',
      headers: digitAuth,
      body: JSON.stringify({
        query: 'mutation ($i: CreateItemInput!) { createItem(input: $i) { item { id } } }',
        variables: {
          i: {
            name: `Bench ${i}`,
            sku: `bench-${i}`,
            defaultStockUomId: '01917ac4-8836-7141-9a22-008e3c1d65bd',
          },
        },
      }),
    })
  const digitBody = JSON.stringify({
    query:
      'query { items(connection: { first: 20 }) { totalCount pageInfo { hasNextPage endCursor } nodes { id name sku defaultStockUom { name } defaultSalesPrice { costAmount currency { code } } } } }',
  })
  await load({ url: `${bare.url}/digit-graphql`, method: 'POST', headers: json, body: digitBody })
  await load({
    url: `${sim.url}/digit/graphql`,
    method: 'POST',
    headers: digitAuth,
    body: digitBody,
  })
  rows.push({
    name: 'Digit items(first: 20)',
    bare: await load({
      url: `${bare.url}/digit-graphql`,
      method: 'POST',
      headers: json,
      body: digitBody,
    }),
    sim: await load({
      url: `${sim.url}/digit/graphql`,
      method: 'POST',
      headers: digitAuth,
      body: digitBody,
    }),
    target: 1,
  })

  // Stitchex: an authenticated GET /skus?page=2 (token and current organisation checked) against a bare route.
  const sxToken = (
    (await (
      await fetch(`${sim.url}/stitchex/oauth/token`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          email: 'dev@stitchex-demo.test',
          password: 'stitchex-dev-password',
          grant_type: 'password',
        }),
      })
    ).json()) as { access_token: string }
  ).access_token
  const sxAuth = { authorization: `Bearer ${sxToken}` }
  await fetch(`${sim.url}/stitchex/organisations/set_current_org`, {
    method: 'POST',
    headers: { ...json, ...sxAuth },
    body: JSON.stringify({ organizationId: 9579 }),
  })
  await load({ url: `${bare.url}/skus?page=2` })
  await load({ url: `${sim.url}/stitchex/skus?page=2`, headers: sxAuth })
  rows.push({
    name: 'Stitchex GET /skus?page=2',
    bare: await load({ url: `${bare.url}/skus?page=2` }),
    sim: await load({ url: `${sim.url}/stitchex/skus?page=2`, headers: sxAuth }),
    target: 0.85,
  })

  // DigiKey: an authenticated (3-legged) GET /orderstatus/v4/salesorder/{id} of a shipped order. Header
  // checks and token lookup run as usual; the per-minute limit is lifted, or the load would only measure 429s.
  const dk = `${sim.url}/digikey`
  const cid = 'digikey-sandbox-client'
  const granted = (await (
    await fetch(`${dk}/_sandbox/oauth/authorize`, { method: 'POST', headers: json, body: '{}' })
  ).json()) as { code: string; redirect_uri: string }
  const dkTokens = (await (
    await fetch(`${dk}/v1/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: granted.code,
        redirect_uri: granted.redirect_uri,
        client_id: cid,
        client_secret: 'digikey-sandbox-secret',
      }),
    })
  ).json()) as { access_token: string }
  const dkAuth = { authorization: `Bearer ${dkTokens.access_token}`, 'X-DIGIKEY-Client-Id': cid }
  const placed = (await (
    await fetch(`${dk}/Ordering/v3/Orders`, {
      method: 'POST',
      headers: { ...json, ...dkAuth },
      body: JSON.stringify({
        PurchaseOrderNumber: 'PO-BENCH',
        Currency: 'USD',
        ShipMethod: 'USPS ground advantage',
        ShippingContact: {
          Name: 'Ben Hest',
          Address: {
            Company: 'Acme Electronics',
            AddressLineOne: '701 Brooks Ave S',
            City: 'Thief River Falls',
            Province: 'MN',
            PostalCode: '56701',
            Country: 'US',
          },
        },
        LineItems: [{ DigiKeyPartNumber: '311-10.0KHRCT-ND', RequestedQuantity: 1000 }],
      }),
    })
  ).json()) as { SalesOrderId: number }
  await fetch(`${dk}/_sandbox/sales-orders/${placed.SalesOrderId}/status`, {
    method: 'POST',
    headers: json,
    body: '{"status":"Shipped"}',
  })
  await fetch(`${dk}/_sandbox/rate-limits`, {
    method: 'PATCH',
    headers: json,
    body: '{"enabled":false}',
  })
  const dkUrl = `${dk}/orderstatus/v4/salesorder/${placed.SalesOrderId}`
  await load({ url: `${bare.url}/orderstatus/v4/salesorder/88152456` })
  await load({ url: dkUrl, headers: dkAuth })
  rows.push({
    name: 'DigiKey GET salesorder/{id}',
    bare: await load({ url: `${bare.url}/orderstatus/v4/salesorder/88152456` }),
    sim: await load({ url: dkUrl, headers: dkAuth }),
    target: null,
  })
  await sim.stop()
  await bare.stop()

  // The MSW face: sequential in-process requests through MSW's interceptor.
  const msw = await mswCost(1000)

  console.log('HTTP (server process vs bare Hono process, same generator)')
  console.log(
    `${'route'.padEnd(30)} ${'vendorsim req/s'.padStart(16)} ${'p50/p99 ms'.padStart(11)} ${'bare req/s'.padStart(11)} ${'p50/p99 ms'.padStart(11)} ${'ratio'.padStart(7)} ${'target'.padStart(7)}`,
  )
  for (const r of rows) {
    const ratio = r.sim.rps / r.bare.rps
    console.log(
      `${r.name.padEnd(30)} ${fmt(r.sim.rps).padStart(16)} ${`${r.sim.p50}/${r.sim.p99}`.padStart(11)} ${fmt(r.bare.rps).padStart(11)} ${`${r.bare.p50}/${r.bare.p99}`.padStart(11)} ${`${fmt(ratio * 100)} %`.padStart(7)} ${(r.target === null ? '—' : `≥ ${r.target * 100} %`).padStart(7)}`,
    )
    if (r.sim.errors || r.sim.non2xx)
      console.log(`  ! vendorsim: ${r.sim.errors} errors, ${r.sim.non2xx} non-2xx`)
  }
  const shRow = rows.find((r) => r.name.startsWith('ShipHero'))!
  console.log(
    `  ShipHero vs a naive endpoint parsing and validating every request (${fmt(naive.rps)} req/s): ${fmt(shRow.sim.rps / naive.rps, 1)}×  (target ≥ 5×)`,
  )
  console.log('\nMSW face (in-process, sequential fetch of GET /v1/products/photobook)')
  console.log(`  vendorsim handlers  ${fmt(msw.sim.rps)} req/s  ${fmt(msw.sim.us, 1)} µs/req`)
  console.log(`  bare MSW handler    ${fmt(msw.bare.rps)} req/s  ${fmt(msw.bare.us, 1)} µs/req`)
  console.log(
    `  cost of vendorsim   ${fmt(msw.sim.us - msw.bare.us, 1)} µs/req  (ratio ${fmt((msw.sim.rps / msw.bare.rps) * 100)} %)`,
  )
  console.log('\nCold start (compiled bundle, spawn → answered request, median of 3)')
  console.log(
    `  first answer (GET /)            ${fmt(median(cold.sim)).padStart(6)} ms   (target ≤ 250 ms)`,
  )
  console.log(
    `  every vendor answering          ${fmt(median(cold.every)).padStart(6)} ms   (target ≤ 450 ms)`,
  )
  console.log(
    `  idle RSS, server process        ${fmt(median(cold.rss)).padStart(6)} MiB  (every vendor loaded)`,
  )
  console.log(
    `  idle RSS, \`npm start\` tree      ${npmTree === undefined ? '     —' : fmt(npmTree).padStart(6)} MiB  (target ≤ 120 MiB; npm, sh and node)`,
  )
  console.log(`  bare Hono server (tsx)          ${fmt(median(cold.bare)).padStart(6)} ms`)

  // The scale section runs in a process of its own (it holds 100k records per vendor).
  await new Promise<void>((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/scale.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.once('exit', () => resolve())
  })

  console.log(
    '\nMemory (each vendor in its own process: 1,000 minted tenants built, then 100,000 requests with a day passing every 5,000)',
  )
  for (const id of ['digipix', 'shiphero', 'digikey', 'digit', 'stitchex']) {
    const out = await new Promise<string>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', 'bench/memory.ts', id],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
      )
      let text = ''
      child.stdout!.on('data', (d) => (text += d))
      child.once('exit', () => resolve(text))
    })
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
