import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  parse,
  validate,
  type GraphQLSchema,
} from 'graphql'
import { describe, expect, it } from 'vitest'
import { shipHeroSdl } from '../../contracts/shiphero/sdl.ts'
import { SHIPHERO_GRAPHQL } from '../../mocks/shiphero/schema.ts'

const shipHeroSchema = SHIPHERO_GRAPHQL.schema

// ShipHero's public schema reference, kept beside the checkout (see vendor-refs/shiphero/SOURCE.md).
const REF =
  process.env.SHIPHERO_SCHEMA_SDL ??
  fileURLToPath(new URL('../../../shared/vendor-refs/shiphero/schema.graphql', import.meta.url))
const hasRef = existsSync(REF)

/** Every way `ours` could differ from `ref` while claiming to be a subset of it. */
function subsetProblems(ours: GraphQLSchema, ref: GraphQLSchema): string[] {
  const problems: string[] = []
  for (const type of Object.values(ours.getTypeMap())) {
    if (type.name.startsWith('__')) continue
    const other = ref.getType(type.name)
    if (!other) {
      problems.push(`type ${type.name} is not in ShipHero's schema`)
      continue
    }
    if (other.constructor !== type.constructor) {
      problems.push(
        `${type.name} is a ${type.constructor.name} here but a ${other.constructor.name} in ShipHero's schema`,
      )
      continue
    }
    if (isEnumType(type) && isEnumType(other)) {
      const values = new Set(other.getValues().map((v) => v.name))
      for (const v of type.getValues())
        if (!values.has(v.name))
          problems.push(`enum value ${type.name}.${v.name} is not ShipHero's`)
    }
    if (
      (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) &&
      (isObjectType(other) || isInterfaceType(other) || isInputObjectType(other))
    ) {
      const refFields = other.getFields() as Record<
        string,
        { type: unknown; args?: ReadonlyArray<{ name: string; type: unknown }> }
      >
      for (const field of Object.values(type.getFields()) as Array<{
        name: string
        type: unknown
        args?: ReadonlyArray<{ name: string; type: unknown }>
      }>) {
        const refField = refFields[field.name]
        if (!refField) {
          problems.push(`${type.name}.${field.name} is not in ShipHero's schema`)
          continue
        }
        if (String(field.type) !== String(refField.type))
          problems.push(
            `${type.name}.${field.name} is ${String(field.type)} here but ${String(refField.type)} in ShipHero's schema`,
          )
        for (const arg of field.args ?? []) {
          const refArg = refField.args?.find((a) => a.name === arg.name)
          if (!refArg)
            problems.push(`${type.name}.${field.name}(${arg.name}) is not in ShipHero's schema`)
          else if (String(arg.type) !== String(refArg.type))
            problems.push(
              `${type.name}.${field.name}(${arg.name}) is ${String(arg.type)} here but ${String(refArg.type)} in ShipHero's schema`,
            )
        }
      }
    }
  }
  return problems
}

// The seed primer's examples (shared/seeds/002): three valid as written, three written for an older schema.
const SEED_VALID = {
  products:
    'query { products { complexity request_id data(first: 10) { edges { node { id sku name warehouse_products { id warehouse_id on_hand } } } } } }',
  productBySku:
    'query { product(sku: "some-sku") { complexity request_id data { id sku name warehouse_products { id warehouse_id on_hand } } } }',
  productCreate:
    'mutation { product_create(data: { name: "New Product" sku: "P0001" price: "10.00" value: "2.00" barcode: "000001" warehouse_products: [ { warehouse_id: "V2FyZWhvdXNlOjExNA==" on_hand: 5 }, { warehouse_id: "V2FyZWhvdXNlOjEyODg=" on_hand: 15 } ] }) { request_id complexity product { id name sku warehouse_products { id } } } }',
}
const SEED_OUTDATED = {
  accountCustomers: 'query { account { customers { edges { node { id } } } } }',
  meAccount: 'query { me { id email account { customers { edges { node { id } } } } } }',
  uuidString: 'query { uuid(legacy_id: 1234, entity: "Product") { data { legacy_id id } } }',
}
// The corrected forms the README shows.
const SEED_CORRECTED = {
  accountCustomers: 'query { account { data { customers { edges { node { id } } } } } }',
  meAccount: 'query { me { data { id email account { customers { edges { node { id } } } } } } }',
  uuidString: 'query { uuid(legacy_id: 1234, entity: Product) { data { legacy_id id } } }',
}

describe('ShipHero schema', () => {
  it('builds, and every root field has a resolver', () => {
    expect(() => shipHeroSchema()).not.toThrow()
  })

  it.skipIf(!hasRef)(`is a strict subset of ShipHero's public schema (${REF})`, () => {
    const ref = buildSchema(readFileSync(REF, 'utf8'))
    expect(subsetProblems(buildSchema(shipHeroSdl()), ref)).toEqual([])
  })

  it('the subset check catches a changed type, a made-up field and a made-up argument', () => {
    const ref = buildSchema('type Query { a(x: Int): String  b: [Int!] }')
    const ours = buildSchema('type Query { a(x: String, y: Int): String  b: [Int]  c: Int }')
    expect(subsetProblems(ours, ref)).toEqual([
      "Query.a(x) is String here but Int in ShipHero's schema",
      "Query.a(y) is not in ShipHero's schema",
      "Query.b is [Int] here but [Int!] in ShipHero's schema",
      "Query.c is not in ShipHero's schema",
    ])
  })

  it('keeps the custom scalars ShipHero declares', () => {
    for (const name of ['BigInt', 'ISODateTime', 'Decimal', 'GenericScalar'])
      expect(isScalarType(getNamedType(shipHeroSchema().getType(name)!))).toBe(true)
  })

  it.each(Object.entries(SEED_VALID))("the seed's %s example validates unchanged", (_, query) => {
    expect(validate(shipHeroSchema(), parse(query))).toEqual([])
  })

  it.each(Object.entries(SEED_OUTDATED))(
    "the seed's outdated %s example fails, and its corrected form validates",
    (name, query) => {
      expect(validate(shipHeroSchema(), parse(query)).length).toBeGreaterThan(0)
      expect(
        validate(shipHeroSchema(), parse(SEED_CORRECTED[name as keyof typeof SEED_CORRECTED])),
      ).toEqual([])
    },
  )

  it.skipIf(!hasRef)("the seed examples behave the same against ShipHero's own schema", () => {
    const ref = buildSchema(readFileSync(REF, 'utf8'))
    for (const q of Object.values(SEED_VALID)) expect(validate(ref, parse(q))).toEqual([])
    for (const q of Object.values(SEED_OUTDATED))
      expect(validate(ref, parse(q)).length).toBeGreaterThan(0)
    for (const q of Object.values(SEED_CORRECTED)) expect(validate(ref, parse(q))).toEqual([])
  })
})
