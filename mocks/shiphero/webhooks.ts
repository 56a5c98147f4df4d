import { createHmac } from 'node:crypto'
import type { GraphQLResolveInfo } from 'graphql'
import type { Tenant } from '../core/index.ts'
import { page, scopeAccount, type ShipHeroCtx } from './context.ts'
import { invalid, notFound } from './errors.ts'
import { toGlobalId } from './ids.ts'
import { isoDateTime } from './scalars.ts'
import { nextId, type ShipHeroCredentials, type ShipHeroState, type WebhookRow } from './store.ts'

/**
 * Webhook registrations (`webhook_create` / `webhook_delete` / `webhooks`) and
 * event delivery: JSON POSTs signed with `x-shiphero-hmac-sha256` (base64
 * HMAC-SHA256 of the raw body with the webhook's shared secret), with an
 * `X-Shiphero-Message-ID` kept across retries.
 * @see https://developer.shiphero.com/webhooks
 */
export const WEBHOOK_TYPES = [
  'Inventory Update', 'Inventory Change', 'Shipment Update', 'Automation Rules', 'Order Canceled', 'Capture Payment', 'PO Update', 'Return Update',
  'Tote Complete', 'Tote Cleared', 'Order Packed Out', 'Package Added', 'Print Barcode', 'Order Allocated', 'Order Deallocated', 'Shipment ASN', 'Generate Label',
] as const

/** The ones the simulator fires; the rest register but never fire (LIMITATIONS). */
export const FIRED_WEBHOOKS = ['Inventory Update', 'Inventory Change', 'Shipment Update', 'Order Canceled', 'Order Allocated', 'Order Deallocated'] as const

export const signBody = (secret: string, body: string) => createHmac('sha256', secret).update(body, 'utf8').digest('base64')

type AnyTenant = Tenant<ShipHeroState, ShipHeroCredentials>

/** Queue `payload` to every enabled webhook of `accountId` registered for `name` (and the order's shop, when scoped). */
export function emit(tenant: AnyTenant, accountId: number, name: (typeof FIRED_WEBHOOKS)[number], payload: Record<string, unknown>, shopName?: string | null) {
  for (const hook of tenant.state.webhooks.all()) {
    if (hook.account_id !== accountId || hook.name !== name || !hook.enabled) continue
    if (hook.shop_name && shopName !== undefined && hook.shop_name !== shopName) continue
    const body = JSON.stringify(payload)
    tenant.outbox.enqueue({ url: hook.url, event: name, payload, headers: { 'x-shiphero-hmac-sha256': signBody(hook.secret, body) } })
  }
}

/** Common top-level keys of ShipHero webhook bodies. */
export const accountKeys = (accountId: number) => ({ account_id: accountId, account_uuid: toGlobalId('Account', accountId) })

export const webhookQueries = {
  webhooks(_: unknown, args: { customer_account_id?: string | null }, ctx: ShipHeroCtx) {
    const account = scopeAccount(ctx, args.customer_account_id)
    return {
      data: (a: Record<string, unknown>, c: ShipHeroCtx, info: GraphQLResolveInfo) => page(c, info, ctx.state.webhooks.filter((w) => w.account_id === account.id), a),
    }
  },
}

export const webhookMutations = {
  async webhook_create(_: unknown, { data }: { data: { customer_account_id?: string | null; name: string; url: string; enabled?: boolean | null; shop_name?: string | null } }, ctx: ShipHeroCtx) {
    const account = scopeAccount(ctx, data.customer_account_id)
    const name = data.name.trim()
    if (!(WEBHOOK_TYPES as readonly string[]).includes(name)) throw invalid(`Invalid webhook name "${data.name}". Valid names: ${WEBHOOK_TYPES.join(', ')}`)
    let url: URL
    try {
      url = new URL(data.url)
    } catch {
      throw invalid(`Invalid url "${data.url}"`)
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('The webhook url must be http(s)')
    const shop = data.shop_name?.trim() || null
    if (ctx.state.webhooks.find((w) => w.account_id === account.id && w.name === name && w.shop_name === shop)) {
      throw invalid(`A "${name}" webhook already exists${shop ? ` for shop ${shop}` : ''}; delete it first or use webhook_update_url`)
    }
    const now = isoDateTime(ctx.now)
    const row: WebhookRow = {
      id: nextId(ctx.state, 'webhook'),
      account_id: account.id,
      name,
      url: url.toString(),
      shop_name: shop,
      source: 'api',
      enabled: data.enabled ?? true,
      health: 'HEALTHY',
      secret: ctx.tenant.rng.string(32, '0123456789abcdefghijklmnopqrstuvwxyz'),
      created_at: now,
      updated_at: now,
      last_enabled_change: now,
    }
    const webhook = await ctx.state.webhooks.insert(row)
    ctx.revealSecrets.add(webhook.id)
    return { webhook }
  },

  async webhook_delete(_: unknown, { data }: { data: { customer_account_id?: string | null; name: string; shop_name?: string | null } }, ctx: ShipHeroCtx) {
    const account = scopeAccount(ctx, data.customer_account_id)
    const shop = data.shop_name?.trim() || null
    const hook = ctx.state.webhooks.find((w) => w.account_id === account.id && w.name === data.name.trim() && w.shop_name === shop)
    if (!hook) throw notFound('Webhook')
    ctx.state.webhooks.remove(hook.id)
    return {}
  },
}

export const webhookFields = {
  Webhook: {
    shared_signature_secret: (hook: WebhookRow, _: unknown, ctx: ShipHeroCtx) => (ctx.revealSecrets.has(hook.id) ? hook.secret : null),
  },
}
