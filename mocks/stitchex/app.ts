import type { Hono } from 'hono'
import type { SimEnv } from '../core/index.ts'
import { registerCatalogue } from './catalogue.ts'
import { registerCustomers } from './customers.ts'
import { registerDocuments } from './documents.ts'
import { registerSalesOrders } from './orders.ts'
import { registerPickTickets } from './pick-tickets.ts'
import { registerStock } from './stock.ts'
import type { StitchexCredentials, StitchexState } from './store.ts'

/**
 * The Stitchex (Uphance) API routes; the token endpoint is the core's (`auth.ts` declares it).
 * Every path also answers with a trailing slash (`payments/`, `invoices/?invoice_id=`).
 * @see https://help.uphance.com/en/articles/2532044-uphance-api-for-developers
 */
export function registerStitchexRoutes(app: Hono<SimEnv<StitchexState, StitchexCredentials>>) {
  registerCatalogue(app)
  registerCustomers(app)
  registerSalesOrders(app)
  registerDocuments(app)
  registerStock(app)
  registerPickTickets(app)
}
