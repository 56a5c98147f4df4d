import { readFileSync } from 'node:fs'
import { STITCHEX_HOSTS } from '../../contracts/stitchex/hosts.ts'
import { BASE62, defineVendor } from '../core/index.ts'
import { registerStitchexRoutes } from './app.ts'
import { invalidToken, STITCHEX_TOKEN } from './auth.ts'
import { renderStitchexError } from './errors.ts'
import { registerStitchexSandbox } from './sandbox.ts'
import { createStitchexState } from './seed.ts'
import type { StitchexCredentials, StitchexState } from './store.ts'
import { pickTicketView, productView } from './views.ts'

/** Credentials of the `default` tenant, printed in the server banner and the README. */
export const STITCHEX_DEFAULT_CREDENTIALS: StitchexCredentials = {
  email: 'dev@stitchex-demo.test',
  password: 'stitchex-dev-password',
}

/**
 * Stitchex (today Uphance) — the REST API for fashion wholesale: password-grant tokens, a current
 * organisation per token, `meta` paging, products and SKUs with stock, customers, sales orders,
 * pick tickets to shipped, invoices, payments, credit notes, receiving tickets, webhooks.
 * @see https://help.uphance.com/en/articles/2532044-uphance-api-for-developers
 */
export const stitchex = defineVendor<StitchexState, StitchexCredentials>({
  id: 'stitchex',
  title: 'Stitchex',
  protocol: 'rest',
  docs: [
    'https://help.uphance.com/en/articles/2532044-uphance-api-for-developers',
    'https://help.uphance.com/en/articles/2532171-webhooks',
  ],
  hosts: { production: STITCHEX_HOSTS.production.map((h) => `https://${h}`), sandbox: [] },
  defaultCredentials: STITCHEX_DEFAULT_CREDENTIALS,
  mintCredentials: (tenantId, rng) => ({
    email: `dev+${tenantId.toLowerCase()}@stitchex-demo.test`,
    password: rng.string(24, BASE62),
  }),
  credentialKeys: (c) => [c.email.toLowerCase()],
  trailingSlash: 'optional',
  auth: {
    header: ['bearer', 'bare'],
    tokenEndpoints: [STITCHEX_TOKEN],
    unknownCredential: () => invalidToken(),
  },
  createState: createStitchexState,
  routes: registerStitchexRoutes,
  sandbox: registerStitchexSandbox,
  renderError: renderStitchexError,
  snapshot: (t, list) => ({
    organisations: [...t.state.organisations.values()],
    products: list('products', t.state.products, (p) => productView(t.state, p)),
    skus: list('skus', t.state.skus),
    customers: list('customers', t.state.customers),
    salesOrders: list('salesOrders', t.state.salesOrders),
    invoices: list('invoices', t.state.invoices),
    creditNotes: list('creditNotes', t.state.creditNotes),
    payments: list('payments', t.state.payments),
    stockOperations: list('stockOperations', t.state.stockOperations),
    pickTickets: list('pickTickets', t.state.pickTickets, (p) => pickTicketView(t.state, p)),
    receivingTickets: list('receivingTickets', t.state.receivingTickets),
    webhooks: t.subscriptions.list().map(t.subscriptions.view),
    settings: t.state.settings,
  }),
  // "retried for up to 48 hours, then discarded" [official]; the spacing is a [proposal] (46.4 h in all).
  webhooks: { retrySchedule: [60, 300, 900, 3600, 10_800, 21_600, 43_200, 86_400] },
  // Built from every contract schema: loaded when the document is first asked for.
  openapi: (o) => import('../../contracts/stitchex/openapi.ts').then((m) => m.stitchexOpenApi(o)),
  limitations: readFileSync(new URL('./LIMITATIONS.md', import.meta.url), 'utf8'),
})

export { STITCHEX_DEFAULT_CREDENTIALS as defaultCredentials }
export type { StitchexCredentials, StitchexState } from './store.ts'
