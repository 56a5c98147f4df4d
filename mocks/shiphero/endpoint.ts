import type { ExecutionResult, GraphQLError } from 'graphql'
import { cachedCost } from '../core/graphql/cost.ts'
import type { Admission, GraphqlEndpoint } from '../core/graphql/endpoint.ts'
import { isResolverCrash } from '../core/graphql/pipeline.ts'
import { send, SimError, type SimContext, type Tenant } from '../core/index.ts'
import type { ShipHeroAuth } from './auth.ts'
import type { RootMeter, ShipHeroCtx } from './context.ts'
import { CODES } from './errors.ts'
import { SHIPHERO_GRAPHQL } from './schema.ts'
import type { ShipHeroCredentials, ShipHeroState } from './store.ts'
import { creditsOf, secondsUntil, setCredits } from './throttle.ts'

/**
 * ShipHero's GraphQL endpoint past authentication: cost analysis and the credit bucket, the
 * schema and its resolvers, refunds and ShipHero's error shape. Loaded by the first request
 * that carries a document (`app.ts` authenticates before that).
 */

type Ctx = SimContext<ShipHeroState, ShipHeroCredentials>
type ShipHeroTenant = Tenant<ShipHeroState, ShipHeroCredentials>

/** A GraphQL error in ShipHero's shape: `message`, `code`, `operation`, `field`, `request_id` at the top level. */
function formatError(
  err: GraphQLError,
  requestId: string,
  roots: Map<string, RootMeter>,
): Record<string, unknown> {
  const original = err.originalError
  const path = err.path ?? []
  const rootKey = path.length ? String(path[0]) : undefined
  const operation = rootKey ? (roots.get(rootKey)?.field ?? rootKey) : undefined
  const field = [...path].reverse().find((p) => typeof p === 'string') as string | undefined
  if (original instanceof SimError) {
    const code = Number(original.code)
    return {
      message: err.message,
      operation,
      field,
      request_id: requestId,
      code,
      ...original.extra,
    }
  }
  if (isResolverCrash(err)) {
    // A resolver crashed: a simulator bug, answered as ShipHero's internal error.
    return {
      message: 'Internal error',
      operation,
      field,
      request_id: requestId,
      code: CODES.internal,
    }
  }
  const json = err.toJSON() as unknown as Record<string, unknown>
  return { ...json, ...(operation ? { operation, field, request_id: requestId } : {}) }
}

/** Cost analysis and the credit bucket: charge up front, or answer code 30 / the per-operation maximum. */
function admit(
  c: Ctx,
  { auth, operation, prepared, request, schema }: Admission<ShipHeroAuth>,
): ShipHeroCtx | Response {
  const tenant = c.get('tenant')
  const state = tenant.state
  const { user } = auth
  const requestId = tenant.ids.hex(24)
  const now = tenant.clock.now()
  const isQuery = operation.operation === 'query'
  const costs = cachedCost(schema, operation, prepared.fragments, request.variables)
  const roots = new Map<string, RootMeter>()
  let required = 0
  for (const r of costs) {
    const analyze = isQuery && r.args.analyze === true
    roots.set(r.key, { field: r.field, estimate: r.cost, rows: 0, analyze })
    if (!analyze) required += r.cost
  }
  const firstField = costs[0]?.field
  if (required > state.throttle.capacity) {
    const message = `The requested operation requires ${required} credits, max allowed is ${state.throttle.capacity} credits per operation. Request fewer rows (first/last) or split the query.`
    return send(c, {
      errors: [
        {
          message,
          code: CODES.invalidArgument,
          operation: firstField,
          request_id: requestId,
          required_credits: required,
          max_allowed: state.throttle.capacity,
        },
      ],
      data: null,
    })
  }
  const remaining = creditsOf(state, user.id, now)
  if (required > remaining) {
    const left = Math.floor(remaining)
    const seconds = secondsUntil(state, required, remaining)
    const details = {
      required_credits: required,
      remaining_credits: left,
      time_remaining: `${seconds} seconds`,
    }
    const message = `There are not enough credits to perform the requested operation, which requires ${required} credits, but there are only ${left} left. In ${seconds} seconds you will have enough credits to perform the operation`
    return send(c, {
      errors: [
        {
          code: CODES.notEnoughCredits,
          message,
          operation: firstField,
          request_id: requestId,
          ...details,
          extensions: { code: CODES.notEnoughCredits, ...details },
        },
      ],
      data: null,
    })
  }
  setCredits(state, user.id, remaining - required, now)
  return {
    tenant,
    state,
    user,
    account: state.accounts.get(user.account_id)!,
    requestId,
    now,
    roots,
    revealSecrets: new Set(),
  }
}

/** Charge what was returned, not what was asked: refund the unused rows, then answer `{ errors?, data }`. */
function respond(c: Ctx, ctx: ShipHeroCtx, result: ExecutionResult): Response {
  const { tenant, state, user } = ctx
  let refund = 0
  for (const [key, meter] of ctx.roots) {
    if (meter.analyze) continue
    const actual = Math.min(meter.estimate, 1 + meter.rows)
    refund += meter.estimate - actual
    const envelope = (result.data as Record<string, unknown> | null)?.[key] as
      | Record<string, unknown>
      | null
      | undefined
    if (envelope && typeof envelope === 'object')
      for (const k of meter.complexityKeys ?? []) envelope[k] = actual
  }
  if (refund)
    setCredits(
      state,
      user.id,
      creditsOf(state, user.id, tenant.clock.now()) + refund,
      tenant.clock.now(),
    )
  const body: Record<string, unknown> = {}
  if (result.errors?.length)
    body.errors = result.errors.map((e) => formatError(e, ctx.requestId, ctx.roots))
  body.data = result.data
  return send(c, body)
}

/**
 * `POST /graphql` past authentication: validation (cached), cost analysis and the credit
 * bucket, execution, refund of unused rows.
 * @see https://developer.shiphero.com/getting-started/
 */
export const SHIPHERO_ENDPOINT: GraphqlEndpoint<ShipHeroCtx, ShipHeroAuth> = {
  graphql: SHIPHERO_GRAPHQL,
  requestError: (c, errors) => send(c, { errors: errors.map((e) => e.toJSON()) }, 400),
  admit,
  lock: (c) => (c.get('tenant') as ShipHeroTenant).state.lock,
  respond,
}
