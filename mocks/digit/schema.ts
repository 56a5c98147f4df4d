import { GraphQLError, Kind, type GraphQLSchema, type ValueNode } from 'graphql'
import { digitSdl } from '../../contracts/digit/sdl.ts'
import { defineGraphqlSchema, type Resolver } from '../core/graphql/index.ts'
import { isoTime } from '../core/index.ts'
import { accountQueries } from './account.ts'
import { companyFields, companyMutations, companyQueries } from './companies.ts'
import type { DigitCtx } from './context.ts'
import { itemFields, itemMutations, itemQueries } from './items.ts'
import { orderFields, orderMutations, orderQueries } from './orders.ts'

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i

/** Milliseconds of a `DateTimeISO` input (an ISO 8601 date-time with a zone), or a GraphQL error. */
function parseIso(value: unknown): number {
  const ms = typeof value === 'string' && ISO.test(value) ? Date.parse(value) : Number.NaN
  if (Number.isNaN(ms))
    throw new GraphQLError(
      `DateTimeISO cannot represent an invalid date-time-string ${JSON.stringify(value)}.`,
    )
  return ms
}

/** `DateTimeISO` (TypeGraphQL's date scalar): answered as `2024-08-29T15:04:31.234Z`. */
function attachScalars(schema: GraphQLSchema) {
  const type = schema.getType('DateTimeISO')
  if (!type) return
  Object.assign(type, {
    serialize: (v: unknown) =>
      typeof v === 'number'
        ? isoTime(v)
        : new Date(typeof v === 'string' ? v : Number.NaN).toISOString(),
    parseValue: parseIso,
    parseLiteral: (node: ValueNode) => {
      if (node.kind !== Kind.STRING)
        throw new GraphQLError('DateTimeISO cannot represent a non string value.', {
          nodes: node,
        })
      return parseIso(node.value)
    },
  })
}

const merge = (groups: Array<Record<string, Record<string, Resolver<DigitCtx>>>>) => {
  const out: Record<string, Record<string, Resolver<DigitCtx>>> = {}
  for (const g of groups) for (const [t, f] of Object.entries(g)) out[t] = { ...out[t], ...f }
  return out
}

/**
 * The Digit schema (`contracts/digit/schema.graphql`) with resolvers over the tenant store;
 * every resolver reads only the calling token's account.
 * @see https://api.digit-software.com/docs
 */
export const DIGIT_GRAPHQL = defineGraphqlSchema<DigitCtx>({
  sdl: digitSdl,
  resolvers: {
    Query: { ...accountQueries, ...itemQueries, ...companyQueries, ...orderQueries },
    Mutation: { ...itemMutations, ...companyMutations, ...orderMutations },
    ...merge([itemFields, companyFields, orderFields]),
  },
  scalars: attachScalars,
})
