import { StatusCallback } from '../../../contracts/digipix/schemas.ts'
import { ContractViolationError } from '../../core/index.ts'

/**
 * Validate a status callback Digipix POSTed to your `statusNotificationUrl`.
 * Accepts the raw body text or parsed JSON; throws `ContractViolationError`
 * when it is not a Digipix callback. Digipix does not sign callbacks: confirm
 * the status with `orders.get(id)` before acting on it.
 * @example
 * app.post('/digipix/callback', async (c) => {
 *   const event = parseStatusCallback(await c.req.text())
 *   ...
 * })
 * @see https://api.digipix.io/docs#tag/Notifications
 */
export function parseStatusCallback(body: unknown): StatusCallback {
  let value = body
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body)
    } catch {
      throw new ContractViolationError({
        message: 'digipix: callback body is not JSON',
        status: 0,
        vendor: 'digipix',
        body,
        issues: [{ path: '(body)', message: 'not JSON' }],
      })
    }
  }
  const result = StatusCallback.safeParse(value)
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(body)',
      message: i.message,
    }))
    throw new ContractViolationError({
      message: `digipix: not a status callback: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      status: 0,
      vendor: 'digipix',
      body: value,
      issues,
    })
  }
  return result.data
}
