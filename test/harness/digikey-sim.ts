/**
 * A DigiKey simulator with a 3-legged token and one placed order, for the unit tests that drive
 * Ordering, Order Status and Order Management through HTTP.
 */
import { createSim, type SimOptions } from '../../mocks/core/index.ts'
import { digikey } from '../../mocks/digikey/index.ts'

export const HOST = 'https://sandbox-api.digikey.com'
export const JSON_TYPE = { 'content-type': 'application/json' }

/** `sim`, the token's headers (`auth`) and the id of an order of `quantity` × `part`. */
export async function placedOrder(
  o: { options?: SimOptions; part?: string; quantity?: number; po?: string } = {},
) {
  const sim = createSim(digikey, o.options ?? {})
  const grant = await (
    await sim.fetch(`${HOST}/_sandbox/oauth/authorize`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: '{}',
    })
  ).json()
  const token = await (
    await sim.fetch(`${HOST}/v1/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: grant.code,
        redirect_uri: grant.redirect_uri,
        client_id: 'digikey-sandbox-client',
        client_secret: 'digikey-sandbox-secret',
      }),
    })
  ).json()
  const auth = {
    authorization: `Bearer ${token.access_token}`,
    'X-DIGIKEY-Client-Id': 'digikey-sandbox-client',
  }
  const placed = await (
    await sim.fetch(`${HOST}/Ordering/v3/Orders`, {
      method: 'POST',
      headers: { ...auth, ...JSON_TYPE },
      body: JSON.stringify({
        PurchaseOrderNumber: o.po ?? 'P',
        Currency: 'USD',
        ShippingContact: {
          Name: 'B H',
          Address: { AddressLineOne: 'a', City: 'c', PostalCode: '1', Country: 'US' },
        },
        LineItems: [
          {
            DigiKeyPartNumber: o.part ?? '311-10.0KHRCT-ND',
            RequestedQuantity: o.quantity ?? 1000,
          },
        ],
      }),
    })
  ).json()
  return { sim, auth, id: placed.SalesOrderId as number }
}
