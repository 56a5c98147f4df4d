import { execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listeningUrl } from '../harness/targets.ts'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>
}
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, Record<string, unknown> & { version: string }>
}
const SUBPATHS = Object.keys(pkg.exports).filter((k) => k !== './package.json')
const specifier = (sub: string) => (sub === '.' ? 'vendorsim' : `vendorsim/${sub.slice(2)}`)

/**
 * What a user gets from npm: the packed tarball installed into a scratch project offline, from the
 * local npm cache (`npm ci --offline` with a lockfile made from this checkout's), then (a) plain node imports every export and runs a Digipix order through the
 * client against `createSim`, (b) a vitest test uses `setupServer` with `vendorsim/msw`, (c) `tsc`
 * with `strict` and `skipLibCheck: false` passes under NodeNext and Bundler resolution, and (d)
 * `npx vendorsim serve --port 0` answers. Skipped until `npm run build` has made `dist/`.
 */
describe.skipIf(!existsSync(join(ROOT, 'dist/bundle/server.js')))('the packed package', () => {
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vendorsim-consumer-'))
    const packed = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], {
      cwd: ROOT,
    })
    const tarball = join(dir, packed.stdout.trim().split('\n').at(-1)!)
    // An offline install from the local npm cache: the scratch project's lockfile names the tarball
    // and, for everything else, the exact versions, tarball URLs and integrities of this checkout's
    // lockfile (the packages `npm ci` put in the cache), so `npm ci --offline` needs no registry.
    const tar = readFileSync(tarball)
    const packedJson = JSON.parse(
      (await run('tar', ['-xzOf', tarball, 'package/package.json'])).stdout,
    ) as { version: string; dependencies: Record<string, string>; bin: Record<string, string> }
    const tools = ['vitest', 'typescript', '@types/node']
    const rootDeps: Record<string, string> = {
      vendorsim: `file:${basename(tarball)}`,
      ...Object.fromEntries(tools.map((t) => [t, lock.packages[`node_modules/${t}`]!.version])),
    }
    const packages: Record<string, Record<string, unknown>> = {
      '': { name: 'consumer', dependencies: rootDeps },
      'node_modules/vendorsim': {
        version: packedJson.version,
        resolved: `file:${basename(tarball)}`,
        integrity: `sha512-${createHash('sha512').update(tar).digest('base64')}`,
        dependencies: packedJson.dependencies,
        bin: packedJson.bin,
      },
    }
    // Every package the tarball's dependencies and the tools need, found as Node would find them.
    const find = (from: string, name: string): string | undefined => {
      for (let at = from; ; ) {
        const path = at ? `${at}/node_modules/${name}` : `node_modules/${name}`
        if (lock.packages[path]) return path
        if (!at) return undefined
        const i = at.lastIndexOf('/node_modules/')
        at = i === -1 ? '' : at.slice(0, i)
      }
    }
    const queue = [...Object.keys(packedJson.dependencies), ...tools].map((n) => find('', n)!)
    while (queue.length) {
      const path = queue.shift()!
      if (packages[path]) continue
      const { dev: _dev, devOptional: _devOptional, ...entry } = lock.packages[path]!
      packages[path] = entry
      const deps = { ...(entry.dependencies as object), ...(entry.optionalDependencies as object) }
      for (const name of Object.keys(deps)) {
        const found = find(path, name)
        if (found && !packages[found]) queue.push(found)
      }
    }
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: rootDeps }),
    )
    writeFileSync(
      join(dir, 'package-lock.json'),
      JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }),
    )
    await run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: dir,
      timeout: 120_000,
    })
  }, 180_000)
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('(a) plain node imports every export, places a Digipix order and queries Digit against createSim', async () => {
    writeFileSync(
      join(dir, 'plain.mjs'),
      `
for (const s of ${JSON.stringify(SUBPATHS.map(specifier))}) await import(s)
const { createSim } = await import('vendorsim')
const { digipix } = await import('vendorsim/vendors/digipix')
const { createDigipixClient } = await import('vendorsim/clients/digipix')
const sim = createSim(digipix, { seed: 'consumer' })
const creds = sim.control.credentials()
const client = createDigipixClient({ baseUrl: 'https://api.digipix.dev', fetch: sim.fetch, clientId: creds.clientId, clientSecret: creds.clientSecret })
const order = await client.orders.create({
  recipient: { name: 'Ana', address: { street: 'Av. Paulista', number: '1578', neighborhood: 'Bela Vista', city: 'São Paulo', state: 'SP', zipCode: '01310-200' } },
  items: [{ productId: 'photobook', quantity: 1 }],
  shipmentMethodId: 1,
})
// A GraphQL vendor loads graphql-js, its endpoint and its schema with the first document.
const { digit } = await import('vendorsim/vendors/digit')
const { createDigitClient } = await import('vendorsim/clients/digit')
const digitSim = createSim(digit, { seed: 'consumer' })
const org = await createDigitClient({ token: digitSim.control.credentials().token, fetch: digitSim.fetch }).organization()
console.log(JSON.stringify({ id: order.id, status: order.status, organization: org.id }))
`,
    )
    const { stdout } = await run(process.execPath, ['plain.mjs'], { cwd: dir })
    const order = JSON.parse(stdout.trim())
    expect(order.id).toBeTruthy()
    expect(order.status).toBeTruthy()
    expect(order.organization).toMatch(/^org_/)
  })

  it('(b) a vitest test in the consumer uses setupServer with vendorsim/msw', async () => {
    writeFileSync(
      join(dir, 'vendor.test.ts'),
      `
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createVendorHandlers } from 'vendorsim/msw'

const { handlers } = createVendorHandlers({ vendors: ['stitchex'] })
const server = setupServer(...handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

it('talks to Stitchex through MSW', async () => {
  const res = await fetch('https://api.uphance.com/oauth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'dev@stitchex-demo.test', password: 'stitchex-dev-password', grant_type: 'password' }),
  })
  expect(res.status).toBe(200)
  expect((await res.json()).token_type).toBe('Bearer')
})
`,
    )
    const { stdout } = await run(join(dir, 'node_modules/.bin/vitest'), ['run', 'vendor.test.ts'], {
      cwd: dir,
      env: { ...process.env, CI: '1' },
    })
    expect(stdout).toMatch(/1 passed/)
  }, 60_000)

  it('(c) tsc --noEmit passes with strict, skipLibCheck false, NodeNext and Bundler', async () => {
    writeFileSync(
      join(dir, 'consumer.ts'),
      `${SUBPATHS.map((s, i) => `import * as m${i} from '${specifier(s)}'`).join('\n')}
import { createSim } from 'vendorsim'
import { digit } from 'vendorsim/vendors/digit'
import { createDigitClient } from 'vendorsim/clients/digit'
export const all = [${SUBPATHS.map((_, i) => `m${i}`).join(', ')}]
const sim = createSim(digit, { seed: 1 })
export const client = createDigitClient({ token: sim.control.credentials().token, fetch: sim.fetch })
`,
    )
    // Both resolutions at once (two configs, two processes).
    await Promise.all(
      (['NodeNext', 'Bundler'] as const).map(async (resolution) => {
        writeFileSync(
          join(dir, `tsconfig.${resolution}.json`),
          JSON.stringify({
            compilerOptions: {
              strict: true,
              skipLibCheck: false,
              noEmit: true,
              target: 'ES2022',
              module: resolution === 'NodeNext' ? 'NodeNext' : 'ESNext',
              moduleResolution: resolution,
              lib: ['ES2023', 'DOM'],
              types: ['node'],
            },
            files: ['consumer.ts'],
          }),
        )
        const result = await run(
          join(dir, 'node_modules/.bin/tsc'),
          ['-p', `tsconfig.${resolution}.json`],
          {
            cwd: dir,
          },
        ).catch((err: { stdout: string }) => ({ stdout: err.stdout }))
        expect(result.stdout, `${resolution}: ${result.stdout.slice(0, 2000)}`).toBe('')
      }),
    )
  }, 120_000)

  it('(d) npx vendorsim serve --port 0 answers, from compiled JavaScript', async () => {
    // Its own process group, so the server npx starts goes with it.
    const child = spawn('npx', ['vendorsim', 'serve', '--port', '0', '--quiet'], {
      cwd: dir,
      detached: true,
    })
    try {
      const url = await listeningUrl(child)
      const index = await (await fetch(`${url}/`)).json()
      expect(index.vendors).toHaveLength(5)
    } finally {
      process.kill(-child.pid!, 'SIGTERM')
    }
  }, 60_000)
})
