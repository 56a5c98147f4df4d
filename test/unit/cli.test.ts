import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnServer } from '../harness/targets.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['bin/vendorsim.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // The sources as they are now (the built bundle is tested by bundle.test.ts).
    env: { ...process.env, VENDORSIM_FROM_SOURCE: '1', ...env },
    timeout: 60_000,
  })

describe('vendorsim command', () => {
  let server: Awaited<ReturnType<typeof spawnServer>>
  beforeAll(async () => {
    server = await spawnServer()
  })
  afterAll(async () => {
    await server.stop()
  })

  it('binds loopback and lists every vendor at /', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const index = await (await fetch(`${server.url}/`)).json()
    expect(index.vendors.map((v: { id: string }) => v.id)).toContain('digipix')
    const missing = await fetch(`${server.url}/nope/v1`)
    expect(missing.status).toBe(404)
  })

  it('runs the contract suite against a running server and closes with the counts', () => {
    const run = cli([
      'contract',
      '--vendor',
      'digipix',
      '--target',
      'http',
      '--base-url',
      `${server.url}/digipix`,
    ])
    expect(run.stdout).toMatch(/^\d+ passed, 0 failed, 0 skipped$/m)
    expect(run.status).toBe(0)
  })

  it('live without credentials explains what to set and fails, unless --allow-empty', () => {
    const env = { DIGIPIX_BASE_URL: '', DIGIPIX_CLIENT_ID: '', DIGIPIX_CLIENT_SECRET: '' }
    const run = cli(['contract', '--vendor', 'digipix', '--target', 'live'], env)
    expect(run.stdout).toMatch(/set DIGIPIX_BASE_URL, DIGIPIX_CLIENT_ID, DIGIPIX_CLIENT_SECRET/)
    expect(run.stderr).toMatch(/no case ran \(pass --allow-empty to accept that\)/)
    expect(run.status).toBe(1)
    const allowed = cli(
      ['contract', '--vendor', 'digipix', '--target', 'live', '--allow-empty'],
      env,
    )
    expect(allowed.status).toBe(0)
  })

  it('checks the base URL first: nothing there, or another vendor, is one clear line', async () => {
    const closed = cli([
      'contract',
      '--vendor',
      'digipix',
      '--base-url',
      'http://127.0.0.1:9/digipix',
    ])
    expect(closed.status).toBe(1)
    expect(closed.stderr).toMatch(
      /nothing answers at http:\/\/127\.0\.0\.1:9\/digipix: TypeError: fetch failed \(.*\)/,
    )
    const other = cli(['contract', '--vendor', 'digipix', '--base-url', `${server.url}/shiphero`])
    expect(other.status).toBe(1)
    expect(other.stderr).toMatch(/is the shiphero simulator, not digipix/)
    expect(other.stdout).not.toMatch(/✗/)
  })

  it('--reporter junit writes a JUnit file a CI system reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vendorsim-junit-'))
    const file = join(dir, 'digit.xml')
    const run = cli([
      'contract',
      '--vendor',
      'digit',
      '--base-url',
      `${server.url}/digit`,
      '--reporter',
      'junit',
      '--output',
      file,
    ])
    expect(run.status).toBe(0)
    const xml = readFileSync(file, 'utf8')
    expect(xml).toMatch(/^<\?xml version="1\.0"/)
    expect(xml).toMatch(
      /<testsuite name="vendorsim digit contract \(http\)" tests="\d+" failures="0"/,
    )
    expect(xml.match(/<testcase /g)!.length).toBeGreaterThan(10)
  })

  it('help, per-command help and the version answer and exit 0', () => {
    const bare = cli([])
    expect(bare.status).toBe(0)
    expect(bare.stdout).toMatch(/Usage:/)
    const serve = cli(['serve', '--help'])
    expect(serve.status).toBe(0)
    expect(serve.stdout).toMatch(/--admin-token TOKEN .*env VENDORSIM_ADMIN_TOKEN/)
    const contract = cli(['contract', '--help'])
    expect(contract.stdout).toMatch(/--reporter junit\|json/)
    const version = cli(['--version'])
    expect(version.stdout.trim()).toBe(
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    )
  })

  it('refuses the production host unless allowed', () => {
    const run = cli(['contract', '--vendor', 'digipix', '--target', 'live'], {
      DIGIPIX_BASE_URL: 'https://api.digipix.io',
      DIGIPIX_CLIENT_ID: 'x',
      DIGIPIX_CLIENT_SECRET: 'y',
    })
    expect(run.status).not.toBe(0)
    expect(run.stderr).toMatch(/refusing to run against the production host api\.digipix\.io/)
  })

  it('bad arguments print the usage and exit 2', () => {
    const run = cli(['serve', '--port', 'eighty'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/--port must be an integer/)
    expect(run.stderr).toMatch(/Usage:/)
    const unknown = cli(['serve', '--vendors', 'digipix,nosuch'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toMatch(/--vendors: unknown vendor nosuch \(known: digit, digipix/)
    const empty = cli(['serve', '--vendors', ''])
    expect(empty.status).toBe(2)
    expect(empty.stderr).toMatch(/--vendors names no vendor/)
    expect(cli(['frobnicate']).status).toBe(2)
  })

  it('prints a banner with base URLs and default credentials, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['bin/vendorsim.mjs', 'serve', '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, VENDORSIM_FROM_SOURCE: '1' },
    })
    let out = ''
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (d) => {
        out += d
        if (/Ctrl-C/.test(out)) resolve()
      }),
    )
    expect(out).toMatch(/Digipix\s+http:\/\/127\.0\.0\.1:\d+\/digipix/)
    expect(out).toMatch(/clientId=digipix-dev-client/)
    const exit = await new Promise<string>((resolve) => {
      child.once('exit', (code, signal) => resolve(`${code} ${signal}`))
      child.kill('SIGTERM')
    })
    expect(exit + out).toBe(`0 null${out}`)
  })
})
