import { describe, expect, it } from 'vitest'
import { VENDORS } from '../../mocks/vendors.ts'
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

  for (const [id, profile] of Object.entries(PROFILES)) {
    it(`${id}: another tenant's token (even with this tenant's x-vendorsim-tenant header) never reveals this tenant's records`, async () => {
      const sim = newSim(profile.vendor)
      const mine = await profile.login(sim)
      const theirs = await profile.login(sim)
      const shared = new Set(Object.values(theirs.ids ?? {}).flat())
      const secrets = Object.values(mine.ids ?? {})
        .flat()
        .filter((v) => v.length > 4 && !shared.has(v))
      expect(secrets.length).toBeGreaterThan(0)
      const asks = vendorRoutes(sim)
        .filter((r) => r.method === 'GET' && !profile.isPublic(r.method, r.path))
        .map((r) => ({
          path: fill(r.path, (name) => mine.ids?.[name]?.[0] ?? '1'),
          init: {} as RequestInit,
        }))
      for (const query of profile.leakQueries ?? [])
        asks.push({ path: '/graphql', init: { method: 'POST', body: JSON.stringify({ query }) } })
      const leaks: string[] = []
      for (const ask of asks) {
        const headers = {
          ...theirs.headers,
          'x-vendorsim-tenant': mine.tenant,
          'content-type': 'application/json',
        }
        const res = await sim.fetch(profile.base + ask.path, { ...ask.init, headers })
        const text = await res.text()
        // A refusal may echo the id it was asked for; an answer must not show this tenant's records.
        if (res.status >= 400) continue
        for (const secret of secrets)
          if (text.includes(secret))
            leaks.push(`${ask.path} ${String(ask.init.body ?? '')} → ${res.status} shows ${secret}`)
      }
      expect(asks.length).toBeGreaterThan(0)
      expect(leaks).toEqual([])
    })
  }
})
