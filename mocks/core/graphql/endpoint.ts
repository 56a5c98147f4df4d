import type { ExecutionResult, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql'
import type { Lock } from '../lock.ts'
import type { SimContext } from '../context.ts'
import type { PreparedDocument } from './documents.ts'
import type { GraphqlRequest } from './request.ts'
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
