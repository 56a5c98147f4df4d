import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

import { circles, files, importGraph, imports, loadedWith, ROOT } from '../harness/sources.ts'

/**
 * The layering, read from the code's own imports (type imports and re-exports included):
 *
 *   wire (contracts/<vendor>/*, contracts/shared) ← mocks/core ← mocks/<vendor> ← faces (mocks/msw.ts, mocks/registry.ts, server.ts)
 *   wire ← src/core ← src/clients/<vendor> ← suites (contracts/<vendor>/suite, contracts/harness) ← src/cli
 *
 * - the wire imports only zod, graphql, openapi-types, node built-ins and other wire files;
 * - mocks/core names no vendor room, no fixture, no client, no suite;
 * - a vendor never imports another vendor, on any layer;
 * - src never imports mocks or fixtures (the clients ship without the simulator);
 * - fixtures/<vendor> take only their vendor's wire and the core's types.
 * - no import circle, of any length, type imports and `import()` included.
 * Tests and benchmarks may import anything.
 */

const VENDORS = readdirSync(join(ROOT, 'mocks')).filter(
  (d) => d !== 'core' && statSync(join(ROOT, 'mocks', d)).isDirectory(),
)

type Layer =
  | 'wire'
  | 'suite'
  | 'mocks-core'
  | 'mocks-vendor'
  | 'fixtures'
  | 'face'
  | 'src-core'
  | 'src-client'
  | 'src-cli'
  | 'other'

/** The layer of a file and the vendor it belongs to, if any. */
function classify(file: string): { layer: Layer; vendor?: string } {
  const parts = file.split('/')
  const [top, second, third] = parts
  if (top === 'contracts') {
    if (second === 'harness') return { layer: 'suite' }
    if (second === 'shared') return { layer: 'wire' }
    return { layer: third === 'suite' ? 'suite' : 'wire', vendor: second }
  }
  if (top === 'mocks') {
    if (second === 'core') return { layer: 'mocks-core' }
    if (parts.length === 2) return { layer: 'face' }
    return { layer: 'mocks-vendor', vendor: second }
  }
  if (top === 'fixtures') return { layer: 'fixtures', vendor: second }
  if (top === 'server.ts') return { layer: 'face' }
  if (top === 'src') {
    if (second === 'core') return { layer: 'src-core' }
    if (second === 'clients') return { layer: 'src-client', vendor: third }
    if (second === 'cli') return { layer: 'src-cli' }
  }
  return { layer: 'other' }
}

/** May a file of layer `from` import a file of layer `to`? */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  wire: ['wire'],
  'mocks-core': ['mocks-core', 'wire'],
  'mocks-vendor': ['mocks-vendor', 'mocks-core', 'wire', 'fixtures'],
  fixtures: ['fixtures', 'wire', 'mocks-core'],
  face: [
    'face',
    'mocks-vendor',
    'mocks-core',
    'wire',
    'src-cli',
    'suite',
    'src-core',
    'src-client',
  ],
  'src-core': ['src-core', 'wire'],
  'src-client': ['src-client', 'src-core', 'wire'],
  suite: ['suite', 'wire', 'src-core', 'src-client'],
  'src-cli': ['src-cli', 'suite', 'wire', 'src-core', 'src-client'],
  other: [],
}

/** npm packages (and node built-ins) a layer may import; `null` = any. */
const PACKAGES: Partial<Record<Layer, RegExp>> = {
  wire: /^(node:|zod$|graphql$|openapi-types$)/,
  'src-core': /^(node:|zod$)/,
  'src-client': /^(node:|zod$)/,
}

const SOURCES = [...['contracts', 'mocks', 'fixtures', 'src'].flatMap(files), 'server.ts']

function violations(): string[] {
  const out: string[] = []
  for (const file of SOURCES) {
    const from = classify(file)
    for (const spec of imports(file)) {
      if (!spec.startsWith('.')) {
        const rule = PACKAGES[from.layer]
        if (rule && !rule.test(spec))
          out.push(
            `${file} imports the package "${spec}" (${from.layer} may import only ${rule.source})`,
          )
        continue
      }
      const target = relative(ROOT, resolve(ROOT, dirname(file), spec))
      const to = classify(target)
      if (!ALLOWED[from.layer].includes(to.layer))
        out.push(`${file} (${from.layer}) imports ${target} (${to.layer})`)
      else if (from.vendor && to.vendor && from.vendor !== to.vendor)
        out.push(`${file} (vendor ${from.vendor}) imports ${target} (vendor ${to.vendor})`)
      else if (from.layer === 'mocks-core' && to.vendor)
        out.push(`${file} (the core) imports ${target}, which belongs to ${to.vendor}`)
    }
  }
  return out
}

