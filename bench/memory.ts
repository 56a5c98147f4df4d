/**
 * Memory under hostile load, each vendor in a fresh process of its own (run by `npm run bench`,
 * or alone: `node --expose-gc --import tsx bench/memory.ts digipix`): RSS after building 1,000
 * minted tenants, and after 100,000 requests (token mints included, the kind that used to leak).
 */
import { createSim } from '../mocks/core/index.ts'
import { VENDORS } from '../mocks/vendors.ts'

const MiB = 1024 * 1024
const rss = () => {
  ;(globalThis as { gc?: () => void }).gc?.()
  return process.memoryUsage().rss / MiB
}
const heap = () => process.memoryUsage().heapUsed / MiB
const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

async function run(id: string) {
  const vendor = VENDORS[id]!
  const sim = createSim(vendor, { webhooks: { mode: 'record' } })
  await sim.control.tenant()
  const base = rss()
  for (let i = 0; i < 1000; i++) {
    const { tenant } = await sim.control.mintTenant()
    await sim.control.tenant(tenant)
  }
  const tenants = rss()
  // 100k requests against the default tenant: half of them mint a token (unidentified bodies
  // and token records were what grew without bound), half read with one.
  const host = vendor.hosts.sandbox[0] ?? vendor.hosts.production[0]!
  const creds = sim.control.credentials() as Record<string, any>
  const mint: Record<string, () => Promise<Response>> = {
    digipix: () =>
      sim.fetch(
        `${host}/v1/oauth/token`,
        json({
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
          grant_type: 'client_credentials',
          scope: ['products'],
        }),
      ),
    shiphero: () =>
      sim.fetch(`${host}/auth/token`, json({ username: creds.username, password: creds.password })),
    // Digit's tokens come from its UI, not the API: the request is a query with the account's token.
    digit: () =>
      sim.fetch(`${host}/graphql`, {
        ...json({
          query: '{ organization { id } items(connection: { first: 5 }) { totalCount } }',
        }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${creds.token}` },
      }),
    stitchex: () =>
      sim.fetch(
        `${host}/oauth/token`,
        json({ email: creds.email, password: creds.password, grant_type: 'password' }),
      ),
    digikey: () =>
      sim.fetch(`${host}/v1/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
        }),
      }),
  }
  const t0 = performance.now()
  for (let i = 0; i < 50_000; i++) {
    // Time passes as it does on a server: every 5,000 requests, a day (tokens expire and are forgotten).
    if (i % 5000 === 4999) await sim.control.advance(86_400 * 2)
    await (await mint[id]!()).arrayBuffer()
    await (await sim.fetch(`${host}/nope/${i}`, json({ i }))).arrayBuffer()
  }
  const requests = rss()
  console.log(
    JSON.stringify({
      id,
      baseMiB: Math.round(base),
      perTenantKiB: Math.round(((tenants - base) * 1024) / 1000),
      after1000TenantsMiB: Math.round(tenants),
      after100kRequestsMiB: Math.round(requests),
      heapAfterMiB: Math.round(heap()),
      seconds: Math.round((performance.now() - t0) / 100) / 10,
    }),
  )
}

await run(process.argv[2] ?? 'digipix')
