import type { OpenAPIV3_1 } from 'openapi-types'
import { errorResponses, jsonContent, jsonSchema, PROPOSAL, serversOf } from '../shared/openapi.ts'
import * as S from './schemas.ts'

/**
 * The OpenAPI 3.1 document of what the DigiKey simulator serves, generated from
 * the contract schemas so it cannot drift from them. Operations, paths and
 * models that DigiKey does not publish (Packing List and Order Management
 * models, Order Management sub-paths, some error bodies) carry
 * `x-vendorsim-proposal: true`; mocks/digikey/LIMITATIONS.md lists them.
 * Served at `GET /digikey/_sandbox/openapi.json`.
 * @see https://developer.digikey.com/products/ordering
 */
const schema = jsonSchema
const proposal = PROPOSAL
const json = jsonContent
const ok = (name: string, description: string, array = false, status = '200') => ({
  [status]: { description, content: json(name, array) },
})

const header = (
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
const COMMON: OpenAPIV3_1.ParameterObject[] = [
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
const ACCOUNT = header(
  'X-DIGIKEY-Account-ID',
  'Required with 2-legged tokens; optional with 3-legged ones (users with several accounts).',
)
const path = (
  name: string,
  type: 'integer' | 'string' = 'integer',
): OpenAPIV3_1.ParameterObject => ({ in: 'path', name, required: true, schema: { type } })
const query = (
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

const RESPONSE_HEADERS = {
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

const errors = (
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
    content: json('ApiErrorResponse'),
  },
})

type Op = NonNullable<OpenAPIV3_1.PathItemObject['get']>
const op = (o: {
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
  ...(o.body ? { requestBody: { required: true, content: json(o.body) } } : {}),
  responses: Object.fromEntries(
    Object.entries({ ...o.responses, ...errors(o.envelope, ...o.codes) }).map(([k, v]) => [
      k,
      k.startsWith('2') ? { ...v, headers: RESPONSE_HEADERS } : v,
    ]),
  ) as never,
  ...(o.proposal ? proposal : {}),
})

export function digikeyOpenApi(o: { baseUrl?: string } = {}): OpenAPIV3_1.Document {
  const OM = '/OrderManagement/v1'
  const om = (
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
  return {
    openapi: '3.1.0',
    info: {
      title:
        'DigiKey Ordering v3, Order Status v4, Packing List v1, Order Management v1 (vendorsim simulator)',
      version: '1.0.0',
      description:
        "What vendorsim serves for DigiKey. Anything marked x-vendorsim-proposal is not in DigiKey's public documentation (see LIMITATIONS).",
    },
    servers: serversOf(
      [
        { url: 'https://sandbox-api.digikey.com', description: 'sandbox' },
        { url: 'https://api.digikey.com', description: 'production' },
      ],
      o.baseUrl,
    ),
    components: {
      securitySchemes: {
        apiKeySecurity: { type: 'apiKey', in: 'header', name: 'X-DIGIKEY-Client-Id' },
        oauth2AccessCodeSecurity: {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: '/v1/oauth2/authorize',
              tokenUrl: '/v1/oauth2/token',
              refreshUrl: '/v1/oauth2/token',
              scopes: {},
            },
          },
        },
        oauth2ApplicationSecurity: {
          type: 'oauth2',
          flows: { clientCredentials: { tokenUrl: '/v1/oauth2/token', scopes: {} } },
        },
      },
      schemas: {
        TokenResponse: schema(S.TokenResponse),
        OAuthError: schema(S.OAuthError),
        ApiErrorResponse: schema(S.ApiErrorResponse),
        DKProblemDetails: schema(S.DKProblemDetails),
        OrderRequest: schema(S.OrderRequest, 'input'),
        OrderResponse: schema(S.OrderResponse),
        SalesOrder: schema(S.SalesOrder),
        OrderSearchResponse: schema(S.OrderSearchResponse),
        PackingList: { ...schema(S.PackingList), ...proposal },
        SalesOrderView: { ...schema(S.SalesOrderView), ...proposal },
        SalesOrderDetailView: { ...schema(S.SalesOrderDetailView), ...proposal },
        SalesOrderSchedulesView: { ...schema(S.SalesOrderSchedulesView), ...proposal },
        ScheduleView: { ...schema(S.ScheduleView), ...proposal },
        ChangeEligibility: { ...schema(S.ChangeEligibility), ...proposal },
        ReplaceScheduleRequest: { ...schema(S.ReplaceScheduleRequest, 'input'), ...proposal },
        PartialScheduleUpdateRequest: {
          ...schema(S.PartialScheduleUpdateRequest, 'input'),
          ...proposal,
        },
        ScheduleChangeAccepted: { ...schema(S.ScheduleChangeAccepted), ...proposal },
        NextAvailableDeliveryDate: { ...schema(S.NextAvailableDeliveryDate), ...proposal },
      },
    },
    paths: {
      '/v1/oauth2/authorize': {
        get: {
          operationId: 'authorize',
          tags: ['OAuth'],
          summary: 'Consent page; Approve redirects to redirect_uri with code and state',
          parameters: [
            query('response_type', 'string', 'code', true),
            query('client_id', 'string', undefined, true),
            query('redirect_uri', 'string', 'must match a registered callback exactly', true),
            query('state', 'string'),
          ],
          responses: {
            '200': {
              description: 'HTML consent page',
              content: { 'text/html': { schema: { type: 'string' } } },
            },
            '302': { description: 'Redirect with code (auto-approve) or an error' },
            '400': { description: '400 - Unknown or invalid client_id (HTML)' },
          },
        },
        post: {
          operationId: 'authorizeDecision',
          tags: ['OAuth'],
          summary:
            "The consent form's Approve / Deny: redirects to redirect_uri with code and state, or error=access_denied",
          ...proposal,
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': {
                schema: {
                  type: 'object',
                  required: ['client_id', 'redirect_uri', 'decision'],
                  properties: {
                    client_id: { type: 'string' },
                    redirect_uri: { type: 'string' },
                    response_type: { type: 'string' },
                    state: { type: 'string' },
                    decision: { enum: ['approve', 'deny'] },
                  },
                },
              },
            },
          },
          responses: {
            '302': { description: 'Redirect with code and state, or error=access_denied' },
            '400': { description: 'Unknown client or redirect_uri (HTML)' },
          },
        },
      },
      '/v1/oauth2/token': {
        post: {
          operationId: 'token',
          tags: ['OAuth'],
          summary:
            'client_credentials (2-legged), authorization_code and refresh_token (3-legged, rotating)',
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': {
                schema: {
                  type: 'object',
                  required: ['grant_type', 'client_id', 'client_secret'],
                  properties: {
                    grant_type: {
                      enum: ['client_credentials', 'authorization_code', 'refresh_token'],
                    },
                    client_id: { type: 'string' },
                    client_secret: { type: 'string' },
                    code: { type: 'string' },
                    redirect_uri: { type: 'string' },
                    refresh_token: { type: 'string' },
                  },
                },
              },
            },
          },
          responses: {
            '200': { description: 'Tokens', content: json('TokenResponse') },
            '400': {
              description: 'invalid_request, invalid_grant, unsupported_grant_type',
              content: json('OAuthError'),
            },
            '401': { description: 'invalid_client [proposal body]', content: json('OAuthError') },
          },
        },
      },
      '/Ordering/v3/Orders': {
        post: op({
          id: 'PlaceOrder',
          tag: 'Ordering',
          summary:
            'Queue an order (3-legged; the account needs a credit line). 201 with SalesOrderId (0: Marketplace only; -1: accepted, id not assigned yet)',
          legs: 3,
          envelope: 'ApiErrorResponse',
          body: 'OrderRequest',
          responses: ok('OrderResponse', 'Order accepted', false, '201'),
          codes: [400, 401, 403, 415],
        }),
      },
      '/orderstatus/v4/orders': {
        get: op({
          id: 'SearchOrders',
          tag: 'OrderStatus',
          summary: 'Orders in a date window (default: the last month), paged',
          legs: 2,
          envelope: 'DKProblemDetails',
          params: [
            query('Shared', 'boolean', "include orders of the company's other users"),
            query('StartDate', 'string'),
            query('EndDate', 'string'),
            query('PageNumber', 'integer', 'from 1'),
            query('PageSize', 'integer', '1-50, default 10'),
          ],
          responses: ok('OrderSearchResponse', 'Orders'),
          codes: [400, 401, 403],
        }),
      },
      '/orderstatus/v4/salesorder/{salesOrderId}': {
        get: op({
          id: 'RetrieveSalesOrder',
          tag: 'OrderStatus',
          summary: 'One sales order',
          legs: 2,
          envelope: 'DKProblemDetails',
          params: [path('salesOrderId')],
          responses: ok('SalesOrder', 'Sales order'),
          codes: [400, 401, 403, 404],
        }),
      },
      '/packinglist/v1/invoice/{invoiceId}': {
        get: op({
          id: 'GetPackingList',
          tag: 'PackingList',
          summary: 'The packing list of one invoice',
          legs: 3,
          envelope: 'DKProblemDetails',
          params: [path('invoiceId'), query('includePdf', 'boolean')],
          responses: ok('PackingList', 'Packing list'),
          codes: [400, 401, 403, 404],
        }),
      },
      '/packinglist/v1/salesorderid/{salesOrderId}': {
        get: op({
          id: 'GetPackingListsBySalesOrder',
          tag: 'PackingList',
          summary: 'Every packing list of a sales order',
          legs: 3,
          envelope: 'DKProblemDetails',
          params: [path('salesOrderId'), query('includePdf', 'boolean')],
          responses: ok('PackingList', 'Packing lists', true),
          codes: [400, 401, 403, 404],
        }),
      },
      '/packinglist/v1/purchaseordernumber/{poNumber}': {
        get: op({
          id: 'GetPackingListsByPurchaseOrder',
          tag: 'PackingList',
          summary: 'Packing lists of the sales orders with a PO number',
          legs: 3,
          envelope: 'DKProblemDetails',
          params: [path('poNumber', 'string'), query('includePdf', 'boolean')],
          responses: ok('PackingList', 'Packing lists', true),
          codes: [400, 401, 403, 404],
        }),
      },
      [`${OM}/SalesOrders`]: {
        get: om(
          'SalesOrdersByPoNumber',
          'Sales orders with a PO number',
          ok('SalesOrderView', 'Sales orders', true),
          { params: [query('poNumber', 'string', undefined, true)] },
        ),
      },
      [`${OM}/SalesOrders/{salesOrderId}`]: {
        get: om('SalesOrderById', 'A SalesOrderView', ok('SalesOrderView', 'Sales order'), {
          params: [path('salesOrderId')],
        }),
      },
      [`${OM}/SalesOrders/{salesOrderId}/ChangeEligibility`]: {
        get: om(
          'ChangeEligibility',
          'Whether the order can still change',
          ok('ChangeEligibility', 'Eligibility'),
          { params: [path('salesOrderId')] },
        ),
      },
      [`${OM}/SalesOrders/{salesOrderId}/Details`]: {
        get: om(
          'SalesOrderDetails',
          "The order's details (lines)",
          ok('SalesOrderDetailView', 'Details', true),
          { params: [path('salesOrderId')] },
        ),
      },
      [`${OM}/SalesOrders/{salesOrderId}/Details/{detailId}`]: {
        get: om('SalesOrderDetailById', 'One detail', ok('SalesOrderDetailView', 'Detail'), {
          params: [path('salesOrderId'), path('detailId')],
        }),
      },
      [`${OM}/SalesOrders/{salesOrderId}/Schedules`]: {
        get: om(
          'SalesOrderSchedules',
          "Every detail's schedules",
          ok('SalesOrderSchedulesView', 'Schedules'),
          { params: [path('salesOrderId')] },
        ),
      },
      [`${OM}/SalesOrders/{salesOrderId}/Details/{detailId}/Schedules`]: {
        get: om(
          'DetailSchedules',
          "One detail's schedules",
          ok('ScheduleView', 'Schedules', true),
          { params: [path('salesOrderId'), path('detailId')] },
        ),
        put: om(
          'ReplaceSchedule',
          "Replace a detail's schedules (quantities add up to the open quantity); visible after a delay",
          ok('ScheduleChangeAccepted', 'Accepted', false, '202'),
          {
            params: [path('salesOrderId'), path('detailId')],
            body: 'ReplaceScheduleRequest',
            codes: [400, 401, 403, 404, 409],
          },
        ),
      },
      [`${OM}/SalesOrders/{salesOrderId}/Details/{detailId}/Schedules/{scheduleIndex}`]: {
        get: om('SalesOrderScheduleById', 'One schedule', ok('ScheduleView', 'Schedule'), {
          params: [path('salesOrderId'), path('detailId'), path('scheduleIndex')],
        }),
        patch: om(
          'PartialScheduleUpdate',
          'Move one schedule to another date',
          ok('ScheduleView', 'Schedule'),
          {
            params: [path('salesOrderId'), path('detailId'), path('scheduleIndex')],
            body: 'PartialScheduleUpdateRequest',
            codes: [400, 401, 403, 404, 409],
          },
        ),
      },
      [`${OM}/NextAvailableDeliveryDate`]: {
        get: om(
          'NextAvailableDeliveryDate',
          'Earliest delivery for a ship method (next release day + transit)',
          ok('NextAvailableDeliveryDate', 'Dates'),
          { params: [query('shipMethod', 'string', undefined, true)] },
        ),
      },
    },
  }
}