describe('architecture', () => {
  it('every import follows the layering, and no vendor imports another', () => {
    expect(violations()).toEqual([])
  })

  it('the rules are live: they catch arrows against the layering', () => {
    expect(classify('contracts/digipix/schemas.ts')).toEqual({ layer: 'wire', vendor: 'digipix' })
    expect(classify('contracts/digipix/suite/cases.ts')).toEqual({
      layer: 'suite',
      vendor: 'digipix',
    })
    expect(ALLOWED.wire.includes(classify('src/clients/digipix/index.ts').layer)).toBe(false)
    expect(ALLOWED['src-client'].includes(classify('mocks/core/sim.ts').layer)).toBe(false)
    expect(ALLOWED['mocks-core'].includes(classify('mocks/digikey/app.ts').layer)).toBe(false)
    expect(PACKAGES.wire!.test('hono')).toBe(false)
    expect(VENDORS).toEqual(expect.arrayContaining(['digipix', 'digikey', 'shiphero']))
  })

  it('no file imports itself back through others: the imports form no circle', () => {
    // A circle makes load order matter and hides which file owns what; a type shared both ways
    // belongs in a leaf both import (see mocks/core/token-record.ts, mocks/core/graphql/endpoint.ts).
    expect(circles(importGraph(SOURCES))).toEqual([])
    // The check is live: it finds a circle of three and a file importing itself.
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ])
    expect(circles(graph)).toEqual([['a', 'b', 'c'], ['e']])
  })

  it('every vendor room has the fixed files of the room map (mocks/README.md)', () => {
    const required = [
      'index.ts',
      'app.ts',
      'auth.ts',
      'store.ts',
      'errors.ts',
      'sandbox.ts',
      'LIMITATIONS.md',
    ]
    for (const vendor of VENDORS) {
      const present = readdirSync(join(ROOT, 'mocks', vendor))
      expect({ vendor, missing: required.filter((f) => !present.includes(f)) }).toEqual({
        vendor,
        missing: [],
      })
    }
  })

  it('simulators read request headers through the core (requestHeader), never c.req.header()', () => {
    // Over HTTP, c.req.header() builds a WHATWG Headers of every header on each request;
    // requestHeader reads Node's parsed headers (see mocks/core/request.ts).
    const offenders = files('mocks')
      .filter((f) => f !== join('mocks', 'core', 'request.ts'))
      .filter((f) => /\bc\.req\.header\(/.test(readFileSync(join(ROOT, f), 'utf8')))
    expect(offenders).toEqual([])
  })

  it('simulators add response headers through responseHeaders or send(), never c.header()', () => {
    // send() builds its answer with a plain header record and does not merge what c.header() set.
    const offenders = files('mocks').filter((f) =>
      /\bc\.header\(/.test(readFileSync(join(ROOT, f), 'utf8').replace(/^\s*\*.*$/gm, '')),
    )
    expect(offenders).toEqual([])
  })

  it('vendor routes and error renderers answer through send() or sendText(), which hand the body to the journal', () => {
    // Error renderers (errors.ts) too; control routes (sandbox.ts) are not journaled.
    const offenders = VENDORS.flatMap((vendor) =>
      readdirSync(join(ROOT, 'mocks', vendor))
        .filter((f) => f.endsWith('.ts') && f !== 'sandbox.ts')
        .map((f) => join('mocks', vendor, f))
        .filter((f) => /\bc\.(json|text)\(|responseSent/.test(readFileSync(join(ROOT, f), 'utf8'))),
    )
    expect(offenders).toEqual([])
  })

  it("only a vendor's store.ts or seed.ts (its default seed) files rows unchecked through table.seed()", () => {
    // Anything a request made goes through insert/update, which check it against the schema.
    const offenders = files('mocks')
      .filter((f) => !/^mocks\/(core\/.*|[\w-]+\/(store|seed)\.ts)$/.test(f))
      .filter((f) => /\.seed\(/.test(readFileSync(join(ROOT, f), 'utf8')))
    expect(offenders).toEqual([])
  })

  it('routes and timers read tables through keys and indexes; whole-table passes only over small tables', () => {
    // Tables whose size the simulator fixes (catalogues, accounts, warehouses, units): a pass over
    // one costs the same at any scale. Everything else grows with use and is read by id or index.
    const SMALL: Record<string, string[]> = {
      digikey: ['accounts', 'parts'],
      digipix: ['products'],
      digit: ['uoms'],
      shiphero: ['accounts', 'users', 'warehouses'],
      stitchex: [],
    }
    const offenders = files('mocks')
      .filter((f) => !/^mocks\/core\//.test(f))
      .flatMap((f) => {
        const vendor = f.split('/')[1]!
        return [
          ...readFileSync(join(ROOT, f), 'utf8').matchAll(/state\.(\w+)\.(filter|find|all)\(/g),
        ]
          .filter((m) => !SMALL[vendor]?.includes(m[1]!))
          .map((m) => `${f}: ${m[0]}`)
      })
    expect(offenders).toEqual([])
  })

  it('a GraphQL vendor loads graphql-js with its first document, not with its definition', () => {
    // Token requests, refusals, control routes and the explorer page answer without it; the
    // endpoint, the schema and the resolvers come in through graphqlHandler's `load`.
    const heavy = ['graphql', 'graphql-jit']
    const loaded = Object.fromEntries(
      VENDORS.map((v) => {
        const { packages } = loadedWith(`mocks/${v}/index.ts`)
        return [v, heavy.filter((p) => packages.has(p)).map((p) => `${p}: ${packages.get(p)}`)]
      }),
    )
    expect(loaded).toEqual(Object.fromEntries(VENDORS.map((v) => [v, []])))
    // The walk is live: the endpoint modules do load it.
    for (const v of ['digit', 'shiphero'])
      expect(loadedWith(`mocks/${v}/endpoint.ts`).packages.has('graphql')).toBe(true)
  })
})
