/**
 * The Prism rows of `npm run bench -- http`, when BENCH_PRISM names a prism binary.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { killTree, load, ROUNDS, type Server } from './processes.ts'
import type { Row } from './setup.ts'

/**
 * With BENCH_PRISM=<path of a prism binary> (Stoplight Prism is not a dependency: install it
 * anywhere, e.g. `npm i --prefix /tmp/prism @stoplight/prism-cli`), the Digipix GET and POST rows
 * also run against `prism mock` of the simulator's OpenAPI document, in alternating rounds.
 */
export async function againstPrism(sim: Server, rows: Row[]) {
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
