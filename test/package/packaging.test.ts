import { execFile, spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>
}
const SUBPATHS = Object.keys(pkg.exports).filter((k) => k !== './package.json')
const specifier = (sub: string) => (sub === '.' ? 'vendorsim' : `vendorsim/${sub.slice(2)}`)

/**
 * What a user gets from npm: the packed tarball installed into a scratch project (offline), then (a) plain node imports every export and runs a Digipix order through the
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
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    )
    // Offline "install": the tarball unpacked as node_modules/vendorsim, its declared dependencies
    // (and the consumer's own tools) linked from this checkout. A file of the package that imports
    // something it does not declare finds nothing, as in a real install.
    const modules = join(dir, 'node_modules')
    mkdirSync(join(modules, 'vendorsim'), { recursive: true })
    await run('tar', ['-xzf', tarball, '-C', join(modules, 'vendorsim'), '--strip-components=1'])
    const installed = JSON.parse(readFileSync(join(modules, 'vendorsim/package.json'), 'utf8')) as {
      dependencies: Record<string, string>
      bin: Record<string, string>
    }
    for (const name of [
      ...Object.keys(installed.dependencies),
      'vitest',
      'typescript',
      '@types/node',
    ]) {
      mkdirSync(dirname(join(modules, name)), { recursive: true })
      symlinkSync(join(ROOT, 'node_modules', name), join(modules, name), 'dir')
    }
    mkdirSync(join(modules, '.bin'))
    for (const [bin, target] of Object.entries({
      ...installed.bin,
      vitest: '../vitest/vitest.mjs',
      tsc: '../typescript/bin/tsc',
    })) {
      const path = target.startsWith('../') ? target : `../vendorsim/${target.replace(/^\.\//, '')}`
      symlinkSync(path, join(modules, '.bin', bin))
    }
  }, 180_000)
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('(a) plain node imports every export and places a Digipix order against createSim', async () => {
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
console.log(JSON.stringify({ id: order.id, status: order.status }))
`,
    )
    const { stdout } = await run(process.execPath, ['plain.mjs'], { cwd: dir })
    const order = JSON.parse(stdout.trim())
    expect(order.id).toBeTruthy()
    expect(order.status).toBeTruthy()
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
    for (const resolution of ['NodeNext', 'Bundler'] as const) {
      writeFileSync(
        join(dir, 'tsconfig.json'),
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
      const result = await run(join(dir, 'node_modules/.bin/tsc'), ['-p', '.'], { cwd: dir }).catch(
        (err: { stdout: string }) => ({ stdout: err.stdout, failed: true }),
      )
      expect(result.stdout, `${resolution}: ${result.stdout.slice(0, 2000)}`).toBe('')
    }
  }, 120_000)

  it('(d) npx vendorsim serve --port 0 answers, from compiled JavaScript', async () => {
    // Its own process group, so the server npx starts goes with it.
    const child = spawn('npx', ['vendorsim', 'serve', '--port', '0', '--quiet'], {
      cwd: dir,
      detached: true,
    })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (d) => {
          out += d
          const m = /listening on (http:\/\/\S+)/.exec(out)
          if (m) resolve(m[1]!)
        })
        child.once('exit', (code) => reject(new Error(`npx vendorsim exited with ${code}`)))
      })
      const index = await (await fetch(`${url}/`)).json()
      expect(index.vendors).toHaveLength(5)
    } finally {
      process.kill(-child.pid!, 'SIGTERM')
    }
  }, 60_000)
})
