import { createHmac, timingSafeEqual } from 'node:crypto'

const b64url = (input: string | Buffer) => Buffer.from(input).toString('base64url')

/**
 * Sign an HS256 JWT. Key order in the header follows the vendors' samples
 * (`{"alg":"HS256","typ":"JWT"}`).
 * @see https://datatracker.ietf.org/doc/html/rfc7519
 */
export function signHs256(payload: Record<string, unknown>, secret: string): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const body = b64url(JSON.stringify(payload))
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')
  return `${head}.${body}.${sig}`
}

/** Verify an HS256 JWT's signature and return its payload, or `undefined` when it is not one of ours. */
export function verifyHs256(token: string, secret: string): Record<string, unknown> | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  const [head, body, sig] = parts as [string, string, string]
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest()
  let given: Buffer
  try {
    given = Buffer.from(sig, 'base64url')
  } catch {
    return undefined
  }
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
    return payload && typeof payload === 'object' ? payload : undefined
  } catch {
    return undefined
  }
}
