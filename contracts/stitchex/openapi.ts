import type { OpenAPIV3_1 } from 'openapi-types'
import {
  errorResponses,
  jsonContent,
  jsonSchema,
  PROPOSAL,
  ref,
  serversOf,
} from '../shared/openapi.ts'
import { STITCHEX_HOSTS } from './hosts.ts'
import * as S from './schemas.ts'

/**
 * The OpenAPI 3.1 document of what the Stitchex (Uphance) simulator serves, generated from the
 * contract schemas so it cannot drift from them. What is our choice rather than Uphance's
 * documentation carries `x-vendorsim-proposal: true` (mocks/stitchex/LIMITATIONS.md): the error
 * bodies, `GET /skus/{id}`, `GET /channels`, editing a sales order and checking in a receiving
 * ticket. Served at `GET /stitchex/_sandbox/openapi.json`.
 * @see https://help.uphance.com/en/articles/2532044-uphance-api-for-developers
 */
type Operation = NonNullable<OpenAPIV3_1.PathItemObject['get']>
/** What an operation may add: a description, the proposal marker. */
type Extra = { description?: string; 'x-vendorsim-proposal'?: true }
type Parameter = OpenAPIV3_1.ParameterObject

const json = (name: string) => jsonContent(name)
const query = (
  name: string,
  description: string,
  type: 'integer' | 'string' = 'string',
): Parameter => ({ in: 'query', name, description, schema: { type } })
const idPath: Parameter = { in: 'path', name: 'id', required: true, schema: { type: 'integer' } }
/** Doorkeeper's body for a refused token; `{message}` (and `errors` on 422) for the rest. */
const errors = (...codes: number[]) =>
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
const data = (tag: string, op: Operation): Operation => ({
  tags: [tag],
  security: [{ Uphance: [] }],
  ...op,
})
/** A singular-key answer: `{ "<key>": {...} }`. */
const wrapped = (key: string, name: string, description: string) => ({
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
const list = (
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
const one = (tag: string, key: string, name: string, more: Extra = {}) => ({
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
const write = (key: string, input: string) => ({
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
const body = (input: string) => ({ required: true, content: json(input) })
/** Create (201) or update (200) a row; the answer is the row under its singular `key`. */
const save = (
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

export function stitchexOpenApi(o: { baseUrl?: string } = {}): OpenAPIV3_1.Document {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Stitchex (Uphance) API (vendorsim simulator)',
      version: '1.0.0',
      description:
        "What vendorsim serves for Stitchex, Uphance's former name. Money and decimals are JSON strings. Operations and models marked x-vendorsim-proposal are not in Uphance's public documentation.",
    },
    servers: serversOf(
      STITCHEX_HOSTS.production.map((h) => ({ url: `https://${h}`, description: 'production' })),
      o.baseUrl,
    ),
    components: {
      securitySchemes: {
        Uphance: {
          type: 'oauth2',
          description:
            'Password grant; every data endpoint then needs an organisation chosen with POST /organisations/set_current_org.',
          flows: { password: { tokenUrl: '/oauth/token', refreshUrl: '/oauth/token', scopes: {} } },
        },
      },
      schemas: {
        TokenRequest: {
          type: 'object',
          required: ['grant_type'],
          properties: {
            grant_type: { enum: ['password', 'refresh_token'] },
            email: { type: 'string', description: 'password grant' },
            password: { type: 'string', description: 'password grant' },
            refresh_token: { type: 'string', description: 'refresh_token grant' },
            expires_in: {
              type: 'integer',
              minimum: 60,
              maximum: 31_536_000,
              description: 'Seconds (default 604800)',
            },
          },
        },
        TokenResponse: jsonSchema(S.TokenResponse),
        OAuthError: { ...jsonSchema(S.OAuthErrorBody), ...PROPOSAL },
        Error: { ...jsonSchema(S.ErrorBody), ...PROPOSAL },
        Organisations: jsonSchema(S.Organisations),
        SetCurrentOrg: jsonSchema(S.SetCurrentOrg),
        Meta: jsonSchema(S.Meta),
        Product: jsonSchema(S.Product),
        Sku: jsonSchema(S.Sku),
        Season: jsonSchema(S.Season),
        Channel: { ...jsonSchema(S.Channel), ...PROPOSAL },
        Customer: jsonSchema(S.Customer),
        CustomerInput: jsonSchema(S.CustomerInput, 'input'),
        SalesOrder: jsonSchema(S.SalesOrder),
        OrderInput: jsonSchema(S.OrderInput, 'input'),
        Invoice: jsonSchema(S.Invoice),
        CreditNote: jsonSchema(S.CreditNote),
        Payment: jsonSchema(S.Payment),
        PaymentInput: jsonSchema(S.PaymentInput, 'input'),
        StockOperation: jsonSchema(S.StockOperation),
        StockOperationInput: jsonSchema(S.StockOperationInput, 'input'),
        PickTicket: jsonSchema(S.PickTicket),
        ReceivingTicket: jsonSchema(S.ReceivingTicket),
        WebhookPayload: jsonSchema(S.WebhookPayload),
      },
    },
    paths: {
      '/oauth/token': {
        post: {
          operationId: 'createToken',
          tags: ['Auth'],
          requestBody: body('TokenRequest'),
          responses: {
            '200': {
              description: 'A 64-hex access token and its refresh token',
              content: json('TokenResponse'),
            },
            '400': {
              description:
                'invalid_grant (wrong email or password, a used refresh token), invalid_request',
              content: json('OAuthError'),
            },
          },
        },
      },
      '/organisations': {
        get: {
          operationId: 'listOrganisations',
          tags: ['Organisations'],
          security: [{ Uphance: [] }],
          responses: {
            '200': { description: "The user's organisations", content: json('Organisations') },
            ...errors(401),
          },
        },
      },
      '/organisations/set_current_org': {
        post: {
          operationId: 'setCurrentOrg',
          tags: ['Organisations'],
          security: [{ Uphance: [] }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['organizationId'],
                  properties: { organizationId: { type: 'integer' } },
                },
              },
            },
          },
          responses: {
            '201': {
              description: 'The organisation of this session',
              content: json('SetCurrentOrg'),
            },
            ...errors(401, 404, 422),
          },
        },
      },
      '/products': {
        get: list('Products', 'products', 'Product', [
          query('filter[product_identifier]', 'Products with this identifier'),
        ]),
      },
      '/products/{id}': one('Products', 'product', 'Product'),
      '/skus': { get: list('Products', 'skus', 'Sku') },
      '/skus/{id}': one('Products', 'sku', 'Sku', PROPOSAL),
      '/seasons': { get: list('Products', 'seasons', 'Season') },
      '/channels': { get: list('Products', 'channels', 'Channel', [], PROPOSAL) },
      '/customers': {
        get: list('Customers', 'customers', 'Customer'),
        post: save(
          'Customers',
          'createCustomer',
          ['customer', 'Customer'],
          write('customer', 'CustomerInput'),
          true,
        ),
      },
      '/customers/{id}': {
        ...one('Customers', 'customer', 'Customer'),
        put: save(
          'Customers',
          'updateCustomer',
          ['customer', 'Customer'],
          write('customer', 'CustomerInput'),
          false,
          {
            description: 'People and addresses with an `id` are edited; the others are added.',
          },
        ),
      },
      '/sales_orders': {
        get: list('Sales orders', 'sales_orders', 'SalesOrder', [
          query('by_order_number', 'The order with this number'),
        ]),
        post: save(
          'Sales orders',
          'createSalesOrder',
          ['sales_order', 'SalesOrder'],
          write('sales_order', 'OrderInput'),
          true,
        ),
      },
      '/sales_orders/{id}': {
        ...one('Sales orders', 'sales_order', 'SalesOrder'),
        put: save(
          'Sales orders',
          'updateSalesOrder',
          ['sales_order', 'SalesOrder'],
          write('sales_order', 'OrderInput'),
          false,
          {
            description:
              "Edit a draft's customer, channel, season and lines, confirm it, or cancel an order with nothing shipped.",
            ...PROPOSAL,
          },
        ),
      },
      '/invoices': {
        get: list('Documents', 'invoices', 'Invoice', [
          query('invoice_id', 'The list holds this invoice alone', 'integer'),
        ]),
      },
      '/credit_notes': { get: list('Documents', 'credit_notes', 'CreditNote') },
      '/credit_notes/{id}': {
        parameters: [idPath],
        get: data('Documents', {
          operationId: 'get_credit_note',
          description: 'Uphance answers a single credit note under the plural key.',
          responses: {
            '200': wrapped('credit_notes', 'CreditNote', 'One credit note'),
            ...errors(401, 404, 422, 429),
          },
        }),
      },
      '/payments': {
        get: list('Documents', 'payments', 'Payment', [
          query('order_id', 'Payments of this sales order', 'integer'),
        ]),
        post: save(
          'Documents',
          'createPayment',
          ['payment', 'Payment'],
          body('PaymentInput'),
          true,
          {
            description:
              "Pays `invoice_id`, else the sale's oldest invoice with money outstanding; more than is outstanding becomes an overpayment credit note.",
          },
        ),
      },
      '/payments/{id}': one('Documents', 'payment', 'Payment'),
      '/stock_operations': {
        post: save(
          'Stock',
          'createStockOperation',
          ['stock_operation', 'StockOperation'],
          body('StockOperationInput'),
          true,
          {
            description:
              'A repeated `idempotency_key` answers the first operation and changes nothing.',
          },
        ),
      },
      '/pick_tickets': {
        get: list('Fulfilment', 'pick_tickets', 'PickTicket', [
          query('by_order_number', 'Pick tickets of the order with this number'),
          query('by_order_id', 'Pick tickets of this sales order', 'integer'),
          query('by_shipment_number', 'The pick ticket of this shipment'),
          query('filter[warehouse_name]', 'Pick tickets of this warehouse'),
        ]),
      },
      '/pick_tickets/{id}': {
        ...one('Fulfilment', 'pick_ticket', 'PickTicket'),
        put: data('Fulfilment', {
          operationId: 'updatePickTicket',
          description:
            'No body: the tracking number and carrier, or the service, as query parameters.',
          parameters: [
            query('tracking_number', 'Tracking number'),
            query('carrier', 'Carrier (ups, dhl, australia_post, …)'),
            query('service', '`Packing` moves the ticket to packing'),
          ],
          responses: {
            '200': wrapped('pick_ticket', 'PickTicket', 'The pick ticket'),
            ...errors(401, 404, 422, 429),
          },
        }),
      },
      '/pick_tickets/{id}/ship': {
        parameters: [idPath],
        put: data('Fulfilment', {
          operationId: 'shipPickTicket',
          description:
            'Needs a tracking number and carrier first; raises the invoice of its lines.',
          responses: {
            '200': wrapped('pick_ticket', 'PickTicket', 'The shipped pick ticket'),
            ...errors(401, 404, 422, 429),
          },
        }),
      },
      '/receiving_tickets': { get: list('Stock', 'receiving_tickets', 'ReceivingTicket') },
      '/receiving_tickets/{id}': one('Stock', 'receiving_ticket', 'ReceivingTicket'),
      '/receiving_tickets/{id}/receive': {
        parameters: [idPath],
        put: data('Stock', {
          operationId: 'receiveReceivingTicket',
          description: 'Check the ticket in: its quantities join the stock.',
          responses: {
            '200': wrapped('receiving_ticket', 'ReceivingTicket', 'The checked-in ticket'),
            ...errors(401, 404, 422, 429),
          },
          ...PROPOSAL,
        }),
      },
    },
    webhooks: {
      event: {
        post: {
          description:
            '`{"event": "<resource>_<action>", "<resource>": {...}}` for pick tickets, receiving tickets, products, invoices and credit notes, retried for up to 48 hours.',
          requestBody: { content: json('WebhookPayload') },
          responses: { '200': { description: 'Any 2xx stops retries' } },
        },
      },
    },
  }
}
