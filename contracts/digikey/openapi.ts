import type { OpenAPIV3_1 } from 'openapi-types'
import { jsonSchema, PROPOSAL, serversOf } from '../shared/openapi.ts'
import { ORDER_MANAGEMENT_PATHS } from './openapi-management-paths.ts'
import { DIGIKEY_PATHS } from './openapi-paths.ts'
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
export function digikeyOpenApi(o: { baseUrl?: string } = {}): OpenAPIV3_1.Document {
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
        TokenResponse: jsonSchema(S.TokenResponse),
        OAuthError: jsonSchema(S.OAuthError),
        ApiErrorResponse: jsonSchema(S.ApiErrorResponse),
        DKProblemDetails: jsonSchema(S.DKProblemDetails),
        OrderRequest: jsonSchema(S.OrderRequest, 'input'),
        OrderResponse: jsonSchema(S.OrderResponse),
        SalesOrder: jsonSchema(S.SalesOrder),
        OrderSearchResponse: jsonSchema(S.OrderSearchResponse),
        PackingList: { ...jsonSchema(S.PackingList), ...PROPOSAL },
        SalesOrderView: { ...jsonSchema(S.SalesOrderView), ...PROPOSAL },
        SalesOrderDetailView: { ...jsonSchema(S.SalesOrderDetailView), ...PROPOSAL },
        SalesOrderSchedulesView: { ...jsonSchema(S.SalesOrderSchedulesView), ...PROPOSAL },
        ScheduleView: { ...jsonSchema(S.ScheduleView), ...PROPOSAL },
        ChangeEligibility: { ...jsonSchema(S.ChangeEligibility), ...PROPOSAL },
        ReplaceScheduleRequest: { ...jsonSchema(S.ReplaceScheduleRequest, 'input'), ...PROPOSAL },
        PartialScheduleUpdateRequest: {
          ...jsonSchema(S.PartialScheduleUpdateRequest, 'input'),
          ...PROPOSAL,
        },
        ScheduleChangeAccepted: { ...jsonSchema(S.ScheduleChangeAccepted), ...PROPOSAL },
        NextAvailableDeliveryDate: { ...jsonSchema(S.NextAvailableDeliveryDate), ...PROPOSAL },
      },
    },
    paths: { ...DIGIKEY_PATHS, ...ORDER_MANAGEMENT_PATHS },
  }
}
