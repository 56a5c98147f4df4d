import {
  execute,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql'
import { SimError } from '../errors.ts'
import { readBody } from '../http.ts'
import type { SimContext } from '../context.ts'

/**
 * GraphQL in the core: a bounded cache of parsed-and-validated documents, the
 * request reader, and one `run` that executes an operation with graphql-js.
 * Parsing and validating a 2 KB query costs far more than executing it, so a
 * query text is parsed and validated once, then served from the cache.
 * @see https://graphql.org/learn/serving-over-http/
 */
export interface PreparedDocument {
  readonly document: DocumentNode
  /** Syntax or validation errors; empty when the document is valid for the schema. */
  readonly errors: readonly GraphQLError[]
  readonly operations: ReadonlyMap<string, OperationDefinitionNode>
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>
}

export interface DocumentCache {
  get(query: string): PreparedDocument
  readonly size: number
  readonly hits: number
  readonly misses: number
}

/**
 * A least-recently-used cache of prepared documents, keyed by the query text.
 * @example
 * const cache = createDocumentCache(schema, { max: 500 })
 * cache.get('{ me { request_id } }').errors // []
 */
export function createDocumentCache(
  schema: GraphQLSchema,
  options: { max?: number; maxQueryLength?: number } = {},
): DocumentCache {
  const max = options.max ?? 1000
  const maxLength = options.maxQueryLength ?? 200_000
  const entries = new Map<string, PreparedDocument>()
  let hits = 0
  let misses = 0
  const prepare = (query: string): PreparedDocument => {
    let document: DocumentNode
    try {
      document = parse(query)
    } catch (err) {
      const error = err instanceof GraphQLError ? err : new GraphQLError(String(err))
      return {
        document: { kind: Kind.DOCUMENT, definitions: [] },
        errors: [error],
        operations: new Map(),
        fragments: {},
      }
    }
    const errors = validate(schema, document)
    const operations = new Map<string, OperationDefinitionNode>()
    const fragments: Record<string, FragmentDefinitionNode> = {}
    for (const d of document.definitions) {
      if (d.kind === Kind.OPERATION_DEFINITION) operations.set(d.name?.value ?? '', d)
      else if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d
    }
    return { document, errors, operations, fragments }
  }
  return {
    get(query) {
      const found = entries.get(query)
      if (found) {
        hits++
        // Re-insert: Map iteration order is insertion order, so the oldest entry is first.
        entries.delete(query)
        entries.set(query, found)
        return found
      }
      misses++
      const prepared = prepare(query)
      if (query.length <= maxLength) {
        entries.set(query, prepared)
        if (entries.size > max) entries.delete(entries.keys().next().value!)
      }
      return prepared
    },
    get size() {
      return entries.size
    },
    get hits() {
      return hits
    },
    get misses() {
      return misses
    },
  }
}

export interface GraphqlRequest {
  query: string
  variables: Record<string, unknown> | undefined
  operationName: string | undefined
}

/**
 * Read `{ query, variables, operationName }` from a POST JSON body (or the
 * query string of a GET). Anything else is a 400 SimError the vendor renders.
 */
export async function readGraphqlRequest(c: SimContext<any, any>): Promise<GraphqlRequest> {
  let raw: Record<string, unknown>
  if (c.req.method === 'GET') {
    const q = c.req.query()
    let variables: unknown
    try {
      variables = q.variables ? JSON.parse(q.variables) : undefined
    } catch {
      throw new SimError(400, 'bad_request', 'The "variables" query parameter is not valid JSON')
    }
    raw = { query: q.query, variables, operationName: q.operationName }
  } else {
    const body = await readBody(c)
    if (body.kind === 'empty')
      throw new SimError(
        400,
        'bad_request',
        'Send a JSON body: {"query": "...", "variables": {...}}',
      )
    if (!body.value || typeof body.value !== 'object' || Array.isArray(body.value))
      throw new SimError(
        400,
        'bad_request',
        'The body must be a JSON object with a "query" string (batched arrays are not supported)',
      )
    raw = body.value as Record<string, unknown>
  }
  if (typeof raw.query !== 'string' || raw.query.trim() === '')
    throw new SimError(400, 'bad_request', 'Must provide query string.')
  if (
    raw.variables !== undefined &&
    raw.variables !== null &&
    (typeof raw.variables !== 'object' || Array.isArray(raw.variables))
  )
    throw new SimError(400, 'bad_request', 'Variables are invalid JSON: send an object')
  if (
    raw.operationName !== undefined &&
    raw.operationName !== null &&
    typeof raw.operationName !== 'string'
  )
    throw new SimError(400, 'bad_request', '"operationName" must be a string')
  return {
    query: raw.query,
    variables: (raw.variables ?? undefined) as Record<string, unknown> | undefined,
    operationName: (raw.operationName ?? undefined) as string | undefined,
  }
}

/** Pick the operation a request names, graphql-js style; a string is the error. */
export function selectOperation(
  prepared: PreparedDocument,
  operationName: string | undefined,
): OperationDefinitionNode | string {
  if (operationName !== undefined)
    return prepared.operations.get(operationName) ?? `Unknown operation named "${operationName}".`
  if (prepared.operations.size === 1) return prepared.operations.values().next().value!
  return prepared.operations.size === 0
    ? 'Must provide an operation.'
    : 'Must provide operation name if query contains multiple operations.'
}

/**
 * The outcome of preparing a request: either a refusal to answer as is
 * (syntax/validation/request errors, HTTP 400 by graphql-over-HTTP) or an
 * operation ready to run.
 */
export type Prepared =
  | { ok: false; errors: readonly GraphQLError[] }
  | { ok: true; prepared: PreparedDocument; operation: OperationDefinitionNode }

export function prepareRequest(cache: DocumentCache, request: GraphqlRequest): Prepared {
  const prepared = cache.get(request.query)
  if (prepared.errors.length) return { ok: false, errors: prepared.errors }
  const operation = selectOperation(prepared, request.operationName)
  if (typeof operation === 'string') return { ok: false, errors: [new GraphQLError(operation)] }
  return { ok: true, prepared, operation }
}

/** Execute a prepared operation (only that one: the document is narrowed to it). */
export async function runOperation(o: {
  schema: GraphQLSchema
  prepared: PreparedDocument
  operation: OperationDefinitionNode
  variables?: Record<string, unknown>
  contextValue?: unknown
  rootValue?: unknown
  fieldResolver?: GraphQLFieldResolver<unknown, unknown>
}): Promise<ExecutionResult> {
  return execute({
    schema: o.schema,
    document: o.prepared.document,
    operationName: o.operation.name?.value,
    variableValues: o.variables,
    contextValue: o.contextValue,
    rootValue: o.rootValue,
    fieldResolver: o.fieldResolver,
  })
}

/** The response key of the root field a resolver runs under (`info.path` walked to its top). */
type PathLike = { readonly prev: PathLike | undefined; readonly key: string | number }
export function rootKeyOf(path: PathLike): string {
  let p = path
  while (p.prev) p = p.prev
  return String(p.key)
}
