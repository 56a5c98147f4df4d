import { createHmac } from 'node:crypto'
import type { Subscription, Tenant } from '../core/index.ts'
import { toGlobalId } from './ids.ts'
import type { ShipHeroCredentials, ShipHeroState } from './store.ts'
import type { WebhookRow } from './rows.ts'

/**
 * Webhook registrations as rows, and event delivery (the GraphQL side is in
 * `webhook-resolvers.ts`): JSON POSTs signed with `x-shiphero-hmac-sha256` (base64
 * HMAC-SHA256 of the raw body with the webhook's shared secret), with an
 * `X-Shiphero-Message-ID` kept across retries.
 * @see https://developer.shiphero.com/webhooks
 */
export const WEBHOOK_TYPES = [
  'Inventory Update',
  'Inventory Change',
  'Shipment Update',
  'Automation Rules',
  'Order Canceled',
  'Capture Payment',
  'PO Update',
  'Return Update',
  'Tote Complete',
  'Tote Cleared',
  'Order Packed Out',
  'Package Added',
  'Print Barcode',
  'Order Allocated',
  'Order Deallocated',
  'Shipment ASN',
  'Generate Label',
] as const

/** The ones the simulator fires; the rest register but never fire (LIMITATIONS). */
export const FIRED_WEBHOOKS = [
  'Inventory Update',
  'Inventory Change',
  'Shipment Update',
  'Order Canceled',
  'Order Allocated',
  'Order Deallocated',
] as const

export const signBody = (secret: string, body: string) =>
  createHmac('sha256', secret).update(body, 'utf8').digest('base64')

type AnyTenant = Tenant<ShipHeroState, ShipHeroCredentials>

/** A registered webhook as ShipHero lists it; kept in the tenant's subscriptions (`data` holds ShipHero's fields). */
export type HookData = Omit<WebhookRow, 'id' | 'url' | 'enabled' | 'secret'>

/** The subscription as a `Webhook` row (legacy id, ShipHero's fields). */
export const rowOf = (s: Subscription<HookData>): WebhookRow => ({
  id: Number(s.id),
  url: s.url,
  enabled: s.enabled,
  secret: s.secret,
  ...s.data,
})

/** The webhooks of an account (oldest first). */
export const webhooksOf = (tenant: AnyTenant, accountId: number): WebhookRow[] =>
  tenant.subscriptions.list<HookData>((s) => s.data.account_id === accountId).map(rowOf)

/** Queue `payload` to every enabled webhook of `accountId` registered for `name` (and the order's shop, when scoped). */
export function emit(
  tenant: AnyTenant,
  accountId: number,
  name: (typeof FIRED_WEBHOOKS)[number],
  payload: Record<string, unknown>,
  shopName?: string | null,
) {
  tenant.subscriptions.emit(name, payload, {
    scope: { account_id: accountId, ...(shopName !== undefined ? { shop_name: shopName } : {}) },
    sign: (sub, body) => ({ 'x-shiphero-hmac-sha256': signBody(sub.secret, body) }),
  })
}

/** Common top-level keys of ShipHero webhook bodies. */
export const accountKeys = (accountId: number) => ({
  account_id: accountId,
  account_uuid: toGlobalId('Account', accountId),
})
