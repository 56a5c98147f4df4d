import { readFileSync } from 'node:fs'
import { DIGIKEY_HOSTS } from '../../contracts/digikey/hosts.ts'
import { BASE62, defineVendor } from '../core/index.ts'
import { registerDigiKeyRoutes } from './app.ts'
import { DIGIKEY_OAUTH, unknownCredential } from './auth.ts'
import { renderDigiKeyError } from './errors.ts'
import { registerDigiKeySandbox } from './sandbox.ts'
import { createDigiKeyState, type DigiKeyCredentials, type DigiKeyState } from './store.ts'
import { salesOrderView } from './views.ts'

/** Credentials of the `default` tenant, printed in the server banner and the README. */
export const DIGIKEY_DEFAULT_CREDENTIALS: DigiKeyCredentials = {
  clientId: 'digikey-sandbox-client',
  clientSecret: 'digikey-sandbox-secret',
  // Besides these, every app accepts the simulator's own callback page at the address it is served on.
  redirectUris: ['https://localhost:8139/digikey_callback'],
  production: {
    clientId: 'digikey-prod-client',
    clientSecret: 'digikey-prod-secret',
    redirectUris: ['https://localhost:8139/digikey_callback'],
  },
  appName: 'Acme BOM Tool',
  accountId: 10465112,
}

/**
 * DigiKey — Ordering v3, Order Status v4, Packing List v1, Order Management v1:
 * 2- and 3-legged OAuth (authorize page, code, refresh rotation), header checks
 * in DigiKey's order, per-product rate limits, both error envelopes, a seeded
 * parts catalog and sales orders that ship on the clock.
 * @see https://developer.digikey.com/products/ordering
 */
export const digikey = defineVendor<DigiKeyState, DigiKeyCredentials>({
  id: 'digikey',
  title: 'DigiKey',
  protocol: 'rest',
  docs: [
    'https://developer.digikey.com/products/ordering',
    'https://developer.digikey.com/products/order-status',
    'https://developer.digikey.com/documentation/shared-concepts',
    'https://developer.digikey.com/tutorials-and-resources/oauth-20-3-legged-flow',
  ],
  hosts: {
    production: DIGIKEY_HOSTS.production.map((h) => `https://${h}`),
    sandbox: DIGIKEY_HOSTS.sandbox.map((h) => `https://${h}`),
  },
  defaultCredentials: DIGIKEY_DEFAULT_CREDENTIALS,
  mintCredentials: (tenantId, rng) => ({
    clientId: rng.string(32, BASE62),
    clientSecret: rng.string(16, BASE62),
    redirectUris: ['https://app.example.com/digikey/callback'],
    production: {
      clientId: rng.string(32, BASE62),
      clientSecret: rng.string(16, BASE62),
      redirectUris: ['https://app.example.com/digikey/callback'],
    },
    appName: `App ${tenantId}`,
    accountId: rng.int(10_000_000, 19_999_999),
  }),
  credentialKeys: (c) => [c.clientId, c.production.clientId],
  auth: { oauth: DIGIKEY_OAUTH, keyHeaders: ['x-digikey-client-id'], unknownCredential },
  requestId: { header: 'X-DIGIKEY-REQUEST-ID', mint: (t) => t.ids.uuid() },
  createState: createDigiKeyState,
  routes: registerDigiKeyRoutes,
  sandbox: registerDigiKeySandbox,
  renderError: renderDigiKeyError,
  snapshot: (t, list) => ({
    customerId: t.state.customerId,
    accounts: t.state.accounts,
    settings: t.state.settings,
    parts: t.state.parts.count(),
    salesOrders: list('salesOrders', t.state.salesOrders, (o) => ({
      environment: o.environment,
      ...salesOrderView(o),
    })),
  }),
  webhooks: { retrySchedule: [] },
  // Built from every contract schema: loaded when the document is first asked for.
  openapi: (o) => import('../../contracts/digikey/openapi.ts').then((m) => m.digikeyOpenApi(o)),
  limitations: readFileSync(new URL('./LIMITATIONS.md', import.meta.url), 'utf8'),
})

export { DIGIKEY_DEFAULT_CREDENTIALS as defaultCredentials }
export type { DigiKeyCredentials, DigiKeyState } from './store.ts'
