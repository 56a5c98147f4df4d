import { readFileSync } from 'node:fs'
import { DIGIPIX_HOSTS } from '../../contracts/digipix/hosts.ts'
import { BASE62, defineVendor } from '../core/index.ts'
import { registerDigipixRoutes } from './app.ts'
import { DIGIPIX_TOKEN, invalidToken } from './auth.ts'
import { renderDigipixError } from './errors.ts'
import { orderView } from './orders.ts'
import { registerDigipixSandbox } from './sandbox.ts'
import { createDigipixState, type DigipixCredentials, type DigipixState } from './store.ts'

/** Credentials of the `default` tenant, printed in the server banner and the README. */
export const DIGIPIX_DEFAULT_CREDENTIALS: DigipixCredentials = {
  clientId: 'digipix-dev-client',
  clientSecret: 'digipix-dev-secret',
  production: { clientId: 'digipix-prod-client', clientSecret: 'digipix-prod-secret' },
  partnerName: 'Festcolor',
}

/**
 * Digipix — Brazilian photo printing: OAuth2 client credentials with scopes,
 * products, quote, orders QUOTE → APPROVED → NEW → IN_MANUFACTURING → SHIPPED →
 * DELIVERED, status callbacks.
 * @see https://api.digipix.io/docs
 */
export const digipix = defineVendor<DigipixState, DigipixCredentials>({
  id: 'digipix',
  title: 'Digipix',
  protocol: 'rest',
  docs: ['https://api.digipix.io/docs'],
  hosts: {
    production: DIGIPIX_HOSTS.production.map((h) => `https://${h}`),
    sandbox: DIGIPIX_HOSTS.sandbox.map((h) => `https://${h}`),
  },
  defaultCredentials: DIGIPIX_DEFAULT_CREDENTIALS,
  mintCredentials: (tenantId, rng) => ({
    clientId: `dpx_${rng.string(16, BASE62)}`,
    clientSecret: rng.string(32, BASE62),
    production: {
      clientId: `dpx_live_${rng.string(16, BASE62)}`,
      clientSecret: rng.string(32, BASE62),
    },
    partnerName: `Partner ${tenantId}`,
  }),
  credentialKeys: (c) => [c.clientId, c.production.clientId],
  auth: { tokenEndpoints: [DIGIPIX_TOKEN], unknownCredential: invalidToken },
  createState: createDigipixState,
  routes: registerDigipixRoutes,
  sandbox: registerDigipixSandbox,
  renderError: renderDigipixError,
  snapshot: (t, list) => ({
    partner: t.state.partner,
    products: t.state.products.count(),
    quotes: t.state.quotes.count(),
    orders: list('orders', t.state.orders, (o) => orderView(t, o)),
  }),
  // Five attempts over about an hour [proposal]: now, +1 min, +5 min, +15 min, +40 min.
  webhooks: { retrySchedule: [60, 300, 900, 2400] },
  // Built from every contract schema: loaded when the document is first asked for.
  openapi: (o) => import('../../contracts/digipix/openapi.ts').then((m) => m.digipixOpenApi(o)),
  limitations: readFileSync(new URL('./LIMITATIONS.md', import.meta.url), 'utf8'),
})

export { DIGIPIX_DEFAULT_CREDENTIALS as defaultCredentials }
export type { DigipixCredentials, DigipixState } from './store.ts'
export { callbackBody } from './lifecycle.ts'
