import { createHmac } from 'node:crypto'
import type { GraphQLResolveInfo } from 'graphql'
import type { Subscription, Tenant } from '../core/index.ts'
import { scopeAccount, type ShipHeroCtx } from './context.ts'
import { page } from './lists.ts'
import { invalid, notFound } from './errors.ts'
import { toGlobalId } from './ids.ts'
import { isoDateTime } from './scalars.ts'
import { nextId, type ShipHeroCredentials, type ShipHeroState } from './store.ts'
import type { WebhookRow } from './rows.ts'

/**
 * Webhook registrations (`webhook_create` / `webhook_delete` / `webhooks`) and
 * event delivery: JSON POSTs signed with `x-shiphero-hmac-sha256` (base64
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
type HookData = Omit<WebhookRow, 'id' | 'url' | 'enabled' | 'secret'>

/** The subscription as a `Webhook` row (legacy id, ShipHero's fields). */
const rowOf = (s: Subscription<HookData>): WebhookRow => ({
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

export const webhookQueries = {
  webhooks(_: unknown, args: { customer_account_id?: string | null }, ctx: ShipHeroCtx) {
    const account = scopeAccount(ctx, args.customer_account_id)
    return {
      data: (a: Record<string, unknown>, c: ShipHeroCtx, info: GraphQLResolveInfo) =>
        page(c, info, webhooksOf(ctx.tenant, account.id), a),
    }
  },
}

export const webhookMutations = {
  async webhook_create(
    _: unknown,
    {
      data,
    }: {
      data: {
        customer_account_id?: string | null
        name: string
        url: string
        enabled?: boolean | null
        shop_name?: string | null
      }
    },
    ctx: ShipHeroCtx,
  ) {
    const account = scopeAccount(ctx, data.customer_account_id)
    const name = data.name.trim()
    if (!(WEBHOOK_TYPES as readonly string[]).includes(name))
      throw invalid(`Invalid webhook name "${data.name}". Valid names: ${WEBHOOK_TYPES.join(', ')}`)
    let url: URL
    try {
      url = new URL(data.url)
    } catch {
      throw invalid(`Invalid url "${data.url}"`)
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw invalid('The webhook url must be http(s)')
    const shop = data.shop_name?.trim() || null
    if (webhooksOf(ctx.tenant, account.id).some((w) => w.name === name && w.shop_name === shop)) {
      throw invalid(
        `A "${name}" webhook already exists${shop ? ` for shop ${shop}` : ''}; delete it first or use webhook_update_url`,
      )
    }
    const now = isoDateTime(ctx.now)
    const sub = ctx.tenant.subscriptions.add<HookData>({
      id: String(nextId(ctx.state, 'webhook')),
      url: url.toString(),
      events: [name],
      scope: { account_id: account.id, shop_name: shop },
      secret: ctx.tenant.rng.string(32, '0123456789abcdefghijklmnopqrstuvwxyz'),
      enabled: data.enabled ?? true,
      data: {
        account_id: account.id,
        name,
        shop_name: shop,
        source: 'api',
        health: 'HEALTHY',
        created_at: now,
        updated_at: now,
        last_enabled_change: now,
      },
    })
    const webhook = rowOf(sub)
    ctx.revealSecrets.add(webhook.id)
    return { webhook }
  },

  async webhook_delete(
    _: unknown,
    {
      data,
    }: { data: { customer_account_id?: string | null; name: string; shop_name?: string | null } },
    ctx: ShipHeroCtx,
  ) {
    const account = scopeAccount(ctx, data.customer_account_id)
    const shop = data.shop_name?.trim() || null
    const hook = webhooksOf(ctx.tenant, account.id).find(
      (w) => w.name === data.name.trim() && w.shop_name === shop,
    )
    if (!hook) throw notFound('Webhook')
    ctx.tenant.subscriptions.remove(String(hook.id))
    return {}
  },
}

export const webhookFields = {
  Webhook: {
    shared_signature_secret: (hook: WebhookRow, _: unknown, ctx: ShipHeroCtx) =>
      ctx.revealSecrets.has(hook.id) ? hook.secret : null,
  },
}
