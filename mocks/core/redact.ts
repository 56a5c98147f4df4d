/**
 * Secrets never leave the simulator in logs, journals or snapshots: any key
 * that names a secret is masked, at any depth, and bearer tokens in headers too.
 */
const SECRET_KEY = /secret|password|token|authorization|api[-_]?key|client_assertion|^code$/i

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 12 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      SECRET_KEY.test(k) && (typeof v === 'string' || typeof v === 'number')
        ? '[redacted]'
        : redact(v, depth + 1)
  }
  return out
}

/** Mask a form-encoded or JSON request body given as text. */
export function redactText(text: string, contentType: string | undefined): unknown {
  if (!text) return undefined
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return redact(Object.fromEntries(new URLSearchParams(text)))
  }
  try {
    return redact(JSON.parse(text))
  } catch {
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text
  }
}
