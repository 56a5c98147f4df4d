/**
 * The GraphQL kit (loaded only by GraphQL vendors): documents, connections in both
 * shapes, cost analysis, schema wiring and the endpoint pipeline.
 *
 * This index loads graphql-js. What a vendor's definition loads (its `app.ts`, stores, timers,
 * sandbox) imports the pieces that do not, from their own files: `handler.ts`, `request.ts`,
 * `connections.ts`, `explorer.ts`; the endpoint, schema and resolvers may use this index.
 */
export { braceDepth } from './depth.ts'
export { rootKeyOf, runOperation } from './execute.ts'
export {
  createDocumentCache,
  prepareRequest,
  selectOperation,
  type DocumentCache,
  type DocumentLimits,
  type Prepared,
  type PreparedDocument,
} from './documents.ts'
export {
  connectionFromArray,
  cursorToOffset,
  nodesConnection,
  nodesShape,
  offsetToCursor,
  parseSort,
  relayShape,
  sliceConnection,
  sortRows,
  type Connection,
  type ConnectionArgs,
  type ConnectionSlice,
  type NodesConnection,
  type PageInfo,
  type SliceOptions,
  type SortKey,
} from './connections.ts'
export {
  estimateCost,
  cachedCost,
  argumentValue,
  type CostOptions,
  type RootCost,
} from './cost.ts'
export {
  defineGraphqlSchema,
  type GraphqlSchema,
  type GraphqlSchemaDefinition,
  type Resolver,
} from './schema.ts'
export { isResolverCrash } from './pipeline.ts'
export { readGraphqlRequest, type GraphqlRequest } from './request.ts'
export { graphqlHandler, type GraphqlHandlerOptions } from './handler.ts'
export type { Admission, GraphqlEndpoint } from './endpoint.ts'
export { explorerPage, type ExplorerOptions } from './explorer.ts'
