import type { z } from 'zod'
import { OrderRequest } from '../../contracts/digikey/requests.ts'
import type { OrderResponse } from '../../contracts/digikey/schemas.ts'
import { SITE_CURRENCIES, USD_RATES, type Part } from '../../fixtures/digikey/catalog.ts'
import { addBusinessDays, SimError, type Tenant } from '../core/index.ts'
import { dotnetProblems } from './errors.ts'
import { plan } from './lifecycle.ts'
import type {
  Account,
  DigiKeyCredentials,
  DigiKeyState,
  LineRecord,
  SalesOrderRecord,
} from './store.ts'

type DigiKeyTenant = Tenant<DigiKeyState, DigiKeyCredentials>
type Input = z.output<typeof OrderRequest>
type Problem = { field: string; message: string }

/** Validate an OrderRequest; every problem at once, as ApiErrorResponse `ValidationErrors`. */
export function validateOrder(state: DigiKeyState, body: unknown, site: string): Input {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalid([{ field: '', message: 'A non-empty request body is required.' }])
  }
  const parsed = OrderRequest.safeParse(body)
  if (!parsed.success) throw invalid(dotnetProblems(parsed.error.issues as never, 'OrderRequest'))
  const problems: Problem[] = []
  const input = parsed.data
  const accepted = SITE_CURRENCIES[site] ?? SITE_CURRENCIES.US!
  if (!accepted.includes(input.Currency))
    problems.push({
      field: 'Currency',
      message: `Currency ${input.Currency} is not available on the ${site} site; use ${accepted.join(' or ')}.`,
    })
  input.LineItems.forEach((line, i) => {
    const part = state.parts.get(line.DigiKeyPartNumber)
    const field = `LineItems[${i}]`
    if (!part) {
      problems.push({
        field: `${field}.DigiKeyPartNumber`,
        message: `Part number '${line.DigiKeyPartNumber}' was not found.`,
      })
      return
    }
    if (line.RequestedQuantity < part.MinimumOrderQuantity)
      problems.push({
        field: `${field}.RequestedQuantity`,
        message: `The minimum order quantity of ${part.id} is ${part.MinimumOrderQuantity}.`,
      })
    else if (line.RequestedQuantity % part.OrderMultiple !== 0)
      problems.push({
        field: `${field}.RequestedQuantity`,
        message: `${part.id} is sold in multiples of ${part.OrderMultiple}.`,
      })
  })
  if (problems.length) throw invalid(problems)
  return input
}

const invalid = (problems: Problem[]) =>
  new SimError(400, 'validation', 'The request is invalid.', {
    details: problems,
    extra: {
      errorDetails: problems
        .map((p) => (p.field ? `${p.field}: ${p.message}` : p.message))
        .join(' '),
    },
  })

/** Unit price for a quantity from the part's price breaks, in the order currency (5 decimals, as DigiKey prices small parts). */
export function unitPrice(part: Part, quantity: number, currency: string): number {
  let usd = part.PriceBreaks[0]!.UnitPrice
  for (const b of part.PriceBreaks) if (quantity >= b.BreakQuantity) usd = b.UnitPrice
  const rate = USD_RATES[currency] ?? 1
  return Math.round(usd * rate * 100_000) / 100_000
}

/**
 * Place an order: price it, reserve stock (the rest is backordered until the
 * part's lead time), split Marketplace lines into one sales order per partner.
 * The simulator does not dedupe: resubmitting creates another order, as DigiKey does.
 * Callers hold the tenant lock.
 */
