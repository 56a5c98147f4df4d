import { describe, expect, it } from 'vitest'
import { fill, newSim, PROFILES, vendorRoutes } from './profiles.ts'

/**
 * The journal as `GET /_sandbox/journal` shows it: every GET route of every vendor (read from the
 * route table) and every GraphQL root field, asked with a valid session; each JSON answer must be
 * in the journal as the client read it. A new route is covered without editing this file.
 */
describe('journal', () => {
  for (const [id, profile] of Object.entries(PROFILES)) {
    it(`${id}: every JSON answer is journaled with its body`, async () => {
      const sim = newSim(profile.vendor)
      const session = await profile.login(sim)
      const requests: Array<{ path: string; init: RequestInit }> = vendorRoutes(sim)
        .filter((r) => r.method === 'GET')
        .map((r) => ({
          path: fill(r.path, (name) => session.ids?.[name]?.[0] ?? '1'),
          init: { headers: session.headers },
        }))
      // GraphQL vendors answer on POST: each root field, alone (data, or the request error).
      for (const path of profile.graphqlFields ? (profile.graphqlPaths ?? ['/graphql']) : [])
        for (const field of profile.graphqlFields!)
          requests.push({
            path,
            init: {
              method: 'POST',
              headers: { ...session.headers, 'content-type': 'application/json' },
              body: JSON.stringify({ query: `{ ${field} }` }),
            },
          })
      const answered: Array<{ path: string; body: unknown }> = []
      for (const { path, init } of requests) {
        const res = await sim.fetch(profile.base + path, init)
        if (!res.headers.get('content-type')?.includes('application/json')) continue
        answered.push({ path, body: await res.json() })
      }
      expect(answered.length).toBeGreaterThan(0)
      const res = await sim.fetch(`${profile.base}/_sandbox/journal?limit=500`, {
        headers: { 'x-vendorsim-tenant': session.tenant },
      })
      const entries = (await res.json()).entries as Array<{ path: string; responseBody?: unknown }>
      const missing = answered.filter(
        (a) =>
          !entries.some(
            (e) => e.path === a.path && JSON.stringify(e.responseBody) === JSON.stringify(a.body),
          ),
      )
      expect(missing.map((m) => m.path)).toEqual([])
    })
  }
})
