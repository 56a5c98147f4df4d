import type { OpenAPIV3_1 } from 'openapi-types'
import { jsonContent, jsonSchema, PROPOSAL, serversOf } from '../shared/openapi.ts'
import { STITCHEX_HOSTS } from './hosts.ts'
import { STITCHEX_PATHS } from './openapi-paths.ts'
import * as S from './schemas.ts'

/**
 * The OpenAPI 3.1 document of what the Stitchex (Uphance) simulator serves, generated from the
 * contract schemas so it cannot drift from them. What is our choice rather than Uphance's
 * documentation carries `x-vendorsim-proposal: true` (mocks/stitchex/LIMITATIONS.md): the error
 * bodies, `GET /skus/{id}`, `GET /channels`, editing a sales order and checking in a receiving
 * ticket. Served at `GET /stitchex/_sandbox/openapi.json`.
 * @see https://help.uphance.com/en/articles/2532044-uphance-api-for-developers
 */
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
    paths: STITCHEX_PATHS,
    webhooks: {
      event: {
        post: {
          description:
            '`{"event": "<resource>_<action>", "<resource>": {...}}` for pick tickets, receiving tickets, products, invoices and credit notes, retried for up to 48 hours.',
          requestBody: { content: jsonContent('WebhookPayload') },
          responses: { '200': { description: 'Any 2xx stops retries' } },
        },
      },
    },
  }
}
