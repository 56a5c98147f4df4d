import type { OpenAPIV3_1 } from 'openapi-types'
import { errorResponses, jsonContent, ref } from '../shared/openapi.ts'

/**
 * The pieces the Stitchex OpenAPI document is built from: its list and single-row answers
 * (`meta` pages, singular wrapper keys), its Rails-wrapped or bare write bodies, its error
 * responses and the security every data endpoint needs.
 */
export type Operation = NonNullable<OpenAPIV3_1.PathItemObject['get']>
/** What an operation may add: a description, the proposal marker. */
export type Extra = { description?: string; 'x-vendorsim-proposal'?: true }
type Parameter = OpenAPIV3_1.ParameterObject

export const query = (
  name: string,
  description: string,
  type: 'integer' | 'string' = 'string',
): Parameter => ({ in: 'query', name, description, schema: { type } })
export const idPath: Parameter = {
  in: 'path',
  name: 'id',
  required: true,
  schema: { type: 'integer' },
}
/** Doorkeeper's body for a refused token; `{message}` (and `errors` on 422) for the rest. */
export const errors = (...codes: number[]) =>
  errorResponses(
    codes,
    (c) => (c === 401 ? 'OAuthError' : 'Error'),
    (c) => ERROR_TEXT[c] ?? `Error (${c})`,
  )
const ERROR_TEXT: Record<number, string> = {
  400: 'A query parameter that is not valid',
  401: 'The token is missing, expired or revoked',
  404: 'Not found in the current organisation',
  422: 'No current organisation, or a write refused (`errors` names each field)',
  429: 'Rate limit exceeded (when the sandbox sets one)',
}
/** Every data endpoint: a token, and an organisation chosen with `set_current_org`. */
export const data = (tag: string, op: Operation): Operation => ({
  tags: [tag],
  security: [{ Uphance: [] }],
  ...op,
})
/** A singular-key answer: `{ "<key>": {...} }`. */
export const wrapped = (key: string, name: string, description: string) => ({
  description,
  content: {
    'application/json': {
      schema: { type: 'object' as const, required: [key], properties: { [key]: ref(name) } },
    },
  },
})
const PAGING = [
  query('page', 'Page number (100 per page)', 'integer'),
  query('since_id', 'Only rows with a greater id', 'integer'),
  query('since_created_at', 'Only rows created at or after this ISO 8601 date or time'),
]
/** `GET /<plural>`: `{ "<plural>": [...], "meta": {...} }`, 100 per page, ascending ids. */
export const list = (
  tag: string,
  key: string,
  name: string,
  extra: Parameter[] = [],
  more: Extra = {},
): Operation =>
  data(tag, {
    operationId: `list_${key}`,
    parameters: [...PAGING, ...extra],
    responses: {
      '200': {
        description: `A page of ${key.replace(/_/g, ' ')}`,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: [key, 'meta'],
              properties: { [key]: { type: 'array', items: ref(name) }, meta: ref('Meta') },
            },
          },
        },
      },
      ...errors(400, 401, 422, 429),
    },
    ...more,
  })
/** `GET /<plural>/{id}`: the row under its singular key. */
export const one = (tag: string, key: string, name: string, more: Extra = {}) => ({
  parameters: [idPath],
  get: data(tag, {
    operationId: `get_${key}`,
    responses: {
      '200': wrapped(key, name, `One ${key.replace(/_/g, ' ')}`),
      ...errors(401, 404, 422, 429),
    },
    ...more,
  }),
})
/** A write with a JSON body, Rails-wrapped (`{"<key>": {...}}`) or bare. */
export const write = (key: string, input: string) => ({
  required: true,
  content: {
    'application/json': {
      schema: {
        anyOf: [
          { type: 'object' as const, required: [key], properties: { [key]: ref(input) } },
          ref(input),
        ],
      },
    },
  },
})

/** A body of one component, as it is (not wrapped). */
export const body = (input: string) => ({ required: true, content: jsonContent(input) })
/** Create (201) or update (200) a row; the answer is the row under its singular `key`. */
export const save = (
  tag: string,
  operationId: string,
  [key, name]: [key: string, name: string],
  requestBody: ReturnType<typeof body> | ReturnType<typeof write>,
  created: boolean,
  more: Extra = {},
): Operation => {
  const answer = wrapped(key, name, `The ${key.replace(/_/g, ' ')}`)
  return data(tag, {
    operationId,
    requestBody,
    responses: created
      ? { '201': answer, ...errors(401, 422, 429) }
      : { '200': answer, ...errors(401, 404, 422, 429) },
    ...more,
  })
}
