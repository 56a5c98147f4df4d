import type { GraphQLError } from 'graphql'
import type { SimContext } from '../context.ts'
import { SimError } from '../errors.ts'
import { prepareRequest } from './documents.ts'
import { runOperation } from './execute.ts'
import type { GraphqlEndpoint } from './endpoint.ts'
import type { GraphqlRequest } from './request.ts'

/**
 * The part of `graphqlHandler` that needs graphql-js, loaded with the vendor's endpoint: cached
 * parse and validation, operation selection, admission, execution (mutations under the
 * vendor's lock) and the vendor's answer.
 */
export function pipeline<Ctx, A>(o: GraphqlEndpoint<Ctx, A>) {
  return async (c: SimContext<any, any>, auth: A, request: GraphqlRequest): Promise<Response> => {
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

/**
 * Whether a resolver threw something that is neither the vendor's error (`SimError`) nor a
 * GraphQL error: a simulator bug, which a vendor answers as its own internal error rather than
 * with the bug's message.
 */
export function isResolverCrash(err: GraphQLError): boolean {
  const original = err.originalError
  return (
    original !== undefined &&
    !(original instanceof SimError) &&
    !(original as { extensions?: unknown }).extensions &&
    (err.path?.length ?? 0) > 0
  )
}
