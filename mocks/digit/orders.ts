import type { Resolver } from '../core/graphql/index.ts'
import { rowOrder } from '../core/sort.ts'
import { need } from './auth.ts'
import { companyOf, locationOf } from './companies.ts'
import {
  checkOrganization,
  cost,
  optionalText,
  page,
  searchRows,
  type DigitCtx,
} from './context.ts'
import { badInput, CODES, digitError, noResult } from './errors.ts'
import { billingOf, checkItems, date, linesOf } from './order-input.ts'
import { CREATABLE, EDITABLE, shippedPercentage, TRANSITIONS } from './lifecycle.ts'
import type { OrderRow, OrderStatus } from './rows.ts'

type R = Resolver<DigitCtx>

/** An order of the calling account, or "No result found". */
export function orderOf(ctx: DigitCtx, id: string): OrderRow {
  const row = ctx.state.orders.get(id)
  if (!row || row.account !== ctx.account.key) throw noResult()
  return row
}

export const documentNumber = (row: OrderRow) => `SO-${row.number}`

// Rows are filed in creation order, which is also order-number order: ascending by orderNumber or
// createdAt is the index itself; the other orders are kept sorted by the table.
const ORDERS = {
  orderDate: rowOrder<OrderRow>([{ field: 'orderDate', descending: false }]),
  '-orderDate': rowOrder<OrderRow>([{ field: 'orderDate', descending: true }]),
  newest: rowOrder<OrderRow>([{ field: 'number', descending: true }]),
}

export const orderQueries: Record<string, R> = {
  orders: (_s, args, ctx) => {
    need(ctx, 'READ_ORDER')
    const desc = args.order?.direction === 'desc'
    const order =
      args.order?.by === 'orderDate'
        ? ORDERS[desc ? '-orderDate' : 'orderDate']
        : desc
          ? ORDERS.newest
          : undefined
    const { orders } = ctx.state
    const rows = order
      ? orders.sorted('account', ctx.account.key, order)
      : orders.lookup('account', ctx.account.key)
    const found = searchRows(rows, args.search, (r) => {
      const customer = ctx.state.companies.get(r.customerId)
      return [String(r.number), documentNumber(r), r.reference, customer?.name]
    })
    return page(found, args.connection)
  },
  order: (_s, args, ctx) => {
    need(ctx, 'READ_ORDER')
    return orderOf(ctx, args.orderId)
  },
}

