import {
  execute,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql'
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit'
import type { PreparedDocument } from './documents.ts'

/** Compiled operations of each prepared document, by operation name (`null`: graphql-jit declined it). */
const compiled = new WeakMap<PreparedDocument, Map<string, CompiledQuery | null>>()

/**
 * Execute a prepared operation (only that one). Each cached document is compiled once with
 * graphql-jit, which turns the operation into a plain function (the same results, errors and
 * null propagation as graphql-js, several times faster); an operation it cannot compile runs
 * through graphql-js `execute`. Default resolvers belong on the schema's fields
 * (`defineGraphqlSchema({ defaultResolver })`), where compiled queries see them too.
 * @see https://github.com/zalando-incubator/graphql-jit
 */
export async function runOperation(o: {
  schema: GraphQLSchema
  prepared: PreparedDocument
  operation: OperationDefinitionNode
  variables?: Record<string, unknown>
  contextValue?: unknown
  rootValue?: unknown
}): Promise<ExecutionResult> {
  let byName = compiled.get(o.prepared)
  if (!byName) compiled.set(o.prepared, (byName = new Map()))
  const name = o.operation.name?.value ?? ''
  let query = byName.get(name)
  if (query === undefined) {
    const made = compileQuery(o.schema, o.prepared.document, o.operation.name?.value)
    query = isCompiledQuery(made) ? made : null
    byName.set(name, query)
  }
  if (query) return query.query(o.rootValue, o.contextValue, o.variables ?? {}) as ExecutionResult
  return execute({
    schema: o.schema,
    document: o.prepared.document,
    operationName: o.operation.name?.value,
    variableValues: o.variables,
    contextValue: o.contextValue,
    rootValue: o.rootValue,
  })
}

/** The response key of the root field a resolver runs under (`info.path` walked to its top). */
type PathLike = { readonly prev: PathLike | undefined; readonly key: string | number }
export function rootKeyOf(path: PathLike): string {
  let p = path
  while (p.prev) p = p.prev
  return String(p.key)
}
