import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types'
import { z } from 'zod'

/**
 * Helpers every vendor's OpenAPI generation uses: JSON Schema from the contract's
 * zod schemas, the proposal marker, component references.
 */
export function jsonSchema(
  s: z.ZodType,
  io: 'input' | 'output' = 'output',
): OpenAPIV3_1.SchemaObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, {
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>
  return rest as OpenAPIV3_1.SchemaObject
}

/** Marks what is our choice, not the vendor's documentation (listed in the vendor's LIMITATIONS). */
export const PROPOSAL = { 'x-vendorsim-proposal': true } as const

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

/** `application/json` content of a component (or an array of it). */
export const jsonContent = (name: string, array = false) => ({
  'application/json': { schema: array ? { type: 'array' as const, items: ref(name) } : ref(name) },
})

/** A required form-encoded request body: an object with `required` among its `properties`. */
export const formBody = (
  required: readonly string[],
  properties: Record<string, OpenAPIV3_1.SchemaObject>,
) =>
  ({
    required: true,
    content: {
      'application/x-www-form-urlencoded': {
        schema: { type: 'object', required: [...required], properties },
      },
    },
    // A path item of a 3.1 document may hold 3.0 objects (openapi-types unions the two).
  }) as OpenAPIV3_1.RequestBodyObject & OpenAPIV3.RequestBodyObject

/**
 * Error responses by status code: each with `describe(code)` (default `Error (<code>)`) and a
 * body of the component `body(code)` names.
 */
export const errorResponses = (
  codes: readonly number[],
  body: (code: number) => string,
  describe: (code: number) => string = (c) => `Error (${c})`,
): Record<string, OpenAPIV3_1.ResponseObject> =>
  Object.fromEntries(
    codes.map((c) => [String(c), { description: describe(c), content: jsonContent(body(c)) }]),
  )

/** The vendor's real servers, then the simulator at the address this document was asked from. */
export const serversOf = (
  real: ReadonlyArray<{ url: string; description: string }>,
  baseUrl?: string,
): OpenAPIV3_1.ServerObject[] => [
  ...real,
  ...(baseUrl ? [{ url: baseUrl, description: 'vendorsim' }] : []),
]
