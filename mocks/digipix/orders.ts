import type { z } from 'zod'
import type {
  CreateOrderRequest,
  PatchOrderRequest,
  ShippingOption,
} from '../../contracts/digipix/schemas.ts'
import { isoTicks, SimError, type Tenant } from '../core/index.ts'
import { APPROVAL_WINDOW_MS, CANCELABLE, plan, transition } from './lifecycle.ts'
import { methodIdOf, money, resolveItems, shippingOptions, subtotalOf } from './pricing.ts'
import { redeemableQuote } from './quotes.ts'
import type { DigipixCredentials, DigipixState, OrderRecord } from './store.ts'

type DigipixTenant = Tenant<DigipixState, DigipixCredentials>
type CreateInput = z.output<typeof CreateOrderRequest>
type PatchInput = z.output<typeof PatchOrderRequest>

/** The order as Digipix answers it: `shipments[]` while QUOTE, then the chosen `shipment`, `shippingCost` and `total`. */
export function orderView(tenant: DigipixTenant, o: OrderRecord) {
  const shippingCost = o.shipment ? o.shipment.cost : undefined
  return {
    id: o.id,
    partnerId: tenant.state.partner.id,
    partnerName: tenant.state.partner.name,
    ...(o.partnerOrderID !== undefined ? { partnerOrderID: o.partnerOrderID } : {}),
    status: o.status,
    createdAt: isoTicks(o.createdAt),
    updatedAt: isoTicks(o.updatedAt),
    recipient: o.recipient,
    items: o.items,
    ...(o.status === 'QUOTE' ? { shipments: o.shipments } : {}),
    ...(o.shipment ? { shipment: o.shipment } : {}),
    subtotal: o.subtotal,
    ...(shippingCost !== undefined ? { shippingCost } : {}),
    total: money(o.subtotal + (shippingCost ?? 0)),
    ...(o.customData !== undefined ? { customData: o.customData } : {}),
    ...(o.statusNotificationUrl !== undefined
      ? { statusNotificationUrl: o.statusNotificationUrl }
      : {}),
  }
}

const bad = (field: string, message: string) =>
  new SimError(400, 'validation_error', message, { details: [{ field, message }] })

/** Check each item's parts against the product's parts [proposal]: known part ids, file counts within bounds, required parts present. */
function checkParts(tenant: DigipixTenant, items: CreateInput['items']) {
  const details: Array<{ field: string; message: string }> = []
  items.forEach((item, i) => {
    if (!item.parts) return
    const product = tenant.state.products.get(item.productId)
    if (!product) return
    const given = new Map(item.parts.map((p) => [p.partId, p]))
    item.parts.forEach((p, j) => {
      const spec = product.parts.find((x) => x.id === p.partId)
      if (!spec)
        details.push({
          field: `items.${i}.parts.${j}.partId`,
          message: `"${p.partId}" is not a part of ${product.id} (${product.parts.map((x) => x.id).join(', ')})`,
        })
      else if (p.files.length < spec.minFiles || p.files.length > spec.maxFiles)
        details.push({
          field: `items.${i}.parts.${j}.files`,
          message: `${spec.id} takes ${spec.minFiles}–${spec.maxFiles} files, got ${p.files.length}`,
        })
    })
    for (const spec of product.parts)
      if (spec.required && !given.has(spec.id))
        details.push({
          field: `items.${i}.parts`,
          message: `required part "${spec.id}" is missing`,
        })
  })
  if (details.length)
    throw new SimError(400, 'validation_error', 'Some items have invalid parts', { details })
}

/**
 * Create an order by one of the three documented flows:
 * 1. neither shipmentId nor shipmentMethodId → QUOTE with `shipments[]`;
 * 2. shipmentId from /v1/quote (optionally `status: "APPROVED"`) → APPROVED;
 * 3. shipmentMethodId (or shipmentMethod) 1/2/3 → APPROVED.
 * @see https://api.digipix.io/docs#tag/Orders
 */
