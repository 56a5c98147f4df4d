import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnServer } from '../harness/targets.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['bin/vendorsim.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
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

  it('live without credentials explains what to set and exits 0', () => {
    const run = cli(['contract', '--vendor', 'digipix', '--target', 'live'], {
      DIGIPIX_BASE_URL: '',
      DIGIPIX_CLIENT_ID: '',
      DIGIPIX_CLIENT_SECRET: '',
    })
    expect(run.stdout).toMatch(/set DIGIPIX_BASE_URL, DIGIPIX_CLIENT_ID, DIGIPIX_CLIENT_SECRET/)
    expect(run.status).toBe(0)
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
