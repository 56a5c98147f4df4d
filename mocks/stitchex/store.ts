import { z } from 'zod'
import { ORGANISATIONS } from '../../fixtures/stitchex/catalog.ts'
import { createLock, createRateWindows, createTable, type Lock, type Table } from '../core/index.ts'
import type {
  ChannelRow,
  CreditNoteRow,
  CustomerRow,
  InvoiceRow,
  OrganisationRow,
  PaymentRow,
  PickTicketRow,
  ProductRow,
  ReceivingTicketRow,
  SalesOrderRow,
  SeasonRow,
  SkuRow,
  StockOperationRow,
} from './rows.ts'

/** Credentials of a Stitchex tenant: one user, who belongs to every organisation of the tenant. */
export interface StitchexCredentials extends Record<string, unknown> {
  email: string
  password: string
}

/** Every stored row belongs to one organisation; amounts are integer cents (answered as strings). */
const Row = z.looseObject({ id: z.number().int().positive(), organisation_id: z.number().int() })

/** Per-tenant switches the sandbox changes. */
export interface StitchexSettings {
  /** Tokens as the seed's sample: a year, no refresh token. */
  legacyTokens: boolean
  /** A per-token fixed window (off by default). */
  rateLimit: { limit: number; windowSeconds: number } | null
}

export interface StitchexState {
  organisations: Map<number, OrganisationRow>
  seasons: Table<SeasonRow>
  channels: Table<ChannelRow>
  customers: Table<CustomerRow>
  products: Table<ProductRow>
  skus: Table<SkuRow>
  salesOrders: Table<SalesOrderRow>
  invoices: Table<InvoiceRow>
  creditNotes: Table<CreditNoteRow>
  payments: Table<PaymentRow>
  stockOperations: Table<StockOperationRow>
  pickTickets: Table<PickTicketRow>
  receivingTickets: Table<ReceivingTicketRow>
  /** The next id of each kind (ids are integers, unique across the tenant's organisations). */
  nextId: Record<string, number>
  settings: StitchexSettings
  rate: ReturnType<typeof createRateWindows>
  lock: Lock
}

const ID_BASES: Record<string, number> = {
  season: 301,
  channel: 1201,
  customer: 41001,
  person: 61001,
  address: 71001,
  product: 100001,
  variation: 200001,
  sku: 500001,
  salesOrder: 700001,
  line: 750001,
  quantity: 760001,
  invoice: 800001,
  creditNote: 850001,
  payment: 900001,
  stockOperation: 950001,
  pickTicket: 1000001,
  receivingTicket: 1100001,
  productionOrder: 5001,
}

/** The first id of each kind, in a record of its own (a tenant's ids count up from it). */
export const firstIds = (): Record<string, number> => ({ ...ID_BASES })

/** The next integer id of a kind. */
export const nextId = (state: Pick<StitchexState, 'nextId'>, kind: keyof typeof ID_BASES) =>
  state.nextId[kind]!++

const byOrg = (r: { organisation_id: number }) => r.organisation_id

/** Build a tenant's organisations and their (empty) tables. */
export async function createStitchexTables(): Promise<StitchexState> {
  const table = <T extends { id: number; organisation_id: number }>(
    indexes: Record<string, (r: T) => unknown> = {},
  ) => createTable(Row as unknown as z.ZodType<T>, { org: byOrg, ...indexes })
  return {
    organisations: new Map(
      ORGANISATIONS.map((o) => [
        o.id,
        {
          ...o,
          nextOrderNumber: 1181,
          nextInvoiceNumber: 3001,
          nextCreditNoteNumber: 501,
        },
      ]),
    ),
    seasons: await table<SeasonRow>(),
    channels: await table<ChannelRow>(),
    customers: await table<CustomerRow>(),
    products: await table<ProductRow>({
      identifier: (r) => `${r.organisation_id}|${r.product_identifier}`,
    }),
    skus: await table<SkuRow>({ product: (r) => r.product_id }),
    salesOrders: await table<SalesOrderRow>({
      number: (r) => `${r.organisation_id}|${r.order_number}`,
      company: (r) => r.company_id,
    }),
    invoices: await table<InvoiceRow>({ sale: (r) => r.sale_id }),
    creditNotes: await table<CreditNoteRow>(),
    payments: await table<PaymentRow>({ sale: (r) => r.sale_id ?? undefined }),
    stockOperations: await table<StockOperationRow>(),
    pickTickets: await table<PickTicketRow>({ order: (r) => r.order_id }),
    receivingTickets: await table<ReceivingTicketRow>(),
    nextId: firstIds(),
    settings: { legacyTokens: false, rateLimit: null },
    rate: createRateWindows(),
    lock: createLock(),
  }
}
