/** The robustness profile of Digipix: how a fresh tenant logs in, its bad credentials, its error envelope. */
import { ErrorBody } from '../../../contracts/digipix/schemas.ts'
import { VENDORS } from '../../../mocks/vendors.ts'
import { ADDRESS } from '../../harness/digipix-sim.ts'
import {
  advance,
  json,
  mint,
  tokenPaths,
  type BadCredential,
  type Profile,
  type Session,
} from '../profile-kit.ts'

export const digipix: Profile = {
  vendor: VENDORS.digipix!,
  base: 'https://api.digipix.dev',
  async login(sim) {
    const { tenant, credentials } = await mint(sim)
    const token = async (scope: string[]) =>
      (
        await (
          await sim.fetch(
            `${this.base}/v1/oauth/token`,
            json({
              client_id: credentials.clientId,
              client_secret: credentials.clientSecret,
              grant_type: 'client_credentials',
              scope,
            }),
          )
        ).json()
      ).access_token as string
    const headers = { authorization: `Bearer ${await token(['orders', 'quote', 'products'])}` }
    const order = await (
      await sim.fetch(
        `${this.base}/v1/orders`,
        json(
          {
            recipient: { name: 'A', address: ADDRESS },
            items: [{ productId: 'photobook', quantity: 1 }],
          },
          headers,
        ),
      )
    ).json()
    const s: Session & { token: typeof token } = {
      sim,
      tenant,
      base: this.base,
      headers,
      token,
      ids: { orderId: [order.id], productId: ['photobook', 'mug'] },
    }
    return s
  },
  async badCredentials(s): Promise<BadCredential[]> {
    const token = (s as Session & { token(scope: string[]): Promise<string> }).token
    const scopeless = await token([])
    const expiring = await token(['orders', 'quote', 'products'])
    await advance(s, 3601)
    return [
      { name: 'no token', headers: {} },
      { name: 'malformed header', headers: { authorization: 'Token abc' } },
      {
        name: 'a token nobody issued',
        headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' },
      },
      { name: 'expired on the clock', headers: { authorization: `Bearer ${expiring}` } },
      { name: 'no scope', headers: { authorization: `Bearer ${scopeless}` } },
    ]
  },
  isAuthError: (status, body) =>
    (status === 401 || status === 403) && ErrorBody.safeParse(body).success,
  isEnvelope: (status, body) =>
    status >= 400 &&
    status < 500 &&
    (ErrorBody.safeParse(body).success || typeof (body as { error?: unknown })?.error === 'string'),
  isPublic: (_method, path) => tokenPaths(VENDORS.digipix!).has(path),
}
