import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  Kind,
  type SelectionSetNode,
} from 'graphql'
import { shipHeroSdl } from '../../contracts/shiphero/sdl.ts'
import { defineGraphqlSchema, type Resolver as CoreResolver } from '../core/graphql/index.ts'
import { accountFields, accountQueries } from './account.ts'
import type { ShipHeroCtx } from './context.ts'
import { ID_REFS, idTypeOf, toGlobalId } from './ids.ts'
import { inventoryMutations, inventoryQueries } from './inventory.ts'
import { orderMutations } from './order-mutations.ts'
import { orderFields, orderQueries } from './orders.ts'
import { productMutations } from './product-mutations.ts'
import { productFields, productQueries } from './products.ts'
import { attachScalars } from './scalars.ts'
import { shipmentMutations } from './shipment-mutations.ts'
import { shipmentFields, shipmentQueries } from './shipments.ts'
import { webhookFields, webhookMutations, webhookQueries } from './webhook-resolvers.ts'

type Resolver = CoreResolver<ShipHeroCtx>

/** Response keys of the `complexity` fields selected under a root field (aliases included). */
function complexityKeys(
  set: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  out: string[] = [],
): string[] {
  for (const sel of set?.selections ?? []) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value === 'complexity') out.push(sel.alias?.value ?? 'complexity')
    } else if (sel.kind === Kind.INLINE_FRAGMENT) complexityKeys(sel.selectionSet, info, out)
    else complexityKeys(info.fragments[sel.name.value]?.selectionSet, info, out)
  }
  return out
}

/**
 * Wrap a root resolver in ShipHero's envelope: `{ request_id, complexity, ... }`.
 * With `analyze: true`, nothing runs and `data` is null.
 */
function envelope(resolve: Resolver): Resolver {
  return (source, args, ctx, info) => {
    const meter = ctx.roots.get(info.path.key as string)
    if (meter) meter.complexityKeys = complexityKeys(info.fieldNodes[0]?.selectionSet, info)
    const base = { request_id: ctx.requestId, complexity: meter?.estimate ?? 0 }
    if (args.analyze === true) return { ...base, data: null }
    const result = resolve(source, args, ctx, info)
    return result instanceof Promise
      ? result.then((r) => ({ ...base, ...(r as object) }))
      : { ...base, ...(result as object) }
  }
}

/** Bare root fields (no envelope). */
const BARE = new Set(['user_quota', 'node'])

/**
 * The resolver of a field that has none, chosen per field: `id` as the Relay global id of its
 * type, `*_id` references as global ids of theirs, `legacy_id` as the row's integer id, and a
 * query result's `data`, whose value is a function (`data(first: 10)`), called like a resolver.
 * Every other field is a plain read (no resolver: compiled queries inline it).
 */
export function defaultResolver(
  type: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
): Resolver | undefined {
  const name = field.name
  const idType = name === 'id' ? idTypeOf(type.name) : ID_REFS[name]
  if (idType)
    return (source) => {
      const value = source[name]
      return typeof value === 'number' ? toGlobalId(idType, value) : value
    }
  if (name === 'legacy_id')
    return (source) => (source.legacy_id === undefined ? source.id : source.legacy_id)
  if (name === 'data')
    return (source, args, ctx, info) => {
      const value = source.data
      return typeof value === 'function' ? value(args, ctx, info) : value
    }
  return undefined
}

/**
 * The ShipHero schema the simulator serves (`contracts/shiphero/schema.graphql`) with
 * resolvers over the tenant store; root fields answer in ShipHero's envelope.
 * @see https://developer.shiphero.com/schema/
 */
export const SHIPHERO_GRAPHQL = defineGraphqlSchema<ShipHeroCtx>({
  sdl: shipHeroSdl,
  resolvers: {
    Query: {
      ...accountQueries,
      ...productQueries,
      ...orderQueries,
      ...shipmentQueries,
      ...inventoryQueries,
      ...webhookQueries,
    },
    Mutation: {
      ...productMutations,
      ...inventoryMutations,
      ...orderMutations,
      ...shipmentMutations,
      ...webhookMutations,
    },
    ...mergeTypes([
      accountFields,
      productFields,
      orderFields,
      shipmentFields,
      webhookFields,
    ] as Array<Record<string, Record<string, Resolver>>>),
  },
  wrapRoot: (operation, name, resolve) =>
    operation === 'Query' && BARE.has(name) ? resolve : envelope(resolve),
  scalars: attachScalars,
  defaultResolver,
})

function mergeTypes(groups: Array<Record<string, Record<string, Resolver>>>) {
  const out: Record<string, Record<string, Resolver>> = {}
  for (const group of groups)
    for (const [type, fields] of Object.entries(group)) out[type] = { ...out[type], ...fields }
  return out
}
