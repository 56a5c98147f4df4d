import { readFileSync } from 'node:fs'
import { DIGIT_HOSTS } from '../../contracts/digit/hosts.ts'
import { BASE62, defineVendor } from '../core/index.ts'
import { registerDigitRoutes } from './app.ts'
import { renderDigitError, unauthorized } from './errors.ts'
import { registerDigitSandbox } from './sandbox.ts'
import { createDigitState, type DigitCredentials, type DigitState } from './store.ts'

/**
 * Credentials of the `default` tenant, printed in the server banner and the README. The
 * primary organization is the help article's own, so its samples run as written.
 */
export const DIGIT_DEFAULT_CREDENTIALS: DigitCredentials = {
  token: 'da_Kt0LoBSJV49E2JI1gmPAmNUHekdzqr1HygTKRgTn',
  organizationId: 'org_2q7ijyFawxyztIITFUnD8l2bjkp',
  sandbox: {
    token: 'da_c9ZnW72z6UQWR7VVvyWt6xLgbGVf6uFCaE94trdW',
    organizationId: 'org_WqNaUWvOjclJiYMaTDoPEcCdjkL',
  },
}

/**
 * Digit — the GraphQL ERP API: `da_` API tokens with permissions, a primary and a SANDBOX
 * account per customer (each its own Clerk organization), items, units of measure, companies
 * and their locations, sales orders with fulfilment, `nodes` connections.
 * @see https://learn.digit-software.com/en/articles/11940553-digit-api-access
 * @see https://api.digit-software.com/docs
 */
export const digit = defineVendor<DigitState, DigitCredentials>({
  id: 'digit',
  title: 'Digit',
  protocol: 'graphql',
  docs: [
    'https://learn.digit-software.com/en/articles/11940553-digit-api-access',
    'https://api.digit-software.com/docs',
  ],
  hosts: {
    production: DIGIT_HOSTS.production.map((h) => `https://${h}`),
    sandbox: DIGIT_HOSTS.sandbox.map((h) => `https://${h}`),
  },
  defaultCredentials: DIGIT_DEFAULT_CREDENTIALS,
  mintCredentials: (_tenantId, rng) => ({
    token: `da_${rng.string(40, BASE62)}`,
    organizationId: `org_${rng.string(27, BASE62)}`,
    sandbox: {
      token: `da_${rng.string(40, BASE62)}`,
      organizationId: `org_${rng.string(27, BASE62)}`,
    },
  }),
  credentialKeys: (c) => [c.token, c.sandbox.token],
  auth: { unknownCredential: unauthorized },
  createState: createDigitState,
  graphql: () => import('./schema.ts').then((m) => m.DIGIT_GRAPHQL),
  routes: registerDigitRoutes,
  sandbox: registerDigitSandbox,
  renderError: (err, c) => renderDigitError(err, c),
  snapshot: (t, list) => ({
    accounts: t.state.accounts,
    items: list('items', t.state.items),
    companies: list('companies', t.state.companies),
    locations: list('locations', t.state.locations),
    orders: list('orders', t.state.orders),
    tokens: t.auth.summary(),
    settings: t.state.settings,
  }),
  // Digit sends no webhooks to API users (apps only receive third-party ones).
  webhooks: { retrySchedule: [] },
  limitations: readFileSync(new URL('./LIMITATIONS.md', import.meta.url), 'utf8'),
})

export { DIGIT_DEFAULT_CREDENTIALS as defaultCredentials }
export type { DigitCredentials, DigitState } from './store.ts'
