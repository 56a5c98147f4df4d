import { describe, expect, it } from 'vitest'
import { VENDORS } from '../../mocks/registry.ts'
import { fill, newSim, PROFILES, vendorRoutes } from './profiles.ts'

/**
 * Route × credential matrix: every vendor route of every simulator (read from its route table),
 * and for GraphQL vendors their root fields, against every bad credential the vendor has — no
 * token, a malformed header, a token nobody issued, one expired on the tenant clock, a missing
 * scope, a 2-legged token on a 3-legged API, an unknown client id. Every cell must be the
 * vendor's own 401/403. A new route is covered without editing this file.
 */
describe('route × credential matrix', () => {
  it('every vendor has a robustness profile', () => {
    expect(Object.keys(PROFILES).sort()).toEqual(Object.keys(VENDORS).sort())
  })

  for (const [id, profile] of Object.entries(PROFILES)) {
    it(`${id}: every protected route answers every bad credential with the vendor's 401/403`, async () => {
      const sim = newSim(profile.vendor)
      const session = await profile.login(sim)
      const bad = await profile.badCredentials(session)
      const routes = vendorRoutes(sim).filter((r) => !profile.isPublic(r.method, r.path))
      expect(routes.length).toBeGreaterThan(0)
      const failures: string[] = []
      let cells = 0
      for (const route of routes) {
        const bodies =
          route.path === '/graphql' && profile.graphqlFields
            ? profile.graphqlFields.map((f) => JSON.stringify({ query: `{ ${f} }` }))
            : [route.method === 'GET' ? undefined : '{}']
        for (const cred of bad) {
          if (cred.applies && !cred.applies(route.method, route.path)) continue
          for (const body of bodies) {
            cells++
            const res = await sim.fetch(profile.base + fill(route.path, () => '1'), {
              method: route.method,
              headers: {
                ...cred.headers,
                ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
              },
              body,
            })
            const text = await res.text()
            let parsed: unknown
            try {
              parsed = JSON.parse(text)
            } catch {
              parsed = text
            }
            if (!profile.isAuthError(res.status, parsed))
              failures.push(
                `${route.method} ${route.path} with ${cred.name}${body ? ` ${body.slice(0, 40)}` : ''} → ${res.status} ${text.slice(0, 160)}`,
              )
          }
        }
      }
      expect(failures).toEqual([])
      expect(cells).toBeGreaterThan(routes.length)
    })
  }
})
