/**
 * The cold-start section of `npm run bench`: the compiled server from spawn to its first answer
 * and to every vendor answering, and the idle memory of the server and of the `npm start` tree.
 */
import { spawn } from 'node:child_process'
import { DIGIT_DEFAULT_CREDENTIALS } from '../mocks/digit/index.ts'
import { listeningUrl } from '../test/harness/targets.ts'
import { fmt, killTree, median, ROOT, start, treeFootprintMiB, treeRssMiB } from './processes.ts'

/**
 * The server's arguments for a bench run: any free port, no banner, and the real clock, as
 * `npm start` runs it (the tenants' clocks follow wall time and the server looks for due effects
 * every second).
 */
export const SERVE = ['serve', '--port', '0', '--quiet']

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

/**
 * A first GraphQL document answered (Digit's static token, so no token request first): what the
 * vendors answering above leave out, graphql-js and a schema loading with the first document.
 */
const firstDocument = (url: string) =>
  fetch(`${url}/digit/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${DIGIT_DEFAULT_CREDENTIALS.token}`,
    },
    body: '{"query":"{ organization { id } }"}',
  })

type Memory = { rss: number; footprint: number }

/**
 * Idle memory of the whole tree `npm start` makes (npm, its shell, the server), every vendor
 * loaded: one second after, and once V8's memory reducer has compacted the heaps of the idle
 * processes (it runs ~8 s after allocation stops, a few times): when the tree has not shrunk for
 * 10 s, at most 45 s.
 */
async function npmStartMemory(): Promise<{ loaded: Memory; settled: Memory } | undefined> {
  const child = spawn('npm', ['start', '--', ...SERVE.slice(1)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  const pid = child.pid!
  const sample = (): Memory => ({ rss: treeRssMiB(pid), footprint: treeFootprintMiB(pid) })
  try {
    const url = await listeningUrl(child, 60_000)
    await Promise.all(VENDOR_PROBES.map(async (p) => (await p(url)).arrayBuffer()))
    await new Promise((r) => setTimeout(r, 1000))
    const loaded = sample()
    let settled = loaded
    for (let s = 1, still = 0; s < 45 && still < 10; s++) {
      await new Promise((r) => setTimeout(r, 1000))
      const now = sample()
      still = now.rss < settled.rss - 0.5 ? 0 : still + 1
      if (now.rss < settled.rss) settled = now
    }
    return { loaded, settled }
  } catch {
    return undefined
  } finally {
    killTree(pid)
  }
}

export async function coldSection() {
  // Three spawns each, median — to the first answer, and to every vendor answering.
  const cold = {
    first: [] as number[],
    every: [] as number[],
    document: [] as number[],
    rss: [] as number[],
  }
  for (let i = 0; i < 3; i++) {
    const s = await start('server.ts', SERVE)
    cold.first.push(s.startedMs)
    await s.stop()
    const v = await start('server.ts', SERVE, { firstRequest: everyVendor })
    cold.every.push(v.startedMs)
    await new Promise((r) => setTimeout(r, 1000))
    cold.rss.push(treeRssMiB(v.child.pid!))
    await v.stop()
    const d = await start('server.ts', SERVE, { firstRequest: firstDocument })
    cold.document.push(d.startedMs)
    await d.stop()
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
    `  first GraphQL query answered    ${fmt(median(cold.document)).padStart(6)} ms   (Digit, with its token: graphql-js and the schema load with the first document)`,
  )
  console.log(
    `  idle RSS, server process        ${fmt(median(cold.rss)).padStart(6)} MiB  (every vendor loaded)`,
  )
  const tree = (m?: Memory) => (m ? `${fmt(m.rss, 1)} / ${fmt(m.footprint, 1)}` : '— / —')
  console.log(
    `  idle \`npm start\` tree (npm, sh, node), RSS summed / footprint:\n` +
      `    every vendor just loaded    ${tree(npmTree?.loaded).padStart(11)} MiB\n` +
      `    settled (heaps compacted)   ${tree(npmTree?.settled).padStart(11)} MiB  (target ≤ 120 MiB; the footprint counts the pages the processes share, the node binary's ~44 MiB resident in each, once)`,
  )
}
