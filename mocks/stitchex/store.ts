import { z } from 'zod'
import {
  CHANNELS,
  COLORS,
  CUSTOMERS,
  ORGANISATIONS,
  PRODUCTS,
  SEASONS,
  SIZES,
} from '../../fixtures/stitchex/catalog.ts'
import { seedDocuments } from './seed.ts'
import {
  createLock,
  createRateWindows,
  createTable,
  type Lock,
  type Table,
  type TenantBase,
} from '../core/index.ts'
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

/** The next integer id of a kind. */
/** A 12-digit body with its GS1 check digit: an EAN-13 a scanner accepts (one per SKU). */
export function ean13(body: string): string {
  let sum = 0
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3)
  return `${body}${(10 - (sum % 10)) % 10}`
}

export const nextId = (state: StitchexState, kind: keyof typeof ID_BASES) => state.nextId[kind]!++

const byOrg = (r: { organisation_id: number }) => r.organisation_id

/** Build a tenant: two organisations, their catalogues, stock and documents. */
export async function createStitchexState(
  tenant: TenantBase<StitchexCredentials>,
): Promise<StitchexState> {
  const state = await createStitchexTables()
  seedCatalogue(state, tenant)
  await seedDocuments(state, tenant)
  return state
}

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
    nextId: { ...ID_BASES },
    settings: { legacyTokens: false, rateLimit: null },
    rate: createRateWindows(),
    lock: createLock(),
  }
}

/** Seed the catalogue of every organisation: seasons, channels, customers, products and SKUs with stock. */
function seedCatalogue(state: StitchexState, tenant: TenantBase<StitchexCredentials>) {
  const rng = tenant.rng.fork('catalogue')
  const t = tenant.clock.now() - 90 * 86_400_000
  for (const org of state.organisations.values()) {
    const o = org.id
    const seasons = []
    for (const name of SEASONS)
      seasons.push(
        state.seasons.seed({
          id: nextId(state, 'season'),
          organisation_id: o,
          name,
          created_at: t,
          updated_at: t,
        }),
      )
    const channels = []
    for (const c of CHANNELS)
      channels.push(
        state.channels.seed({
          id: nextId(state, 'channel'),
          organisation_id: o,
          name: c.name,
          channel_type: c.type,
          currency: org.currency,
          created_at: t,
          updated_at: t,
        }),
      )
    for (const c of CUSTOMERS)
      state.customers.seed({
        id: nextId(state, 'customer'),
        organisation_id: o,
        name: c.name,
        company_type: 'customer',
        customer_type: 'wholesale',
        country: c.country,
        city: c.city,
        vat_number: null,
        channel_id: channels[0]!.id,
        currency: org.currency,
        notes: null,
        reference: null,
        people: [
          {
            id: nextId(state, 'person'),
            ...c.person,
            position: 'Buyer',
            phone_1: null,
            phone_2: null,
            notes: null,
            buyer: true,
            shipping: true,
            billing: true,
          },
        ],
        addresses: [
          {
            id: nextId(state, 'address'),
            line_2: null,
            line_3: null,
            ...c.address,
            default_for_shipping: true,
            default_for_billing: true,
          },
        ],
        created_at: t,
        updated_at: t,
      })
    for (const p of PRODUCTS) {
      const product: ProductRow = {
        id: nextId(state, 'product'),
        organisation_id: o,
        product_identifier: p.identifier,
        name: p.name,
        description: p.description,
        sizing_system: 'XS-XXL',
        image_url: null,
        not_for_sale: false,
        season_id: seasons[p.season]!.id,
        variations: COLORS.map((color) => ({
          id: nextId(state, 'variation'),
          color,
          textile_content: p.textile,
          wsp: p.wsp * 100,
          msrp: p.msrp * 100,
        })),
        created_at: t,
        updated_at: t,
      }
      state.products.seed(product)
      for (const v of product.variations)
        for (const size of SIZES) {
          const id = nextId(state, 'sku')
          state.skus.seed({
            id,
            organisation_id: o,
            product_id: product.id,
            variation_id: v.id,
            color: v.color,
            size,
            ean: ean13(`735000${String(id).padStart(6, '0')}`),
            in_stock: rng.int(0, 60),
            allocated: 0,
            created_at: t,
            updated_at: t,
          })
        }
    }
  }
}