export async function placeOrder(
  tenant: DigiKeyTenant,
  input: Input,
  account: Account,
  environment: string,
): Promise<OrderResponse> {
  const { state } = tenant
  const now = tenant.clock.now()
  const groups = new Map<
    string,
    { partner: Part['Marketplace']; items: Array<{ index: number; part: Part }> }
  >()
  input.LineItems.forEach((line, index) => {
    const part = state.parts.get(line.DigiKeyPartNumber)!
    const key = part.Marketplace ? `mp:${part.Marketplace.PartnerId}` : 'dk'
    if (!groups.has(key)) groups.set(key, { partner: part.Marketplace, items: [] })
    groups.get(key)!.items.push({ index, part })
  })

  if (state.settings.asyncOrders) {
    // Accepted before a sales order id exists: -1, and the order appears a little later.
    const task = async () => {
      await state.lock.run(async () => {
        const at = tenant.clock.now()
        const number = nextOrderNumber(state)
        for (const group of groups.values())
          await createSalesOrder(tenant, input, account, environment, group, number, at)
      })
    }
    tenant.clock.schedule(
      now + state.settings.asyncDelaySeconds * 1000,
      'digikey async order',
      task,
    )
    return {
      Message:
        'Your order has been received and will be processed soon. There is no need to resubmit it.',
      SalesOrderId: -1,
      PurchaseOrderNumber: input.PurchaseOrderNumber,
      SalesOrderIds_DKPlus: null,
    }
  }

  const number = nextOrderNumber(state)
  let main = 0
  const dkPlus: number[] = []
  for (const group of groups.values()) {
    const so = await createSalesOrder(tenant, input, account, environment, group, number, now)
    if (group.partner) dkPlus.push(so.id)
    else main = so.id
  }
  return {
    Message:
      main === 0
        ? 'Your order contains only DigiKey Marketplace products; see SalesOrderIds_DKPlus.'
        : 'Your order has been received.',
    SalesOrderId: main,
    PurchaseOrderNumber: input.PurchaseOrderNumber,
    SalesOrderIds_DKPlus: dkPlus.length ? dkPlus : null,
  }
}

function nextOrderNumber(state: DigiKeyState) {
  // Web order numbers have 16 digits (above 2^53): only even steps keep them exact as JSON numbers.
  state.seq.orderNumber += 2 * (1 + (state.seq.invoice % 5))
  return state.seq.orderNumber
}

async function createSalesOrder(
  tenant: DigiKeyTenant,
  input: Input,
  account: Account,
  environment: string,
  group: { partner: Part['Marketplace']; items: Array<{ index: number; part: Part }> },
  orderNumber: number,
  at: number,
) {
  const { state } = tenant
  const contact = input.ShippingContact!
  const address = contact.Address!
  const [first, ...rest] = contact.Name.trim().split(/\s+/)
  const lines: LineRecord[] = []
  for (const [i, { index, part }] of group.items.entries()) {
    const line = input.LineItems[index]!
    const current = state.parts.get(part.id)!
    const reserved = Math.min(current.QuantityAvailable, line.RequestedQuantity)
    await state.parts.update(part.id, (p) => {
      p.QuantityAvailable -= reserved
    })
    const price = unitPrice(part, line.RequestedQuantity, input.Currency)
    const backorder = line.RequestedQuantity - reserved
    lines.push({
      detailId: i + 1,
      partId: part.id,
      mpn: part.ManufacturerProductNumber,
      description: part.Description,
      packType: part.PackType,
      countryOfOrigin: part.CountryOfOrigin,
      requested: line.RequestedQuantity,
      unitPrice: price,
      totalPrice: Math.round(price * line.RequestedQuantity * 100) / 100,
      customerReference: line.CustomerLineItemId ?? null,
      shipped: 0,
      reserved,
      backorder,
      backorderAt: backorder > 0 ? addBusinessDays(at, part.LeadTimeDays) : null,
      schedules: [],
      pendingSchedules: null,
    })
  }
  const record: SalesOrderRecord = {
    id: (state.seq.salesOrder += 1 + (orderNumber % 3)),
    orderNumber,
    customerId: state.customerId,
    accountId: account.id,
    environment,
    purchaseOrder: input.PurchaseOrderNumber,
    currency: input.Currency,
    shipMethod: input.ShipMethod ?? 'UPS ground',
    shipControl: input.ShipControl ?? 'Immediate',
    packagingPreference: input.PackagingPreference ?? null,
    status: 'Received',
    enteredAt: at,
    processingAt: null,
    contact: {
      FirstName: address.FirstName ?? first ?? null,
      LastName: address.LastName ?? (rest.join(' ') || null),
      Email: address.Email ?? null,
    },
    address: {
      FirstName: address.FirstName ?? first ?? null,
      LastName: address.LastName ?? (rest.join(' ') || null),
      CompanyName: address.Company ?? null,
      AddressLine1: address.AddressLineOne,
      AddressLine2: address.AddressLineTwo ?? null,
      City: address.City,
      State: address.Province ?? null,
      ZipCode: address.PostalCode,
      IsoCode: address.Country,
      Phone: contact.Telephone ?? null,
    },
    marketplace: group.partner,
    lines,
    shipments: [],
    history: [{ status: 'Received', at }],
  }
  const stored = await state.salesOrders.insert(record)
  plan(tenant, stored)
  return stored
}
