import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SnapshotList } from '../../mocks/core/index.ts'
import { fill, newSim, PROFILES, vendorRoutes } from './profiles.ts'

/**
 * Property-based fuzzing of every vendor route (read from the route table) with a valid
 * session: hostile path parameters, query strings, bodies (deep nesting, prototype keys,
 * broken JSON, wrong types, forms, text) and content types. Properties, for every request:
 * no 5xx; every 4xx in the vendor's envelope; a refused request changes nothing
 * (the tenant's state view is the same before and after); the simulator still answers after.
 * Seeded: `FUZZ_SEED` to vary, `FUZZ_RUNS` per vendor (npm test: 700 each; `npm run fuzz`: 50,000 in all).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 700)
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_129)

const nasty = fc.constantFrom(
  '__proto__',
  'constructor',
  'toString',
  'prototype',
  'hasOwnProperty',
  '',
  ' ',
  '-1',
  '0',
  '1e309',
  'NaN',
  'null',
  '../..',
  '%00',
  '🦄',
  'a'.repeat(300),
  '1'.repeat(40),
)
const key = fc.oneof({ arbitrary: nasty, weight: 2 }, fc.string({ maxLength: 12 }))
const leaf = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  nasty,
)
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 5 }),
  ),
})).node
const deep = fc.integer({ min: 60, max: 3000 }).map((n) => '['.repeat(n) + ']'.repeat(n))

/** A body: JSON of any shape (as an object, often built on the route's own field names), broken JSON, deep nesting, a form, text. */
const body = (fields: readonly string[]) =>
  fc.oneof(
    fc.record({
      kind: fc.constant('json' as const),
      text: fc
        .dictionary(fc.oneof(fc.constantFrom(...fields), key), value, { maxKeys: 8 })
        .map((o) => JSON.stringify(o)),
    }),
    fc.record({
      kind: fc.constant('json' as const),
      text: value.map((v) => JSON.stringify(v) ?? 'null'),
    }),
    fc.record({
      kind: fc.constant('json' as const),
      text: fc.oneof(
        deep,
        fc.string({ maxLength: 40 }),
        fc.constant('{"a":'),
        fc.constant('{"__proto__":{"x":1},"constructor":{"prototype":1}}'),
      ),
    }),
    fc.record({
      kind: fc.constant('form' as const),
      text: fc
        .dictionary(key, fc.string({ maxLength: 20 }), { maxKeys: 5 })
        .map((o) => new URLSearchParams(o).toString()),
    }),
    fc.record({ kind: fc.constant('text' as const), text: fc.string({ maxLength: 60 }) }),
    fc.constant({ kind: 'none' as const, text: '' }),
  )
const TYPES = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  text: 'text/plain',
} as const

/** Field names a route's requests use, so fuzzed bodies reach past "unknown field" into validation. */
const FIELDS = [
  'status',
  'items',
  'productId',
  'quantity',
  'shipmentId',
  'shipmentMethodId',
  'recipient',
  'zipCode',
  'customData',
  'query',
  'variables',
  'operationName',
  'LineItems',
  'Currency',
  'PurchaseOrderNumber',
  'ShippingContact',
  'Schedules',
  'grant_type',
  'client_id',
  'username',
  'password',
  'refresh_token',
  'code',
]
const QUERIES = [
  '{ products { data(first: 2) { edges { node { sku } } } } }',
  'mutation { order_create(data: { order_number: "x", line_items: [] }) { order { id } } }',
  '{ account { data { id } } }',
]

describe('fuzzing every route', () => {
  for (const [id, profile] of Object.entries(PROFILES)) {
    it(`${id}: no 5xx, the vendor's envelope on every 4xx, nothing half-applied (${RUNS} requests)`, async () => {
      const sim = newSim(profile.vendor)
      const session = await profile.login(sim)
      const tenant = await sim.control.tenant(session.tenant)
      // The whole state view, every list in full.
      const everything: SnapshotList = (_name, rows, view) => {
        const all = 'count' in rows ? rows.slice(0, rows.count()) : [...rows]
        return (view ? all.map(view) : all) as never
      }
      const snapshot = () => JSON.stringify(profile.vendor.snapshot?.(tenant, everything) ?? null)
      const routes = vendorRoutes(sim)
      const request = fc.record({
        route: fc.constantFrom(...routes),
        params: fc.array(
          fc.record({
            known: fc.boolean(),
            pick: fc.nat(),
            other: fc.oneof(nasty, fc.string({ maxLength: 30 }), fc.integer().map(String)),
          }),
          { minLength: 4, maxLength: 4 },
        ),
        query: fc.dictionary(key, fc.oneof(fc.string({ maxLength: 20 }), nasty), { maxKeys: 3 }),
        body: body(FIELDS),
        graphql: fc.oneof(
          fc.constantFrom(...(profile.fuzzQueries ?? QUERIES)),
          fc.string({ maxLength: 80 }),
          fc
            .constantFrom(...(profile.fuzzQueries ?? QUERIES))
            .chain((q) => fc.integer({ min: 0, max: q.length }).map((i) => q.slice(0, i))),
        ),
        variables: value,
      })
      let sent = 0
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          let n = 0
          const path = fill(r.route.path, (name) => {
            const p = r.params[n++ % r.params.length]!
            const known = session.ids?.[name]
            return p.known && known?.length ? known[p.pick % known.length]! : p.other
          })
          const search = new URLSearchParams(r.query).toString()
          const graphql =
            r.route.method === 'POST' &&
            (profile.graphqlPaths ?? ['/graphql']).includes(r.route.path)
          const text = graphql
            ? JSON.stringify({ query: r.graphql, variables: r.variables })
            : r.body.text
          const kind = graphql ? 'json' : r.body.kind
          const before = snapshot()
          const res = await sim.fetch(`${profile.base}${path}${search ? `?${search}` : ''}`, {
            method: r.route.method,
            headers: {
              ...session.headers,
              ...(kind !== 'none' ? { 'content-type': TYPES[kind] } : {}),
            },
            body: r.route.method === 'GET' || kind === 'none' ? undefined : text,
            redirect: 'manual',
          })
          sent++
          const raw = await res.text()
          expect(res.status, `${r.route.method} ${path} → ${raw.slice(0, 300)}`).toBeLessThan(500)
          const html = (res.headers.get('content-type') ?? '').includes('text/html')
          if (res.status >= 400 && !html) {
            let parsed: unknown
            try {
              parsed = JSON.parse(raw)
            } catch {
              parsed = raw
            }
            expect(
              profile.isEnvelope(res.status, parsed),
              `${r.route.method} ${path} → ${res.status} ${raw.slice(0, 300)}`,
            ).toBe(true)
            expect(
              snapshot(),
              `${r.route.method} ${path} was refused (${res.status}) but changed state`,
            ).toBe(before)
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      )
      expect(sent).toBe(RUNS)
      expect((await sim.fetch('/_sandbox/clock')).status).toBe(200)
    }, 120_000)
  }
})
