import type { GraphQLResolveInfo } from 'graphql'
import { scopeAccount, type ShipHeroCtx } from './context.ts'
import { isoDateTime } from './dates.ts'
import { invalid, notFound } from './errors.ts'
import { page } from './lists.ts'
import type { WebhookRow } from './rows.ts'
import { nextId } from './store.ts'
import { rowOf, WEBHOOK_TYPES, webhooksOf, type HookData } from './webhooks.ts'

/**
 * `webhooks`, `webhook_create` and `webhook_delete`: an account's registrations, in ShipHero's
 * rules (one per event name and shop; the shared secret shown once, on creation).
 * @see https://developer.shiphero.com/webhooks
 */
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
