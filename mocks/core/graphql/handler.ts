import type { ExecutionResult, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql'
import type { Lock } from '../lock.ts'
import type { SimContext } from '../context.ts'
import type { PreparedDocument } from './documents.ts'
import { readGraphqlRequest, type GraphqlRequest } from './request.ts'
import type { GraphqlSchema } from './schema.ts'

/** What `admit` learns about an operation before it runs. */
export interface Admission<A> {
  auth: A
  request: GraphqlRequest
  prepared: PreparedDocument
  operation: OperationDefinitionNode
  schema: GraphQLSchema
}

/**
 * A vendor's side of its GraphQL endpoint, past authentication: the schema, and how the vendor
 * refuses, meters and answers operations. It lives in a module of its own, loaded (with
 * graphql-js and the resolvers) by the first request that carries a document.
 */
export interface GraphqlEndpoint<Ctx, A> {
  graphql: GraphqlSchema
  /** The answer to a request that cannot run: syntax, validation, operation selection, variables that do not coerce. */
  requestError(c: SimContext<any, any>, errors: readonly GraphQLError[]): Response
  /** Meter the operation and build its context; a Response refuses it (not enough credits, too deep). */
  admit(c: SimContext<any, any>, a: Admission<A>): Ctx | Response
  /** Mutations run one at a time under this lock (check-then-write resolvers stay atomic). */
  lock?(c: SimContext<any, any>): Lock
  /** Shape the executed result into the vendor's answer (format errors, refund credits). */
  respond(c: SimContext<any, any>, ctx: Ctx, result: ExecutionResult): Response
}

export interface GraphqlHandlerOptions<Ctx, A> {
  /** Check credentials before the body is read (throw the vendor's 401/403/429). */
  authenticate(c: SimContext<any, any>): A
  /** The vendor's endpoint module: `() => import('./endpoint.ts').then((m) => m.ENDPOINT)`. */
  load(): Promise<GraphqlEndpoint<Ctx, A>>
}

type Run<A> = (c: SimContext<any, any>, auth: A, request: GraphqlRequest) => Promise<Response>

/**
 * A GraphQL endpoint on the core's pipeline: authenticate → read `{query, variables,
 * operationName}` → cached parse and validation → operation selection → the vendor's
 * admission (cost, limits, context) → execution (mutations under the lock) → the
 * vendor's answer. Every vendor's `/graphql` is one of these.
 *
 * Requests that end before a document is needed (no credentials, a body that is not a GraphQL
 * request) are answered without loading graphql-js; the first one that carries a document loads
 * it, the vendor's schema and resolvers (`load`), once.
 * @example
 * app.post('/graphql', graphqlHandler({ authenticate, load: () => import('./endpoint.ts').then((m) => m.ENDPOINT) }))
 * @see https://graphql.org/learn/serving-over-http/
 */
export function graphqlHandler<Ctx, A>(o: GraphqlHandlerOptions<Ctx, A>) {
  let run: Run<A> | undefined
  let loading: Promise<Run<A>> | undefined
  const load = () =>
    (loading ??= Promise.all([import('./pipeline.ts'), o.load()]).then(
      ([{ pipeline }, endpoint]) => (run = pipeline(endpoint)),
      (err) => {
        // A failed load is not remembered: the next request tries again.
        loading = undefined
        throw err
      },
    ))
  return async (c: SimContext<any, any>): Promise<Response> => {
    const auth = o.authenticate(c)
    const request = await readGraphqlRequest(c)
    // Once loaded, the pipeline is called directly: no promise to wait on per request.
    return (run ?? (await load()))(c, auth, request)
  }
}
