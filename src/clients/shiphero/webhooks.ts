import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Check a ShipHero webhook: `x-shiphero-hmac-sha256` must be the base64
 * HMAC-SHA256 of the raw body with the webhook's `shared_signature_secret`.
 * @see https://developer.shiphero.com/webhooks (Request Verification)
 */
export function verifyShipHeroWebhook(rawBody: string, signature: string | undefined | null, secret: string): boolean {
  if (!signature) return false
  const expected = Buffer.from(createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64'))
  const given = Buffer.from(signature.trim())
  return expected.length === given.length && timingSafeEqual(expected, given)
}
