import type { OpenAPIV3_1 } from 'openapi-types'
import { formBody, jsonContent, PROPOSAL } from '../shared/openapi.ts'
import { ok, op, path, query } from './openapi-operations.ts'

/** OAuth, Ordering v3, Order Status v4 and Packing List v1, for DigiKey's OpenAPI document (`openapi.ts`). */
export const DIGIKEY_PATHS: OpenAPIV3_1.PathsObject = {
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
      ...PROPOSAL,
      requestBody: formBody(['client_id', 'redirect_uri', 'decision'], {
        client_id: { type: 'string' },
        redirect_uri: { type: 'string' },
        response_type: { type: 'string' },
        state: { type: 'string' },
        decision: { enum: ['approve', 'deny'] },
      }),
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
      requestBody: formBody(['grant_type', 'client_id', 'client_secret'], {
        grant_type: { enum: ['client_credentials', 'authorization_code', 'refresh_token'] },
        client_id: { type: 'string' },
        client_secret: { type: 'string' },
        code: { type: 'string' },
        redirect_uri: { type: 'string' },
        refresh_token: { type: 'string' },
      }),
      responses: {
        '200': { description: 'Tokens', content: jsonContent('TokenResponse') },
        '400': {
          description: 'invalid_request, invalid_grant, unsupported_grant_type',
          content: jsonContent('OAuthError'),
        },
        '401': {
          description: 'invalid_client [proposal body]',
          content: jsonContent('OAuthError'),
        },
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
}
