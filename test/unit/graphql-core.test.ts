import {
  buildSchema,
  GraphQLError,
  parse,
  printSchema,
  validateSchema,
  type OperationDefinitionNode,
} from 'graphql'
import { describe, expect, it } from 'vitest'
import {
  connectionFromArray,
  createDocumentCache,
  cursorToOffset,
  defineGraphqlSchema,
  estimateCost,
  isResolverCrash,
  nodesConnection,
  offsetToCursor,
  parseSort,
  prepareRequest,
  sortRows,
} from '../../mocks/core/graphql/index.ts'
import { SimError } from '../../mocks/core/errors.ts'
import { VENDORS } from '../../mocks/vendors.ts'

const schema = buildSchema(`
  type Query { orders(first: Int, last: Int): OrderConnection  me: User }
  type User { name: String }
  type OrderConnection { edges: [OrderEdge] }
  type OrderEdge { node: Order }
  type Order { id: String  lines(first: Int, last: Int): LineConnection }
  type LineConnection { edges: [LineEdge] }
  type LineEdge { node: Line }
  type Line { sku: String }
`)
const rows = Array.from({ length: 250 }, (_, i) => i)

describe('document cache', () => {
  it('parses and validates a query text once, and evicts the least recently used', () => {
    const cache = createDocumentCache(schema, { max: 2 })
    const a = cache.get('{ me { name } }')
    expect(a.errors).toEqual([])
    expect(cache.get('{ me { name } }')).toBe(a)
    cache.get('{ orders { edges { node { id } } } }')
    cache.get('{ me { name } }') // a is now the most recent
    cache.get('{ nope }')
    expect(cache.size).toBe(2)
    expect(cache.get('{ me { name } }')).toBe(a)
    expect(cache.hits).toBe(3)
  })

  it('keeps syntax and validation errors, and picks the named operation', () => {
    const cache = createDocumentCache(schema)
    expect(cache.get('{ me {').errors[0]!.message).toMatch(/Syntax Error/)
    expect(cache.get('{ me { age } }').errors[0]!.message).toMatch(
      /^Cannot query field "age" on type "User"\./,
    )
    const two = 'query A { me { name } } query B { me { name } }'
    expect(
      prepareRequest(cache, { query: two, variables: undefined, operationName: undefined }),
    ).toMatchObject({ ok: false })
    const b = prepareRequest(cache, { query: two, variables: undefined, operationName: 'B' })
    expect(b.ok && b.operation.name?.value).toBe('B')
  })
})

describe('relay connections', () => {
  it('defaults to the first 100 rows and pages forward with after', () => {
    const page1 = connectionFromArray(rows, {})
    expect(page1.edges).toHaveLength(100)
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false })
    const page3 = connectionFromArray(rows, { first: 100, after: offsetToCursor(199) })
    expect(page3.edges.map((e) => e.node)).toEqual(rows.slice(200))
    expect(page3.pageInfo.hasNextPage).toBe(false)
  })

  it('pages backward with last and before', () => {
    const last = connectionFromArray(rows, { last: 1 })
    expect(last.edges.map((e) => e.node)).toEqual([249])
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false })
    const before = connectionFromArray(rows, { last: 2, before: last.pageInfo.startCursor })
    expect(before.edges.map((e) => e.node)).toEqual([247, 248])
    expect(cursorToOffset(before.pageInfo.endCursor!)).toBe(248)
  })

  it('refuses negative sizes and foreign cursors with the vendor code', () => {
    expect(() => connectionFromArray(rows, { first: -1 }, { code: '3' })).toThrow(SimError)
    expect(() => connectionFromArray(rows, { after: 'bm9wZQ==' }, { code: '3' })).toThrow(
      /not a valid cursor/,
    )
  })
})

describe('nodes connections', () => {
  it('nodes connections page by a connection argument; cost reads it and counts each fragment once', () => {
    const rows = Array.from({ length: 45 }, (_, i) => ({ id: i }))
    const page = nodesConnection(rows, { first: 20, after: offsetToCursor(19) })
    expect(page.nodes.map((n) => n.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 20))
    expect(page).toMatchObject({
      totalCount: 45,
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    })
    expect(nodesConnection(rows, null).nodes).toHaveLength(45)

    const graphql = defineGraphqlSchema({
      sdl: () =>
        'input ConnectionInput { first: Int after: String } type Item { id: ID! children(connection: ConnectionInput): ItemsConnection! } type ItemsConnection { nodes: [Item!]! totalCount: Int! } type Query { items(connection: ConnectionInput): ItemsConnection! }',
      resolvers: { Query: { items: () => ({ nodes: [], totalCount: 0 }) } },
    })
    const schema = graphql.schema()
    const op = (q: string) => {
      const doc = parse(q)
      const operation = doc.definitions.find((d) => d.kind === 'OperationDefinition')!
      const fragments = Object.fromEntries(
        doc.definitions
          .filter((d) => d.kind === 'FragmentDefinition')
          .map((d) => [(d as { name: { value: string } }).name.value, d]),
      )
      return estimateCost(schema, operation as never, fragments as never, undefined)
    }
    expect(
      op(
        '{ items(connection: { first: 20 }) { nodes { id children(connection: { first: 5 }) { nodes { id } } } } }',
      )[0]!.cost,
    ).toBe(1 + 20 + 100)
    // F_i { ...F_{i-1} ...F_{i-1} } nested 40 deep: exponential if each spread were walked again.
    let doc = 'fragment F0 on Item { children(connection: { first: 1 }) { totalCount } }'
    for (let i = 1; i <= 40; i++) doc += ` fragment F${i} on Item { ...F${i - 1} ...F${i - 1} }`
    const started = performance.now()
    const [root] = op(`{ items(connection: { first: 1 }) { nodes { ...F40 } } } ${doc}`)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(root!.cost).toBe(1 + 1 + 2 ** 40)
  })
})

