import type { OpenAPIV3_1 } from 'openapi-types'
import { errorResponses, jsonContent, PROPOSAL } from '../shared/openapi.ts'

/**
 * The pieces DigiKey's OpenAPI document is built from: its headers and parameters, its error
 * envelopes and rate-limit answers, and one operation builder for every API product (and one for
 * Order Management, whose operations are all vendorsim proposals).
 */
export const ok = (name: string, description: string, array = false, status = '200') => ({
  [status]: { description, content: jsonContent(name, array) },
})

export const header = (
  name: string,
  description: string,
  required = false,
): OpenAPIV3_1.ParameterObject => ({
  in: 'header',
  name,
  required,
  description,
  schema: { type: 'string' },
})
export const COMMON: OpenAPIV3_1.ParameterObject[] = [
  header('X-DIGIKEY-Client-Id', 'The client id of your app (per environment).', true),
  header(
    'X-DIGIKEY-Locale-Site',
    'US, CA, JP, UK, DE, ... (default US; invalid values fall back to the default).',
  ),
  header('X-DIGIKEY-Locale-Language', 'en, ja, de, fr, ... (default en).'),
  header(
    'X-DIGIKEY-Locale-Currency',
    "USD, CAD, JPY, GBP, EUR, ... (default: the site's currency).",
  ),
]
export const ACCOUNT = header(
  'X-DIGIKEY-Account-ID',
  'Required with 2-legged tokens; optional with 3-legged ones (users with several accounts).',
)
export const path = (
  name: string,
  type: 'integer' | 'string' = 'integer',
): OpenAPIV3_1.ParameterObject => ({ in: 'path', name, required: true, schema: { type } })
export const query = (
  name: string,
  type: 'integer' | 'string' | 'boolean',
  description?: string,
  required = false,
): OpenAPIV3_1.ParameterObject => ({
  in: 'query',
  name,
  required,
  schema: { type },
  ...(description ? { description } : {}),
})

export const RESPONSE_HEADERS = {
  'X-DIGIKEY-REQUEST-ID': {
    description: 'Request id, equal to RequestId / correlationId in error bodies',
    schema: { type: 'string' as const },
  },
  'X-RateLimit-Limit': {
    description: 'Requests allowed per day (per minute for Ordering, which has no daily cap)',
    schema: { type: 'integer' as const },
  },
  'X-RateLimit-Remaining': { description: 'Requests left', schema: { type: 'integer' as const } },
}

export const errors = (
  envelope: 'ApiErrorResponse' | 'DKProblemDetails',
  ...codes: number[]
): Record<string, OpenAPIV3_1.ResponseObject> => ({
  ...errorResponses(codes, () => envelope),
  '429': {
    description: 'BurstLimit exceeded (per minute) or the daily limit',
    headers: {
      'Retry-After': { schema: { type: 'integer' } },
      'X-BurstLimit-Limit': { schema: { type: 'integer' } },
      'X-BurstLimit-Remaining': { schema: { type: 'integer' } },
      'X-BurstLimit-Reset': { schema: { type: 'integer' } },
      'X-BurstLimit-ResetTime': { schema: { type: 'string' } },
    },
    content: jsonContent('ApiErrorResponse'),
  },
})

export type Op = NonNullable<OpenAPIV3_1.PathItemObject['get']>
export const op = (o: {
  id: string
  tag: string
  summary: string
  legs: 2 | 3
  envelope: 'ApiErrorResponse' | 'DKProblemDetails'
  params?: OpenAPIV3_1.ParameterObject[]
  body?: string
  responses: Record<string, OpenAPIV3_1.ResponseObject>
  codes: number[]
  proposal?: boolean
}): Op => ({
  operationId: o.id,
  tags: [o.tag],
  summary: o.summary,
  security:
    o.legs === 3
      ? [{ apiKeySecurity: [], oauth2AccessCodeSecurity: [] }]
      : [
          { apiKeySecurity: [], oauth2AccessCodeSecurity: [] },
          { apiKeySecurity: [], oauth2ApplicationSecurity: [] },
        ],
  parameters: [
    ...COMMON,
    ...(o.legs === 2 ? [ACCOUNT] : [{ ...ACCOUNT, required: false }]),
    ...(o.params ?? []),
  ],
  ...(o.body ? { requestBody: { required: true, content: jsonContent(o.body) } } : {}),
  responses: Object.fromEntries(
    Object.entries({ ...o.responses, ...errors(o.envelope, ...o.codes) }).map(([k, v]) => [
      k,
      k.startsWith('2') ? { ...v, headers: RESPONSE_HEADERS } : v,
    ]),
  ) as never,
  ...(o.proposal ? PROPOSAL : {}),
})

export const OM = '/OrderManagement/v1'
export const om = (
  id: string,
  summary: string,
  responses: Op['responses'],
  extra: Partial<Parameters<typeof op>[0]> = {},
) =>
  op({
    id,
    tag: 'OrderManagement',
    summary,
    legs: 3,
    envelope: 'DKProblemDetails',
    responses: responses as never,
    codes: [400, 401, 403, 404],
    proposal: true,
    ...extra,
  })
