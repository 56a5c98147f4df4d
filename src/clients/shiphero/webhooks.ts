import { createHmac, timingSafeEqual } from 'node:crypto'
import { connection, Webhook } from '../../../contracts/shiphero/schemas.ts'
import { PAGE_INFO, WEBHOOK } from './operations.ts'
import type { ShipHeroGraphql } from './transport.ts'

/**
 * Check a ShipHero webhook: `x-shiphero-hmac-sha256` must be the base64
 * HMAC-SHA256 of the raw body with the webhook's `shared_signature_secret`.
 * @see https://developer.shiphero.com/webhooks (Request Verification)
 */
export function verifyShipHeroWebhook(
  rawBody: string,
  signature: string | undefined | null,
  secret: string,
): boolean {
  if (!signature) return false
  const expected = Buffer.from(
    createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64'),
  )
  const given = Buffer.from(signature.trim())
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** Webhook registrations. @see https://developer.shiphero.com/webhooks */
export function createWebhooks(gql: ShipHeroGraphql) {
  return {
    list: async (o: { customer_account_id?: string } = {}) => {
      const d = await gql.query(
        `query ($c: String) { webhooks(customer_account_id: $c) { request_id complexity data(first: 100) { ${PAGE_INFO} edges { node { ${WEBHOOK} } } } } }`,
        { c: o.customer_account_id },
      )
      return gql.check(connection(Webhook), d.webhooks.data, 'webhooks').edges.map((e) => e.node)
    },
    /** The answer carries `shared_signature_secret`, shown this once. */
    create: (data: {
      name: string
      url: string
      shop_name?: string
      customer_account_id?: string
    }) =>
      gql.mutate(
        'webhook_create',
        'CreateWebhookInput',
        data,
        `webhook { ${WEBHOOK} }`,
        'webhook',
        Webhook,
      ),
    delete: async (data: { name: string; shop_name?: string; customer_account_id?: string }) =>
      void (await gql.query(
        'mutation ($data: DeleteWebhookInput!) { webhook_delete(data: $data) { request_id complexity } }',
        { data },
      )),
  }
}