describe('sort', () => {
  it('parses "name, -price" with + and whitespace', () => {
    expect(parseSort(' name, -price ,+sku')).toEqual([
      { field: 'name', descending: false },
      { field: 'price', descending: true },
      { field: 'sku', descending: false },
    ])
    expect(() => parseSort('weight', ['name'])).toThrow(/Cannot sort by "weight"/)
    // A field named again cannot break a tie its first mention left: dropped, so the keys stay few.
    expect(parseSort(`-name,${'name,sku,'.repeat(500)}price`)).toEqual([
      { field: 'name', descending: true },
      { field: 'sku', descending: false },
      { field: 'price', descending: false },
    ])
  })

  it('sorts stably, nulls last', () => {
    const items = [
      { n: 'b', p: 1 },
      { n: 'a', p: 2 },
      { n: null, p: 3 },
      { n: 'a', p: 1 },
    ]
    expect(sortRows(items, parseSort('n, -p')).map((x) => `${x.n}${x.p}`)).toEqual([
      'a2',
      'a1',
      'b1',
      'null3',
    ])
  })
})

describe('cost analysis', () => {
  const op = (q: string) => parse(q).definitions[0] as OperationDefinitionNode
  it('counts page sizes, defaults to 100, and multiplies nested connections', () => {
    expect(estimateCost(schema, op('{ me { name } }'), {}, undefined)).toEqual([
      { field: 'me', key: 'me', cost: 1, args: {} },
    ])
    expect(
      estimateCost(schema, op('{ orders(first: 10) { edges { node { id } } } }'), {}, undefined)[0]!
        .cost,
    ).toBe(11)
    expect(
      estimateCost(
        schema,
        op('{ orders { edges { node { lines { edges { node { sku } } } } } } }'),
        {},
        undefined,
      )[0]!.cost,
    ).toBe(1 + 100 + 100 * 100)
    const viaVars = estimateCost(
      schema,
      op(
        'query Q($n: Int) { a: orders(last: $n) { edges { node { lines(first: 3) { edges { node { sku } } } } } } }',
      ),
      {},
      { n: 5 },
    )
    expect(viaVars[0]).toMatchObject({ key: 'a', cost: 1 + 5 + 15 })
  })

  it('follows fragments and honours @skip', () => {
    const doc = parse(
      'query { orders(first: 2) { ...F } me @skip(if: true) { name } } fragment F on OrderConnection { edges { node { lines(first: 4) { edges { node { sku } } } } } }',
    )
    const fragments = { F: doc.definitions[1] as never }
    expect(
      estimateCost(schema, doc.definitions[0] as OperationDefinitionNode, fragments, undefined),
    ).toEqual([{ field: 'orders', key: 'orders', cost: 1 + 2 + 8, args: { first: 2 } }])
  })
})

describe("the GraphQL vendors' SDLs", () => {
  // Simulators build them with assumeValidSDL and assumeValid (a faster start): this is where they are checked.
  for (const vendor of Object.values(VENDORS).filter((v) => v.graphql))
    it(`${vendor.id}: its SDL is a valid schema, and the served schema is that schema`, async () => {
      const graphql = await vendor.graphql!()
      const checked = buildSchema(graphql.sdl())
      expect(validateSchema(checked).map((e) => e.message)).toEqual([])
      expect(printSchema(graphql.schema())).toBe(printSchema(checked))
    })
})

describe('isResolverCrash', () => {
  // What a vendor answers as its own internal error instead of passing a bug's message on.
  const thrown = (original: Error | undefined, path?: string[]) =>
    new GraphQLError(original?.message ?? 'x', { originalError: original, path })
  it('is a plain error thrown under a field', () => {
    expect(isResolverCrash(thrown(new TypeError('x is undefined'), ['products']))).toBe(true)
  })
  it("is not the vendor's error, a GraphQL error, or a request-level error", () => {
    expect(isResolverCrash(thrown(new SimError(404, '6', 'Not found'), ['product']))).toBe(false)
    expect(isResolverCrash(thrown(new GraphQLError('Bad input'), ['product']))).toBe(false)
    expect(isResolverCrash(thrown(new TypeError('coercion'), undefined))).toBe(false)
    expect(isResolverCrash(thrown(undefined, ['product']))).toBe(false)
  })
})
