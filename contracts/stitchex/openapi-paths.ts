import type { OpenAPIV3_1 } from 'openapi-types'
import { jsonContent, PROPOSAL } from '../shared/openapi.ts'
import {
  body,
  data,
  errors,
  idPath,
  list,
  one,
  query,
  save,
  wrapped,
  write,
} from './openapi-operations.ts'

/** Every path the Stitchex simulator serves, for its OpenAPI document (`openapi.ts`). */
export const STITCHEX_PATHS: OpenAPIV3_1.PathsObject = {
  '/oauth/token': {
    post: {
      operationId: 'createToken',
      tags: ['Auth'],
      requestBody: body('TokenRequest'),
      responses: {
        '200': {
          description: 'A 64-hex access token and its refresh token',
          content: jsonContent('TokenResponse'),
        },
        '400': {
          description:
            'invalid_grant (wrong email or password, a used refresh token), invalid_request',
          content: jsonContent('OAuthError'),
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
        '200': { description: "The user's organisations", content: jsonContent('Organisations') },
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
          content: jsonContent('SetCurrentOrg'),
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
    post: save('Documents', 'createPayment', ['payment', 'Payment'], body('PaymentInput'), true, {
      description:
        "Pays `invoice_id`, else the sale's oldest invoice with money outstanding; more than is outstanding becomes an overpayment credit note.",
    }),
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
      description: 'No body: the tracking number and carrier, or the service, as query parameters.',
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
      description: 'Needs a tracking number and carrier first; raises the invoice of its lines.',
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
}