export const orderMutations: Record<string, R> = {
  /** @see https://learn.digit-software.com/en/articles/11940553-digit-api-access (the seed's sample) */
  createOrder: async (_s, { input }, ctx) => {
    need(ctx, 'CREATE_ORDER')
    checkOrganization(ctx, input.clerkOrganizationId)
    const customer = companyOf(ctx, input.customerId, 'customerId')
    const shipping = locationOf(ctx, customer, input.shippingAddressId, 'shippingAddressId')
    const billing = billingOf(ctx, customer, shipping.id, input)
    checkItems(ctx, input.items)
    const lines = linesOf(ctx, input.items)
    const status: OrderStatus = input.orderStatus ?? 'draft'
    if (!CREATABLE.includes(status))
      throw badInput('orderStatus', `an order is created as ${CREATABLE.join(', ')}; not ${status}`)
    if (input.paymentStatus === 'refunded')
      throw badInput('paymentStatus', 'a new order cannot be refunded')
    const row: OrderRow = {
      id: ctx.tenant.ids.uuidv7(ctx.now),
      account: ctx.account.key,
      number: ctx.account.nextOrderNumber,
      orderDate: date('orderDate', input.orderDate) ?? ctx.now,
      status,
      paymentStatus: input.paymentStatus ?? 'not_paid',
      customerId: customer.id,
      shippingAddressId: shipping.id,
      billingAddressId: billing,
      reference: optionalText('customerReferenceNumber', input.customerReferenceNumber, 100),
      notes: optionalText('notes', input.notes, 5000),
      requestedDeliveryDate: date('requestedDeliveryDate', input.requestedDeliveryDate),
      lines,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }
    const order = await ctx.state.orders.insert(row)
    ctx.account.nextOrderNumber++
    return { order }
  },
  updateOrder: async (_s, { input }, ctx) => {
    need(ctx, 'UPDATE_ORDER')
    const before = orderOf(ctx, input.orderId)
    const patch: Partial<OrderRow> = { updatedAt: ctx.now }
    const edits = [
      'customerId',
      'shippingAddressId',
      'billingAddressId',
      'useShippingAsBilling',
      'items',
    ].filter((k) => input[k] != null)
    if (edits.length && !EDITABLE.includes(before.status))
      throw digitError(
        CODES.badUserInput,
        `Order ${documentNumber(before)} is ${before.status}: ${edits.join(', ')} can no longer change`,
        { field: edits[0] },
      )
    const customer = companyOf(ctx, input.customerId ?? before.customerId, 'customerId')
    if (input.customerId != null || input.shippingAddressId != null) {
      const shippingId =
        input.shippingAddressId ??
        (input.customerId != null && input.customerId !== before.customerId
          ? undefined
          : before.shippingAddressId)
      if (shippingId === undefined)
        throw badInput('shippingAddressId', 'is required when the customer changes')
      patch.customerId = customer.id
      patch.shippingAddressId = locationOf(ctx, customer, shippingId, 'shippingAddressId').id
    }
    if (
      patch.shippingAddressId ||
      input.billingAddressId != null ||
      input.useShippingAsBilling != null
    )
      patch.billingAddressId = billingOf(
        ctx,
        customer,
        patch.shippingAddressId ?? before.shippingAddressId,
        input,
      )
    if (input.items != null) {
      checkItems(ctx, input.items)
      patch.lines = linesOf(ctx, input.items, before)
    }
    if (input.orderStatus != null && input.orderStatus !== before.status) {
      const to = input.orderStatus as OrderStatus
      if (!TRANSITIONS[before.status].includes(to))
        throw badInput(
          'orderStatus',
          `cannot move from ${before.status} to ${to} (allowed: ${TRANSITIONS[before.status].join(', ') || 'none'})`,
        )
      patch.status = to
      if (to === 'fulfilled')
        patch.lines = (patch.lines ?? before.lines).map((l) => ({ ...l, fulfilled: l.quantity }))
      if (to === 'refunded') patch.paymentStatus = 'refunded'
    }
    if (input.paymentStatus != null && patch.paymentStatus === undefined)
      patch.paymentStatus = input.paymentStatus
    if (input.orderDate != null) patch.orderDate = date('orderDate', input.orderDate)!
    if (input.requestedDeliveryDate !== undefined)
      patch.requestedDeliveryDate = date('requestedDeliveryDate', input.requestedDeliveryDate)
    if (input.customerReferenceNumber !== undefined)
      patch.reference = optionalText('customerReferenceNumber', input.customerReferenceNumber, 100)
    if (input.notes !== undefined) patch.notes = optionalText('notes', input.notes, 5000)
    const order = await ctx.state.orders.update(before.id, (d) => Object.assign(d, patch))
    return { order }
  },
}

export const orderFields: Record<string, Record<string, R>> = {
  Order: {
    orderNumber: (row: OrderRow) => String(row.number),
    documentNumber: (row: OrderRow) => documentNumber(row),
    orderStatus: (row: OrderRow) => row.status,
    invoiceStatus: (row: OrderRow) => (row.status === 'closed' ? 'invoiced' : 'not_invoiced'),
    shippedPercentage: (row: OrderRow) => shippedPercentage(row),
    customerReferenceNumber: (row: OrderRow) => row.reference,
    customer: (row: OrderRow, _a, ctx) => ctx.state.companies.get(row.customerId) ?? null,
    shippingAddress: (row: OrderRow, _a, ctx) => ctx.state.locations.get(row.shippingAddressId),
    billingAddress: (row: OrderRow, _a, ctx) =>
      row.billingAddressId ? ctx.state.locations.get(row.billingAddressId) : null,
    items: (row: OrderRow, _a, ctx) =>
      row.lines.map((l) => ({
        id: l.id,
        quantity: l.quantity,
        fulfilledQuantity: l.fulfilled,
        item: ctx.state.items.get(l.itemId),
        cost: cost(l.costAmount, l.currency),
      })),
    totalOrderAmount: (row: OrderRow, _a, ctx) => {
      need(ctx, 'READ_ORDER_COST_INFO')
      let total = 0
      for (const l of row.lines) total += l.costAmount * l.quantity
      return cost(Math.round(total * 100) / 100, row.lines[0]!.currency)
    },
  },
}
