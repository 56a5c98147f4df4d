import { GraphQLError, Kind, type GraphQLSchema, type ValueNode } from 'graphql'
import { argumentValue } from '../core/graphql/index.ts'
import { isoDateTime, parseDateTime } from './dates.ts'

/**
 * ShipHero's custom scalars, as lenient on input as the real server: `ISODateTime` takes the
 * forms `parseDateTime` reads (`dates.ts`); `BigInt` takes a number or a numeric string;
 * `Decimal` a number or a numeric string.
 */
const literal = (node: ValueNode) => argumentValue(node, undefined)

/** Attach parsing and serialising to the scalars of a schema built from SDL. */
export function attachScalars(schema: GraphQLSchema) {
  const set = (
    name: string,
    impl: {
      serialize(v: unknown): unknown
      parseValue(v: unknown): unknown
      parseLiteral(n: ValueNode): unknown
    },
  ) => {
    const type = schema.getType(name)
    if (type) Object.assign(type, impl)
  }
  const dateValue = (v: unknown) => {
    const ms = typeof v === 'string' ? parseDateTime(v) : undefined
    if (ms === undefined)
      throw new GraphQLError(
        `ISODateTime cannot represent ${JSON.stringify(v)}: use ISO-8601, e.g. "2026-04-10T00:00:00"`,
      )
    return ms
  }
  set('ISODateTime', {
    serialize: (v) => (typeof v === 'number' ? isoDateTime(v) : v),
    parseValue: dateValue,
    parseLiteral: (n) => {
      if (n.kind !== Kind.STRING) throw new GraphQLError('ISODateTime must be a string')
      return dateValue(n.value)
    },
  })
  const bigValue = (v: unknown) => {
    const n = typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v
    if (typeof n !== 'number' || !Number.isSafeInteger(n))
      throw new GraphQLError(`BigInt cannot represent ${JSON.stringify(v)}`)
    return n
  }
  set('BigInt', {
    serialize: (v) => v,
    parseValue: bigValue,
    parseLiteral: (n) => {
      if (n.kind !== Kind.INT && n.kind !== Kind.STRING)
        throw new GraphQLError('BigInt must be an integer')
      return bigValue(literal(n))
    },
  })
  const decimalValue = (v: unknown) => {
    const text =
      typeof v === 'number' && Number.isFinite(v)
        ? String(v)
        : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)
          ? v.trim()
          : undefined
    if (text === undefined) throw new GraphQLError(`Decimal cannot represent ${JSON.stringify(v)}`)
    return text
  }
  set('Decimal', {
    serialize: (v) => (v == null ? v : String(v)),
    parseValue: decimalValue,
    parseLiteral: (n) => {
      if (n.kind !== Kind.INT && n.kind !== Kind.FLOAT && n.kind !== Kind.STRING)
        throw new GraphQLError('Decimal must be a number or a numeric string')
      return decimalValue(literal(n))
    },
  })
  set('GenericScalar', {
    serialize: (v) => v,
    parseValue: (v) => v,
    parseLiteral: (n) => literal(n),
  })
}
