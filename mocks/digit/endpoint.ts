import type { ExecutionResult, GraphQLError } from 'graphql'
import { cachedCost } from '../core/graphql/cost.ts'
import type { Admission, GraphqlEndpoint } from '../core/graphql/endpoint.ts'
import { isResolverCrash } from '../core/graphql/pipeline.ts'
import { send, SimError, type SimContext } from '../core/index.ts'
import type { DigitAuth } from './auth.ts'
import { PAGING, type DigitCtx } from './context.ts'
import { CODES } from './errors.ts'
import { DIGIT_GRAPHQL } from './schema.ts'
import type { DigitCredentials, DigitState } from './store.ts'

/**
 * Digit's GraphQL endpoint past the bearer token: Apollo's request errors, the depth and cost
 * limits, the schema and its resolvers, Apollo's error shape. Loaded by the first request that
 * carries a document (`app.ts` authenticates before that).
 */

type Ctx = SimContext<DigitState, DigitCredentials>

/**
 * Apollo Server's code for a request that cannot run: a syntax error, a validation error
 * (graphql-js's own message), variables that do not coerce, an operation that cannot be picked.
 */
function requestCode(e: GraphQLError): string {
  const given = e.extensions?.code
  if (typeof given === 'string') return given
  if (e.message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED'
  if (e.message.startsWith('Variable "$')) return 'BAD_USER_INPUT'
  if (/operation/i.test(e.message) && !e.locations?.length) return 'OPERATION_RESOLUTION_FAILURE'
  return 'GRAPHQL_VALIDATION_FAILED'
}

const requestError = (c: Ctx, errors: readonly GraphQLError[]) =>
  send(
    c,
    {
      errors: errors.map((e) => ({
        ...e.toJSON(),
        extensions: { ...e.extensions, code: requestCode(e) },
      })),
    },
    400,
  )

/** The per-tenant depth and cost limits (`/_sandbox/settings`), then the resolver context. */
function admit(c: Ctx, { auth, operation, prepared, request, schema }: Admission<DigitAuth>) {
  const tenant = c.get('tenant')
  const { maxDepth, maxCost } = tenant.state.settings
  const refuse = (code: string, message: string) =>
    send(c, { errors: [{ message, extensions: { code } }] }, 400)
  if (prepared.depth > maxDepth)
    return refuse(
      'QUERY_TOO_DEEP',
      `The query nests ${prepared.depth} levels deep; the limit is ${maxDepth}.`,
    )
  const cost = cachedCost(schema, operation, prepared.fragments, request.variables, {
    defaultPageSize: PAGING.defaultSize,
  }).reduce((sum, r) => sum + r.cost, 0)
  if (cost > maxCost)
    return refuse(
      'QUERY_TOO_EXPENSIVE',
      `The query may cost ${cost} (rows it can return, nested pages multiplied); the limit is ${maxCost}. Ask for smaller pages.`,
    )
  const ctx: DigitCtx = {
    tenant,
    state: tenant.state,
    account: auth.account,
    record: auth.record,
    permissions: auth.permissions,
    now: tenant.clock.now(),
  }
  return ctx
}

/** A GraphQL error as Apollo answers it: `message`, `locations`, `path`, `extensions.code`. */
function formatError(err: GraphQLError): Record<string, unknown> {
  const original = err.originalError
  const json = err.toJSON() as unknown as Record<string, unknown>
  if (original instanceof SimError)
    return { ...json, extensions: { code: original.code, ...original.extra } }
  if (isResolverCrash(err))
    // A resolver crashed: a simulator bug, answered as Apollo's internal error.
    return {
      ...json,
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    }
  return { ...json, extensions: { code: CODES.badUserInput, ...err.extensions } }
}

function respond(c: Ctx, _ctx: DigitCtx, result: ExecutionResult): Response {
  const body: Record<string, unknown> = {}
  if (result.errors?.length) body.errors = result.errors.map(formatError)
  body.data = result.data
  return send(c, body)
}

/**
 * `POST /graphql` past the token: cached validation, depth and cost limits, execution
 * (mutations one at a time), permission checks field by field.
 * @see https://learn.digit-software.com/en/articles/11940553-digit-api-access
 */
export const DIGIT_ENDPOINT: GraphqlEndpoint<DigitCtx, DigitAuth> = {
  graphql: DIGIT_GRAPHQL,
  requestError,
  admit,
  lock: (c) => (c.get('tenant') as { state: DigitState }).state.lock,
  respond,
}
