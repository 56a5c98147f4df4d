import { readFileSync } from 'node:fs'
import { buildSchema, isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema, Kind, type SelectionSetNode } from 'graphql'
import { accountFields, accountQueries } from './account.ts'
import type { ShipHeroCtx } from './context.ts'
import { ID_REFS, idTypeOf, toGlobalId } from './ids.ts'
import { inventoryMutations, inventoryQueries } from './inventory.ts'
import { orderFields, orderMutations, orderQueries } from './orders.ts'
import { productFields, productMutations, productQueries } from './products.ts'
import { attachScalars } from './scalars.ts'
import { shipmentFields, shipmentMutations, shipmentQueries } from './shipments.ts'
import { webhookFields, webhookMutations, webhookQueries } from './webhooks.ts'

/**
 * The ShipHero schema the simulator serves: `schema.graphql`, a strict subset
 * of ShipHero's public schema (every type, field, argument and enum value is
 * ShipHero's own, same types and nullability), with resolvers over the tenant
 * store.
 * @see https://developer.shiphero.com/schema/
 */
export const SCHEMA_SDL = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')

type Resolver = (source: any, args: any, ctx: ShipHeroCtx, info: GraphQLResolveInfo) => unknown

/** Response keys of the `complexity` fields selected under a root field (aliases included). */
function complexityKeys(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, out: string[] = []): string[] {
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
    return result instanceof Promise ? result.then((r) => ({ ...base, ...(r as object) })) : { ...base, ...(result as object) }
  }
}

const QUERIES: Record<string, Resolver> = { ...accountQueries, ...productQueries, ...orderQueries, ...shipmentQueries, ...inventoryQueries, ...webhookQueries }
const MUTATIONS: Record<string, Resolver> = { ...productMutations, ...inventoryMutations, ...orderMutations, ...shipmentMutations, ...webhookMutations }
const FIELDS: Record<string, Record<string, Resolver>> = {}
for (const group of [accountFields, productFields, orderFields, shipmentFields, webhookFields] as Array<Record<string, Record<string, Resolver>>>) {
  for (const [type, fields] of Object.entries(group)) FIELDS[type] = { ...FIELDS[type], ...fields }
}

/** Bare root fields (no envelope). */
const BARE = new Set(['user_quota', 'node'])

/**
 * The default resolver: a row's own value, a function value called like a
 * resolver (`data(first: 10)` of a query result), ids as Relay global ids,
 * `legacy_id` as the row's integer id.
 */
export const fieldResolver: GraphQLFieldResolver<any, ShipHeroCtx> = (source, args, ctx, info) => {
  const name = info.fieldName
  const value = source[name]
  if (typeof value === 'function') return value(args, ctx, info)
  if (name === 'legacy_id' && value === undefined) return source.id
  if (typeof value === 'number') {
    if (name === 'id') return toGlobalId(idTypeOf(info.parentType.name), value)
    const ref = ID_REFS[name]
    if (ref) return toGlobalId(ref, value)
  }
  return value
}

let built: GraphQLSchema | undefined

/** Build the schema once per process (every tenant shares it; state comes through the context). */
export function shipHeroSchema(): GraphQLSchema {
  if (built) return built
  const schema = buildSchema(SCHEMA_SDL)
  attachScalars(schema)
  const wire = (typeName: string, resolvers: Record<string, Resolver>, wrap: (name: string, r: Resolver) => Resolver) => {
    const type = schema.getType(typeName)
    if (!isObjectType(type)) throw new Error(`no type ${typeName}`)
    const fields = type.getFields()
    for (const [name, resolve] of Object.entries(resolvers)) {
      const field = fields[name]
      if (!field) throw new Error(`${typeName}.${name} is resolved but not in schema.graphql`)
      field.resolve = wrap(name, resolve) as GraphQLFieldResolver<unknown, unknown>
    }
  }
  wire('Query', QUERIES, (name, r) => (BARE.has(name) ? r : envelope(r)))
  wire('Mutation', MUTATIONS, (_, r) => envelope(r))
  for (const [type, resolvers] of Object.entries(FIELDS)) wire(type, resolvers, (_, r) => r)
  for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
    for (const field of Object.values(root.getFields())) if (!field.resolve) throw new Error(`${root.name}.${field.name} is in schema.graphql but has no resolver`)
  }
  return (built = schema)
}
