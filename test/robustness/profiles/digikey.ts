/** The robustness profile of DigiKey: how a fresh tenant logs in, its bad credentials, its error envelope. */
import { ApiErrorResponse, DKProblemDetails } from '../../../contracts/digikey/schemas.ts'
import { VENDORS } from '../../../mocks/vendors.ts'
import { PRODUCTS, productOf } from '../../../mocks/digikey/apis.ts'
import {
  advance,
  form,
  json,
  mint,
  tokenPaths,
  type BadCredential,
  type Profile,
  type Session,
} from '../profile-kit.ts'

/** A DigiKey shipping contact the suites' orders use. */
export const CONTACT = {
  Name: 'Ben Hest',
  Address: {
    AddressLineOne: '701 Brooks Ave S',
    City: 'Thief River Falls',
    Province: 'MN',
    PostalCode: '56701',
    Country: 'US',
  },
}

export const digikey: Profile = {
  vendor: VENDORS.digikey!,
  base: 'https://sandbox-api.digikey.com',
  async login(sim) {
    const { tenant, credentials } = await mint(sim)
    await sim.fetch('/_sandbox/rate-limits', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-vendorsim-tenant': tenant },
      body: JSON.stringify({ enabled: false }),
    })
    const grant = await (
      await sim.fetch('/_sandbox/oauth/authorize', {
        ...json({}),
        headers: { 'content-type': 'application/json', 'x-vendorsim-tenant': tenant },
      })
    ).json()
    const tokens = async (body: Record<string, string>) =>
      (await (
        await sim.fetch(
          `${this.base}/v1/oauth2/token`,
          form({
            client_id: credentials.clientId,
            client_secret: credentials.clientSecret,
            ...body,
          }),
        )
      ).json()) as { access_token: string; refresh_token: string }
    const three = await tokens({
      grant_type: 'authorization_code',
      code: grant.code,
      redirect_uri: grant.redirect_uri,
    })
    const client = { 'x-digikey-client-id': credentials.clientId }
    const headers = { ...client, authorization: `Bearer ${three.access_token}` }
    const order = {
      PurchaseOrderNumber: 'PO-FUZZ',
      Currency: 'USD',
      ShippingContact: CONTACT,
      LineItems: [{ DigiKeyPartNumber: '311-10.0KHRCT-ND', RequestedQuantity: 100 }],
    }
    const placed = await (
      await sim.fetch(`${this.base}/Ordering/v3/Orders`, json(order, headers))
    ).json()
    // Processing: its schedules can be changed, so Order Management requests reach validation.
    await sim.control.advance(600, tenant)
    const ids = {
      salesOrderId: [String(placed.SalesOrderId)],
      detailId: ['1'],
      scheduleIndex: ['0'],
      poNumber: ['PO-FUZZ'],
      invoiceId: ['1'],
    }
    return Object.assign({ sim, tenant, base: this.base, headers, ids }, { tokens, client, three })
  },
  async badCredentials(s): Promise<BadCredential[]> {
    const x = s as Session & {
      tokens(b: Record<string, string>): Promise<{ access_token: string }>
      client: Record<string, string>
      three: { refresh_token: string }
    }
    const two = await x.tokens({ grant_type: 'client_credentials' })
    const expiring = await x.tokens({
      grant_type: 'refresh_token',
      refresh_token: x.three.refresh_token,
    })
    await advance(s, 1800)
    return [
      { name: 'no token', headers: { ...x.client } },
      { name: 'malformed header', headers: { ...x.client, authorization: 'Token abc' } },
      {
        name: 'a token nobody issued',
        headers: { ...x.client, authorization: 'Bearer abcdefabcdefabcdefabcdefabcd' },
      },
      {
        name: 'expired on the clock',
        headers: { ...x.client, authorization: `Bearer ${expiring.access_token}` },
      },
      { name: 'no client id', headers: { authorization: `Bearer ${expiring.access_token}` } },
      {
        name: 'a client id nobody registered',
        headers: {
          'x-digikey-client-id': 'nope',
          authorization: `Bearer ${expiring.access_token}`,
        },
      },
      {
        name: '2-legged on a 3-legged API',
        headers: {
          ...x.client,
          authorization: `Bearer ${two.access_token}`,
          'x-digikey-account-id': '1',
        },
        applies: (_m, path) => PRODUCTS[productOf(path)!]?.legs === 'three',
      },
    ]
  },
  isAuthError: (status, body) =>
    (status === 401 || status === 403) &&
    (ApiErrorResponse.safeParse(body).success || DKProblemDetails.safeParse(body).success),
  isEnvelope: (status, body) =>
    status >= 400 &&
    status < 500 &&
    (ApiErrorResponse.safeParse(body).success ||
      DKProblemDetails.safeParse(body).success ||
      typeof (body as { error?: unknown })?.error === 'string'),
  isPublic: (_method, path) => tokenPaths(VENDORS.digikey!).has(path),
}
