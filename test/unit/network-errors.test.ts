import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { createSim } from '../../mocks/core/index.ts'
import { stitchex } from '../../mocks/stitchex/index.ts'
import { createDigipixClient } from '../../src/clients/digipix/index.ts'
import { ConnectionError } from '../../src/core/index.ts'

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

/** "fetch failed" says nothing: the cause (refused, bad port, DNS, TLS, timeout) is kept. */
describe('network errors keep their cause', () => {
  it('a client request to a closed port throws ConnectionError naming ECONNREFUSED and the address', async () => {
    const port = await closedPort()
    const client = createDigipixClient({
      baseUrl: `http://127.0.0.1:${port}`,
      clientId: 'x',
      clientSecret: 'y',
      maxRetries: 0,
    })
    const err = await client.products.list().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ConnectionError)
    expect((err as Error).message).toContain(`ECONNREFUSED 127.0.0.1:${port}`)
    expect((err as Error).cause).toBeInstanceOf(Error)
  })

  it('a port fetch refuses to use is named as such', async () => {
    const client = createDigipixClient({
      baseUrl: 'http://127.0.0.1:6000',
      clientId: 'x',
      clientSecret: 'y',
      maxRetries: 0,
    })
    const err = await client.products.list().catch((e: unknown) => e)
    expect((err as Error).message).toMatch(/bad port/)
  })

  it('a webhook attempt to a closed port records the cause in /_sandbox/webhooks', async () => {
    const port = await closedPort()
    const sim = createSim(stitchex, { seed: 'causes' })
    const json = (body: unknown, headers: Record<string, string> = {}) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
    await sim.fetch(
      '/_sandbox/subscriptions',
      json({ url: `http://127.0.0.1:${port}/hook`, events: ['product_update'] }),
    )
    const { access_token } = await (
      await sim.fetch(
        'https://api.stitchex.com/oauth/token',
        json({
          email: 'dev@stitchex-demo.test',
          password: 'stitchex-dev-password',
          grant_type: 'password',
        }),
      )
    ).json()
    const auth = { authorization: `Bearer ${access_token}` }
    await sim.fetch(
      'https://api.stitchex.com/organisations/set_current_org',
      json({ organizationId: 9579 }, auth),
    )
    await sim.fetch(
      'https://api.stitchex.com/stock_operations',
      json({ stock_operation: { line_quantities: [{ sku_id: 500001, quantity: 1 }] } }, auth),
    )
    await sim.control.advance(0)
    const { deliveries } = await (await sim.fetch('/_sandbox/webhooks')).json()
    const attempt = deliveries[0].attempts[0]
    expect(attempt.ok).toBe(false)
    expect(attempt.error).toContain(`ECONNREFUSED 127.0.0.1:${port}`)
  })
})