export async function createOrder(tenant: DigipixTenant, input: CreateInput, environment: string) {
  const { state } = tenant
  const lines = resolveItems(state, input.items)
  checkParts(tenant, input.items)
  const methodId = methodIdOf(input)
  if (input.shipmentId && methodId !== undefined)
    throw bad('shipmentId', 'Send either shipmentId or shipmentMethodId/shipmentMethod, not both')
  const preApproved = input.shipmentId !== undefined || methodId !== undefined
  if (input.status !== undefined) {
    if (input.status.toUpperCase() !== 'APPROVED')
      throw bad('status', 'status may only be "APPROVED" (with a shipmentId or shipmentMethodId)')
    if (!preApproved)
      throw bad(
        'status',
        'status "APPROVED" needs a shipmentId from /v1/quote or a shipmentMethodId',
      )
  }
  const zip = input.recipient.address.zipCode
  const now = tenant.clock.now()

  return state.lock.run(async () => {
    let shipment: ShippingOption | undefined
    let shipments: ShippingOption[] = []
    if (input.shipmentId !== undefined) {
      shipment = { ...redeemableQuote(state, input.shipmentId, input.items, zip, now).option }
    } else {
      const options = shippingOptions(tenant.ids, zip, lines, state.partner.collect)
      if (methodId !== undefined) {
        const pick = options.find((o) => o.shipmentMethodId === methodId)
        if (!pick)
          throw new SimError(
            422,
            'shipment_method_unavailable',
            'Collect (shipmentMethodId 3) is only available for partners with a collect contract',
          )
        shipment = pick
      } else {
        shipments = options
      }
    }

    const order: OrderRecord = {
      id: tenant.ids.autoId(),
      environment,
      ...(input.partnerOrderID !== undefined ? { partnerOrderID: input.partnerOrderID } : {}),
      status: preApproved ? 'APPROVED' : 'QUOTE',
      createdAt: now,
      updatedAt: now,
      ...(preApproved ? { approvedAt: now } : {}),
      recipient: input.recipient as OrderRecord['recipient'],
      items: input.items.map((item, i) => ({
        productId: item.productId,
        name: lines[i]!.product.name,
        quantity: item.quantity,
        unitPrice: lines[i]!.product.price,
        totalPrice: money(lines[i]!.product.price * item.quantity),
        ...(item.parts ? { parts: item.parts } : {}),
        ...(item.pages !== undefined ? { pages: item.pages } : {}),
      })),
      shipments,
      ...(shipment ? { shipment } : {}),
      subtotal: subtotalOf(lines),
      ...(input.customData !== undefined ? { customData: input.customData } : {}),
      ...(input.statusNotificationUrl !== undefined
        ? { statusNotificationUrl: input.statusNotificationUrl }
        : {}),
      history: [{ status: preApproved ? 'APPROVED' : 'QUOTE', at: now }],
    }
    const stored = await state.orders.insert(order)
    if (input.shipmentId !== undefined)
      await state.quotes.update(input.shipmentId, (q) => void (q.usedBy = stored.id))
    plan(tenant, stored, now)
    return stored
  })
}

export function findOrder(tenant: DigipixTenant, id: string, environment: string): OrderRecord {
  const order = tenant.state.orders.get(id)
  if (!order || order.environment !== environment)
    throw new SimError(404, 'order_not_found', `Order "${id}" was not found`)
  return order
}

/**
 * PATCH an order: `approved` (with shipmentId of this order's shipments, or a
 * shipmentMethodId) or `canceled`. Case-insensitive, answered in upper case.
 * @see https://api.digipix.io/docs#tag/Orders/operation/patchOrder
 */
export async function patchOrder(
  tenant: DigipixTenant,
  id: string,
  input: PatchInput,
  environment: string,
) {
  const wanted = input.status.toLowerCase()
  if (wanted !== 'approved' && wanted !== 'canceled' && wanted !== 'cancelled')
    throw bad('status', 'status must be "approved" or "canceled"')
  const methodId = methodIdOf(input)
  return tenant.state.lock.run(async () => {
    const order = findOrder(tenant, id, environment)
    const now = tenant.clock.now()
    if (wanted === 'approved') {
      if (order.status === 'CANCELED') {
        if (order.cancelReason === 'expired')
          throw new SimError(
            422,
            'approval_window_expired',
            `Order ${id} was not approved within 7 days of its creation and has expired`,
          )
        throw new SimError(409, 'order_canceled', `Order ${id} is canceled and cannot be approved`)
      }
      if (order.status !== 'QUOTE')
        throw new SimError(409, 'order_already_approved', `Order ${id} is already ${order.status}`)
      if (now >= order.createdAt + APPROVAL_WINDOW_MS)
        throw new SimError(
          422,
          'approval_window_expired',
          `Order ${id} was not approved within 7 days of its creation and has expired`,
        )
      if (input.shipmentId === undefined && methodId === undefined)
        throw bad(
          'shipmentId',
          "To approve, send a shipmentId from this order's shipments or a shipmentMethodId",
        )
      if (input.shipmentId !== undefined && methodId !== undefined)
        throw bad('shipmentId', 'Send either shipmentId or shipmentMethodId, not both')
      let chosen: ShippingOption | undefined
      if (input.shipmentId !== undefined) {
        chosen = order.shipments.find((s) => s.id === input.shipmentId)
        if (!chosen)
          throw bad(
            'shipmentId',
            `"${input.shipmentId}" is not one of this order's shipments (${order.shipments.map((s) => s.id).join(', ')})`,
          )
      } else {
        chosen = order.shipments.find((s) => s.shipmentMethodId === methodId)
        if (!chosen)
          throw new SimError(
            422,
            'shipment_method_unavailable',
            'Collect (shipmentMethodId 3) is only available for partners with a collect contract',
          )
      }
      const pick = chosen
      await tenant.state.orders.update(id, (o) => {
        o.shipment = { ...pick }
        o.approvedAt = now
      })
      return transition(tenant, tenant.state.orders.get(id)!, 'APPROVED', now)
    }
    if (order.status === 'CANCELED')
      throw new SimError(409, 'order_already_canceled', `Order ${id} is already canceled`)
    if (!CANCELABLE.includes(order.status))
      throw new SimError(
        409,
        'order_in_production',
        `Order ${id} is ${order.status}; only orders not yet in production can be canceled`,
      )
    return transition(tenant, order, 'CANCELED', now, 'partner')
  })
}
