import type { OpenAPIV3_1 } from 'openapi-types'
import { errorResponses, jsonContent, jsonSchema, PROPOSAL, serversOf } from '../shared/openapi.ts'
import * as S from './schemas.ts'

/**
 * The OpenAPI 3.1 document of what the Digipix simulator serves, generated
 * from the contract schemas so it cannot drift from them. Everything that is
 * our choice rather than Digipix's documentation carries
 * `x-vendorsim-proposal: true` (see mocks/digipix/LIMITATIONS.md).
 * Served at `GET /digipix/_sandbox/openapi.json`.
 * @see https://api.digipix.io/docs
 */
const schema = jsonSchema
const proposal = PROPOSAL
const json = (name: string) => jsonContent(name)
const errors = (...codes: number[]) => errorResponses(codes, () => 'Error')
const secured = (scope: string) => ({ security: [{ OAuth2: [scope] }] })

export function digipixOpenApi(o: { baseUrl?: string } = {}): OpenAPIV3_1.Document {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Digipix API (vendorsim simulator)',
      version: '1.0.0',
      description:
        "What vendorsim serves for Digipix. Operations and fields marked x-vendorsim-proposal are not in Digipix's public documentation.",
    },
    servers: serversOf(
      [
        { url: 'https://api.digipix.dev', description: 'development' },
        { url: 'https://api.digipix.io', description: 'production' },
      ],
      o.baseUrl,
    ),
    components: {
      securitySchemes: {
        OAuth2: {
          type: 'oauth2',
          flows: {
            clientCredentials: {
              tokenUrl: '/v1/oauth/token',
              refreshUrl: '/v1/oauth/token',
              scopes: {
                orders: 'handle with orders',
                quote: 'handle with quote',
                products: 'handle with products',
              },
            },
          },
        },
      },
      schemas: {
        TokenRequest: schema(S.TokenRequest, 'input'),
        TokenResponse: schema(S.TokenResponse),
        OAuthError: { ...schema(S.OAuthError), ...proposal },
        Product: schema(S.Product),
        QuoteRequest: schema(S.QuoteRequest, 'input'),
        ShippingOption: { ...schema(S.ShippingOption), ...proposal },
        CreateOrderRequest: schema(S.CreateOrderRequest, 'input'),
        PatchOrderRequest: schema(S.PatchOrderRequest, 'input'),
        Order: schema(S.Order),
        StatusCallback: schema(S.StatusCallback),
        Error: { ...schema(S.ErrorBody), ...proposal },
      },
    },
    paths: {
      '/v1/oauth/token': {
        post: {
          operationId: 'createToken',
          tags: ['Auth'],
          requestBody: {
            required: true,
            content: {
              ...json('TokenRequest'),
              'application/x-www-form-urlencoded': {
                schema: { $ref: '#/components/schemas/TokenRequest' },
                ...proposal,
              },
            },
          },
          responses: {
            '200': { description: 'Access token', content: json('TokenResponse') },
            '400': {
              description: 'invalid_request, unsupported_grant_type, invalid_scope',
              content: json('OAuthError'),
            },
            '401': { description: 'invalid_client', content: json('OAuthError') },
          },
        },
      },
      '/v1/products': {
        get: {
          operationId: 'listProducts',
          tags: ['Products'],
          ...secured('products'),
          ...proposal,
          responses: {
            '200': {
              description: 'Products',
              content: {
                'application/json': {
                  schema: { type: 'array', items: { $ref: '#/components/schemas/Product' } },
                },
              },
            },
            ...errors(401, 403),
          },
        },
      },
      '/v1/products/{productId}': {
        get: {
          operationId: 'getProduct',
          tags: ['Products'],
          ...secured('products'),
          ...proposal,
          parameters: [
            { name: 'productId', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: {
            '200': { description: 'Product', content: json('Product') },
            ...errors(401, 403, 404),
          },
        },
      },
      '/v1/quote': {
        post: {
          operationId: 'createQuote',
          tags: ['Quote'],
          ...secured('quote'),
          ...proposal,
          requestBody: { required: true, content: json('QuoteRequest') },
          responses: {
            '200': {
              description: 'Shipping options',
              content: {
                'application/json': {
                  schema: { type: 'array', items: { $ref: '#/components/schemas/ShippingOption' } },
                },
              },
            },
            ...errors(400, 401, 403),
          },
        },
      },
      '/v1/orders': {
        post: {
          operationId: 'createOrder',
          tags: ['Orders'],
          ...secured('orders'),
          ...proposal,
          requestBody: { required: true, content: json('CreateOrderRequest') },
          responses: {
            '201': { description: 'Order', content: json('Order') },
            ...errors(400, 401, 403, 404, 409, 422),
          },
          callbacks: {
            statusNotification: {
              '{$request.body#/statusNotificationUrl}': {
                post: {
                  requestBody: { content: json('StatusCallback') },
                  responses: { '200': { description: 'Any 2xx stops retries' } },
                },
              },
            },
          },
        },
      },
      '/v1/orders/{orderId}': {
        parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          operationId: 'getOrder',
          tags: ['Orders'],
          ...secured('orders'),
          ...proposal,
          responses: {
            '200': { description: 'Order', content: json('Order') },
            ...errors(401, 403, 404),
          },
        },
        patch: {
          operationId: 'patchOrder',
          tags: ['Orders'],
          ...secured('orders'),
          ...proposal,
          requestBody: { required: true, content: json('PatchOrderRequest') },
          responses: {
            '200': { description: 'Order', content: json('Order') },
            ...errors(400, 401, 403, 404, 409, 422),
          },
        },
      },
    },
  }
}
