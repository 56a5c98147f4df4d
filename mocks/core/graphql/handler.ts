import type { SimContext } from '../context.ts'
import type { GraphqlEndpoint } from './endpoint.ts'
import { readGraphqlRequest, type GraphqlRequest } from './request.ts'

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
