import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { setupServer } from 'msw/node'
import {
  simulatorTarget,
  type ContractTarget,
  type TargetName,
} from '../../contracts/harness/index.ts'
import { SUITES } from '../../contracts/harness/registry.ts'
import { createSim } from '../../mocks/core/index.ts'
import { createVendorHandlers } from '../../mocks/msw.ts'
import { VENDORS } from '../../mocks/vendors.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * The URL a `vendorsim serve` child prints ("listening on http://…"); rejects with what it wrote
 * to stderr if it exits first or says nothing within `ms`.
 */
export function listeningUrl(child: ChildProcess, ms = 20_000): Promise<string> {
  let errText = ''
  child.stderr?.on('data', (d) => (errText += d))
  return new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(
      () => reject(new Error(`server did not start in ${ms / 1000} s: ${errText}`)),
      ms,
    )
    child.stdout!.on('data', (d) => {
      out += d
      const m = /listening on (http:\/\/\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}: ${errText}`))
    })
  })
}

/** Start `server.ts` as a separate process on a free port; resolves with its URL once it answers. */
export async function spawnServer(
  args: string[] = [],
): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server.ts',
      'serve',
      '--port',
      '0',
      '--clock',
      'frozen',
      '--quiet',
      ...args,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const url = await listeningUrl(child)
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** Build a contract target; a string is the reason it cannot run here. */
export async function createTarget(
  vendorId: string,
  name: TargetName,
): Promise<ContractTarget<any> | string> {
  const vendor = VENDORS[vendorId]!
  const host = vendor.hosts.sandbox[0] ?? vendor.hosts.production[0]!
  switch (name) {
    case 'inprocess': {
      const sim = createSim(vendor, { seed: 'contract' })
      return simulatorTarget('inprocess', host, sim.fetch)
    }
    case 'msw': {
      const { handlers } = createVendorHandlers({ vendors: [vendorId], seed: 'contract' })
      const server = setupServer(...handlers)
      server.listen({ onUnhandledRequest: 'bypass' })
      return simulatorTarget(
        'msw',
        host,
        (i, init) => globalThis.fetch(i, init),
        async () => server.close(),
      )
    }
    case 'http': {
      const server = await spawnServer(['--vendors', vendorId])
      return simulatorTarget(
        'http',
        `${server.url}/${vendorId}`,
        (i, init) => globalThis.fetch(i, init),
        server.stop,
      )
    }
    case 'live':
      return SUITES[vendorId]!.live(process.env, {})
  }
}
