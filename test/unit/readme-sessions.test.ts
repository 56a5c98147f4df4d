import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnServer } from '../harness/targets.ts'

const run = promisify(execFile)
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

/** The first `sh` block after a README heading. */
function session(heading: string): string {
  const at = README.indexOf(heading)
  if (at === -1) throw new Error(`README has no "${heading}"`)
  const m = /```sh\n([\s\S]*?)```/.exec(README.slice(at))
  if (!m) throw new Error(`no sh block after "${heading}"`)
  return m[1]!
}

const hasCurl = await run('curl', ['--version']).then(
  () => true,
  () => false,
)

/** The README's curl sessions, run verbatim (only the port differs) against the compiled-free server. */
describe.skipIf(!hasCurl)('README sessions', () => {
  let server: Awaited<ReturnType<typeof spawnServer>>
  beforeAll(async () => {
    server = await spawnServer(['--vendors', 'digit,stitchex'])
  }, 30_000)
  afterAll(() => server?.stop())

  it("Digit: the help article's createItem and createOrder run as written, twice in a row", async () => {
    const script = session('## Digit, step by step with curl').replaceAll(
      'http://127.0.0.1:4010',
      server.url,
    )
    for (let round = 0; round < 2; round++) {
      const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', script], { timeout: 20_000 })
      const lines = stdout.trim().split('\n')
      expect(lines[1]).toContain('"organization":{"id":"org_2q7ijyFawxyztIITFUnD8l2bjkp"')
      expect(lines[1]).toContain('"id":"01917ac4-8836-7141-9a22-008e3c1d65bd","name":"pairs"')
      const created = JSON.parse(lines[2]!)
      expect(created.errors).toBeUndefined()
      expect(created.data.createOrder.order.id).toMatch(/^[0-9a-f-]{36}$/)
      const order = JSON.parse(lines[3]!).data.orders.nodes[0]
      expect(order.totalOrderAmount).toEqual({ costAmount: 1, currency: { code: 'USD' } })
      expect(order.orderStatus).toBe('unfulfilled')
      expect(order.billingAddress.id).toBe(order.shippingAddress.id)
      const limited = JSON.parse(lines[4]!)
      expect(limited.data.orders.nodes[0].totalOrderAmount).toBeNull()
      expect(limited.errors[0].message).toBe('Not authorized: requires READ_ORDER_COST_INFO')
    }
  }, 60_000)

  it("Stitchex: the seed's three-call connection as written, a page of SKUs, an order to shipped with its webhooks, a payment", async () => {
    const script = session('## Stitchex, step by step with curl').replaceAll(
      'http://127.0.0.1:4010',
      server.url,
    )
    const cwd = mkdtempSync(join(tmpdir(), 'vendorsim-readme-'))
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', script], {
      timeout: 30_000,
      cwd,
    })
    const token = JSON.parse(stdout.split('\n')[0]!)
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 604_800 })
    expect(token.access_token).toMatch(/^[0-9a-f]{64}$/)
    expect(stdout).toContain('{"organisations":[{"id":9579,"name":"Stitchex Demo"}')
    expect(stdout).toContain('{"Status":"Updated"}')
    expect(stdout).toMatch(
      /current_page: 2,\s+next_page: null,\s+prev_page: 1,\s+total_pages: 2,\s+total_count: 108/,
    )
    expect(stdout).toContain('\nshipped\nshipped\n')
    expect(stdout.match(/webhook: \{"event":"pick_ticket_update"/g)).toHaveLength(3)
    expect(stdout).toContain('webhook: {"event":"invoice_create"')
    expect(stdout).toMatch(/"payment":\{"id":\d+,"amount":"20.00"/)
  }, 60_000)
})
