import { readFileSync } from 'node:fs'
import { SHIPHERO_HOSTS } from '../../contracts/shiphero/hosts.ts'
import { defineVendor, BASE62 } from '../core/index.ts'
import { CUSTOMER_ACCOUNTS } from '../../fixtures/shiphero/catalog.ts'
import { registerShipHeroRoutes } from './app.ts'
import { invalidToken, SHIPHERO_REFRESH, SHIPHERO_TOKEN } from './auth.ts'
import { renderShipHeroError } from './errors.ts'
import { registerShipHeroSandbox } from './sandbox.ts'
import { createShipHeroState, type ShipHeroCredentials, type ShipHeroState } from './store.ts'

/** Credentials of the `default` tenant, printed in the server banner and the README. */
export const SHIPHERO_DEFAULT_CREDENTIALS: ShipHeroCredentials = {
  username: 'dev@northwind-3pl.test',
  password: 'shiphero-dev-password',
  customers: [
    {
      username: 'api@acme-outdoor.test',
      password: 'acme-dev-password',
      account_id: CUSTOMER_ACCOUNTS[0],
    },
    {
      username: 'api@bluebird-tea.test',
      password: 'bluebird-dev-password',
      account_id: CUSTOMER_ACCOUNTS[1],
    },
  ],
}

/**
 * ShipHero — the GraphQL warehouse API: password-grant tokens, every query
 * in `{request_id, complexity, data}`, credits, 3PL customer accounts, Relay
 * ids with legacy ids, products, inventory, orders, shipments, webhooks.
 * @see https://developer.shiphero.com/getting-started/
 */
export const shiphero = defineVendor<ShipHeroState, ShipHeroCredentials>({
  id: 'shiphero',
  title: 'ShipHero',
  protocol: 'graphql',
  docs: [
    'https://developer.shiphero.com/getting-started/',
    'https://developer.shiphero.com/schema/',
    'https://developer.shiphero.com/webhooks',
  ],
  hosts: { production: SHIPHERO_HOSTS.production.map((h) => `https://${h}`), sandbox: [] },
  defaultCredentials: SHIPHERO_DEFAULT_CREDENTIALS,
  mintCredentials: (tenantId, rng) => ({
    username: `dev+${tenantId.toLowerCase()}@northwind-3pl.test`,
    password: rng.string(24, BASE62),
    customers: [
      {
        username: `api+${tenantId.toLowerCase()}@acme-outdoor.test`,
        password: rng.string(24, BASE62),
        account_id: CUSTOMER_ACCOUNTS[0],
      },
      {
        username: `api+${tenantId.toLowerCase()}@bluebird-tea.test`,
        password: rng.string(24, BASE62),
        account_id: CUSTOMER_ACCOUNTS[1],
      },
    ],
  }),
  credentialKeys: (c) => [
    c.username.toLowerCase(),
    ...c.customers.map((x) => x.username.toLowerCase()),
  ],
  auth: { tokenEndpoints: [SHIPHERO_TOKEN, SHIPHERO_REFRESH], unknownCredential: invalidToken },
  createState: createShipHeroState,
  graphql: () => import('./schema.ts').then((m) => m.SHIPHERO_GRAPHQL),
  routes: registerShipHeroRoutes,
  sandbox: registerShipHeroSandbox,
  renderError: renderShipHeroError,
  snapshot: (t, list) => ({
    accounts: t.state.accounts.all(),
    warehouses: t.state.warehouses.all().map((w) => ({ id: w.id, identifier: w.identifier })),
    products: t.state.products.count(),
    warehouseProducts: t.state.warehouseProducts.count(),
    orders: list('orders', t.state.orders),
    shipments: list('shipments', t.state.shipments),
    inventoryChanges: t.state.inventoryChanges.count(),
    webhooks: t.subscriptions.list().map(t.subscriptions.view),
    throttle: t.state.throttle,
  }),
  // "5 retries per trigger" [official]; the spacing is a [proposal].
  webhooks: {
    retrySchedule: [10, 30, 60, 300, 900],
    sign: (_body, delivery) => ({ 'X-Shiphero-Message-ID': delivery.id }),
  },
  limitations: readFileSync(new URL('./LIMITATIONS.md', import.meta.url), 'utf8'),
})

export { SHIPHERO_DEFAULT_CREDENTIALS as defaultCredentials }
export type { ShipHeroCredentials, ShipHeroState } from './store.ts'
export { signBody } from './webhooks.ts'
