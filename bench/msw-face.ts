/**
 * The MSW-face section of `npm run bench`: vendorsim's handlers against a bare MSW handler,
 * sequential in-process fetches through MSW's interceptor.
 */
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { CATALOG } from '../fixtures/digipix/catalog.ts'
import { createVendorHandlers } from '../mocks/msw.ts'
import { median } from './processes.ts'

/** The token request the MSW row sends (the default tenant's credentials). */
const DIGIPIX_TOKEN_BODY = JSON.stringify({
  client_id: 'digipix-dev-client',
  client_secret: 'digipix-dev-secret',
  grant_type: 'client_credentials',
  scope: ['products'],
})

export async function mswCost(n: number) {
  const product = CATALOG[0]!
  const once = async (doFetch: () => Promise<Response>) => {
    const t0 = performance.now()
    for (let i = 0; i < n; i++) await (await doFetch()).arrayBuffer()
    return ((performance.now() - t0) * 1000) / n
  }
  // Both faces in one interceptor setup, measured in many short alternating rounds: the cost is
  // the median of each round's difference, so a slow minute of the machine falls on both sides.
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
  const rounds = { bare: [] as number[], sim: [] as number[], cost: [] as number[] }
  for (let r = 0; r < 25; r++) {
    const bare = await once(bareFetch)
    const sim = await once(simFetch)
    rounds.bare.push(bare)
    rounds.sim.push(sim)
    rounds.cost.push(sim - bare)
  }
  server.close()
  const view = (us: number) => ({ us, rps: 1e6 / us })
  return {
    sim: view(median(rounds.sim)),
    bare: view(median(rounds.bare)),
    cost: median(rounds.cost),
  }
}
