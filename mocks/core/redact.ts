/**
 * Secrets never leave the simulator in logs, journals or snapshots: any key
 * that names a secret is masked, at any depth, whatever its value's type.
 * `token_type` names no secret. `code` is an OAuth authorization code only in a
 * credential request or answer (`credentials`); elsewhere it is an error code, and shown.
 */
const SECRET_KEY = /secret|password|token|authorization|api[-_]?key|client_assertion/i
const NOT_SECRET = /^token_type$/i
const CODE = /^code$/i
const MAX_DEPTH = 12

export function redact(value: unknown, credentials = false, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value
  if (depth > MAX_DEPTH) return '[nested too deep]'
  if (Array.isArray(value)) return value.map((v) => redact(v, credentials, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    const secret = (SECRET_KEY.test(k) && !NOT_SECRET.test(k)) || (credentials && CODE.test(k))
    out[k] =
      secret && v !== null && v !== undefined && v !== ''
        ? '[redacted]'
        : redact(v, credentials, depth + 1)
  }
  return out
}

/**
 * Mask a form-encoded or JSON request body given as text. A body that cannot be parsed is
 * shown as text (cut at 2,000 characters) — except a credential request's, which is withheld:
 * an unparseable body may still carry a secret.
 */
export function redactText(
  text: string,
  contentType: string | undefined,
  credentials = false,
): unknown {
  if (!text) return undefined
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return redact(Object.fromEntries(new URLSearchParams(text)), credentials)
  }
  try {
    return redact(JSON.parse(text), credentials)
  } catch {
    if (credentials)
      return `[withheld: ${text.length} characters of a credential request that is not valid JSON]`
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text
  }
}
