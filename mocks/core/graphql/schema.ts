import {
  buildSchema,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql'
import { createDocumentCache, type DocumentCache, type DocumentLimits } from './documents.ts'

/** A field resolver with the vendor's context type. */
export type Resolver<Ctx> = (source: any, args: any, ctx: Ctx, info: GraphQLResolveInfo) => unknown

export interface GraphqlSchemaDefinition<Ctx> {
  /** The SDL, read on first use (a vendor that is never queried never parses it). */
  sdl(): string
  /** Resolvers by type name, then field name: `{ Query: { products }, Product: { warehouse_products } }`. */
  resolvers: Record<string, Record<string, Resolver<Ctx>>>
  /** Wrap each root field's resolver (ShipHero's `{ request_id, complexity, data }` envelope). */
  wrapRoot?(operation: 'Query' | 'Mutation', field: string, resolve: Resolver<Ctx>): Resolver<Ctx>
  /** Attach parsing and serialising to the SDL's custom scalars. */
  scalars?(schema: GraphQLSchema): void
  /** Bounds of the document cache and of each query (size, depth, fields, tokens). */
  limits?: DocumentLimits
  /**
   * The resolver of a field that has none, chosen once per field when the schema is built
   * (ShipHero's: Relay ids from integer ids, function values called). `undefined` leaves the
   * plain property read, which compiled queries inline: give resolvers only where they change
   * something, since every resolver is a call per field per row.
   */
  defaultResolver?(
    type: GraphQLObjectType,
    field: GraphQLField<unknown, unknown>,
  ): Resolver<Ctx> | undefined
}

export interface GraphqlSchema {
  /** The SDL the schema is built from. */
  sdl(): string
  /** The executable schema, built on first use and kept by this definition (every tenant shares it; state comes through the context). */
  schema(): GraphQLSchema
  /** Parsed and validated documents for this schema. */
  documents(): DocumentCache
}

/**
 * Declare a vendor's GraphQL schema: SDL plus resolvers, wired and checked once,
 * lazily. Every root field must have a resolver and every resolver a field, so the
 * SDL and the code cannot drift apart.
 * @example
 * export const graphql = defineGraphqlSchema({ sdl: () => readFileSync(url, 'utf8'), resolvers: { Query: { items } } })
 * graphql.schema() // built here, the first time
 */
export function defineGraphqlSchema<Ctx>(def: GraphqlSchemaDefinition<Ctx>): GraphqlSchema {
  let schema: GraphQLSchema | undefined
  let documents: DocumentCache | undefined
  const build = () => {
    // The SDL ships with the package and a test checks it (test/unit/graphql-core.test.ts):
    // validating it again on every start costs ShipHero's a third of its build time. Without
    // source locations the schema keeps no token list of its SDL (ShipHero's: ~1 MiB, ~12 ms).
    const built = buildSchema(def.sdl(), {
      assumeValidSDL: true,
      assumeValid: true,
      noLocation: true,
    })
    def.scalars?.(built)
    for (const [typeName, resolvers] of Object.entries(def.resolvers)) {
      const type = built.getType(typeName)
      if (!isObjectType(type))
        throw new Error(`resolvers name ${typeName}, which is not an object type of the schema`)
      const fields = type.getFields()
      for (const [name, resolve] of Object.entries(resolvers)) {
        const field = fields[name]
        if (!field) throw new Error(`${typeName}.${name} is resolved but not in the schema`)
        const root =
          built.getQueryType() === type
            ? 'Query'
            : built.getMutationType() === type
              ? 'Mutation'
              : undefined
        field.resolve = (
          root && def.wrapRoot ? def.wrapRoot(root, name, resolve) : resolve
        ) as GraphQLFieldResolver<unknown, unknown>
      }
    }
    if (def.defaultResolver)
      for (const type of Object.values(built.getTypeMap()))
        if (isObjectType(type) && !type.name.startsWith('__'))
          for (const field of Object.values(type.getFields()))
            field.resolve ??= def.defaultResolver(type, field) as
              | GraphQLFieldResolver<unknown, unknown>
              | undefined
    for (const root of [built.getQueryType(), built.getMutationType()]) {
      for (const field of Object.values(root?.getFields() ?? {}))
        if (!field.resolve)
          throw new Error(`${root!.name}.${field.name} is in the schema but has no resolver`)
    }
    return built
  }
  const api: GraphqlSchema = {
    sdl: def.sdl,
    schema: () => (schema ??= build()),
    documents: () => (documents ??= createDocumentCache(api.schema(), def.limits)),
  }
  return api
}
