import type { ExecutionResult, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql'
import type { Lock } from '../lock.ts'
import type { SimContext } from '../context.ts'
import {
  prepareRequest,
  readGraphqlRequest,
  runOperation,
  type GraphqlRequest,
  type PreparedDocument,
} from './documents.ts'
import type { GraphqlSchema } from './schema.ts'

/** What `admit` learns about an operation before it runs. */
export interface Admission<A> {
  auth: A
  request: GraphqlRequest
  prepared: PreparedDocument
  operation: OperationDefinitionNode
  schema: GraphQLSchema
}

export interface GraphqlHandlerOptions<Ctx, A> {
  graphql: GraphqlSchema
  /** Check credentials before the body is read (throw the vendor's 401/403/429). */
  authenticate(c: SimContext<any, any>): A
  /** The answer to a request that cannot run: syntax, validation, operation selection, variables that do not coerce. */
  requestError(c: SimContext<any, any>, errors: readonly GraphQLError[]): Response
  /** Meter the operation and build its context; a Response refuses it (not enough credits, too deep). */
  admit(c: SimContext<any, any>, a: Admission<A>): Ctx | Response
  /** Mutations run one at a time under this lock (check-then-write resolvers stay atomic). */
  lock?(c: SimContext<any, any>): Lock
  /** Shape the executed result into the vendor's answer (format errors, refund credits). */
  respond(c: SimContext<any, any>, ctx: Ctx, result: ExecutionResult): Response
}

/**
 * A GraphQL endpoint on the core's pipeline: authenticate → read `{query, variables,
 * operationName}` → cached parse and validation → operation selection → the vendor's
 * admission (cost, limits, context) → execution (mutations under the lock) → the
 * vendor's answer. Every vendor's `/graphql` is one of these.
 * @example
 * app.post('/graphql', graphqlHandler({ graphql, authenticate, requestError, admit, respond }))
 * @see https://graphql.org/learn/serving-over-http/
 */
export function graphqlHandler<Ctx, A>(o: GraphqlHandlerOptions<Ctx, A>) {
  return async (c: SimContext<any, any>): Promise<Response> => {
    const auth = o.authenticate(c)
    const request = await readGraphqlRequest(c)
    const prepared = prepareRequest(o.graphql.documents(), request)
    if (!prepared.ok) return o.requestError(c, prepared.errors)
    const schema = o.graphql.schema()
    const ctx = o.admit(c, {
      auth,
      request,
      prepared: prepared.prepared,
      operation: prepared.operation,
      schema,
    })
    if (ctx instanceof Response) return ctx
    const run = () =>
      runOperation({
        schema,
        prepared: prepared.prepared,
        operation: prepared.operation,
        variables: request.variables,
        contextValue: ctx,
      })
    const lock = prepared.operation.operation === 'mutation' ? o.lock?.(c) : undefined
    const result = lock ? await lock.run(run) : await run()
    if (result.data === undefined) return o.requestError(c, result.errors ?? [])
    return o.respond(c, ctx, result)
  }
}
