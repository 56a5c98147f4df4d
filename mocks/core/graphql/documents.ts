import {
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql'
import { braceDepth, measure } from './depth.ts'
import type { GraphqlRequest } from './request.ts'

/**
 * GraphQL in the core: a bounded cache of parsed-and-validated documents, and the operation a
 * request selects (the request reader is `request.ts`, execution `execute.ts`).
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
  /** Deepest selection nesting of its operations, fragments expanded (0 when it failed). */
  readonly depth: number
}

export interface DocumentCache {
  get(query: string): PreparedDocument
  readonly size: number
  /** Characters of query text held (the cache's budget is counted in these). */
  readonly bytes: number
  readonly hits: number
  readonly misses: number
}

/** Bounds applied before and after parsing; each refusal is a GraphQL error, answered as a request error. */
export interface DocumentLimits {
  /** Documents kept (default 500). */
  max?: number
  /** Query text kept in all, in characters (default 8 MiB): the cache is bounded by size, not only count. */
  maxBytes?: number
  /** Longest query accepted, in characters (default 100,000). */
  maxQueryLength?: number
  /** Lexical tokens a query may have (default 20,000), checked while parsing. */
  maxTokens?: number
  /** Deepest selection nesting (default 25). */
  maxDepth?: number
  /** Field selections an operation may make once fragments are expanded, aliases included (default 5,000). */
  maxFields?: number
  /** Validation errors reported at most (default 50). */
  maxErrors?: number
}

const limited = (message: string, code: string) =>
  new GraphQLError(message, { extensions: { code } })

/**
 * A least-recently-used cache of prepared documents, keyed by the query text and bounded
 * by count and by size. Documents that fail are not kept unless they are short (a client
 * that resends a broken query gets the same answer; a flood of distinct broken ones costs nothing).
 * @example
 * const cache = createDocumentCache(schema, { max: 500 })
 * cache.get('{ me { request_id } }').errors // []
 */
export function createDocumentCache(
  schema: GraphQLSchema,
  options: DocumentLimits = {},
): DocumentCache {
  const max = options.max ?? 500
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024
  const maxLength = options.maxQueryLength ?? 100_000
  const maxDepth = options.maxDepth ?? 25
  const maxFields = options.maxFields ?? 5_000
  const entries = new Map<string, PreparedDocument>()
  let bytes = 0
  let hits = 0
  let misses = 0
  const failed = (error: GraphQLError): PreparedDocument => ({
    document: { kind: Kind.DOCUMENT, definitions: [] },
    errors: [error],
    operations: new Map(),
    fragments: {},
    depth: 0,
  })
  const prepare = (query: string): PreparedDocument => {
    if (query.length > maxLength)
      return failed(
        limited(
          `The query is ${query.length} characters long; the limit is ${maxLength}.`,
          'QUERY_TOO_LARGE',
        ),
      )
    const nesting = braceDepth(query)
    if (nesting > maxDepth + 1)
      return failed(
        limited(
          `The query nests ${nesting} levels deep; the limit is ${maxDepth}.`,
          'QUERY_TOO_DEEP',
        ),
      )
    let document: DocumentNode
    try {
      document = parse(query, { maxTokens: options.maxTokens ?? 20_000 })
    } catch (err) {
      return failed(err instanceof GraphQLError ? err : new GraphQLError(String(err)))
    }
    const errors = validate(schema, document, undefined, { maxErrors: options.maxErrors ?? 50 })
    const operations = new Map<string, OperationDefinitionNode>()
    const fragments: Record<string, FragmentDefinitionNode> = {}
    for (const d of document.definitions) {
      if (d.kind === Kind.OPERATION_DEFINITION) operations.set(d.name?.value ?? '', d)
      else if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d
    }
    let depth = 0
    if (!errors.length) {
      const m = measure(document, fragments)
      depth = m.depth
      if (m.depth > maxDepth)
        return failed(
          limited(
            `The query nests ${m.depth} levels deep; the limit is ${maxDepth}.`,
            'QUERY_TOO_DEEP',
          ),
        )
      if (m.fields > maxFields)
        return failed(
          limited(
            `The query selects ${m.fields} fields (fragments expanded, aliases counted); the limit is ${maxFields}.`,
            'QUERY_TOO_COMPLEX',
          ),
        )
    }
    return { document, errors, operations, fragments, depth }
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
      if (query.length <= maxBytes / 16 && (prepared.errors.length === 0 || query.length <= 1024)) {
        entries.set(query, prepared)
        bytes += query.length
        while (entries.size > max || bytes > maxBytes) {
          const oldest = entries.keys().next().value!
          entries.delete(oldest)
          bytes -= oldest.length
        }
      }
      return prepared
    },
    get size() {
      return entries.size
    },
    get bytes() {
      return bytes
    },
    get hits() {
      return hits
    },
    get misses() {
      return misses
    },
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
