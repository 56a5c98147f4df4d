/**
 * The one error class of the simulator side. Throw it anywhere in a vendor room;
 * the vendor's `renderError` turns it into the vendor's own envelope and status.
 *
 * `code` is the vendor's machine code (`invalid_token`, `30`, ...). `details`
 * carries field-level problems; `extra` carries vendor-specific top-level keys;
 * `headers` are added to the response (`Retry-After`, ...).
 *
 * @example
 * throw new SimError(404, 'not_found', 'Order abc was not found')
 */
export class SimError extends Error {
  readonly status: number
  readonly code: string
  readonly details: Array<{ field: string; message: string }>
  readonly headers: Record<string, string>
  readonly extra: Record<string, unknown>

  constructor(
    status: number,
    code: string,
    message: string,
    options: {
      details?: Array<{ field: string; message: string }>
      headers?: Record<string, string>
      extra?: Record<string, unknown>
    } = {},
  ) {
    super(message)
    this.name = 'SimError'
    this.status = status
    this.code = code
    this.details = options.details ?? []
    this.headers = options.headers ?? {}
    this.extra = options.extra ?? {}
  }
}

/** Turn zod issues into `{ field, message }` details (`items.0.productId`). */
export function issuesToDetails(
  issues: ReadonlyArray<{
    path: ReadonlyArray<PropertyKey>
    message: string
    code?: string
    keys?: string[]
  }>,
) {
  const out: Array<{ field: string; message: string }> = []
  for (const issue of issues) {
    const base = issue.path.map(String).join('.')
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys)
        out.push({ field: base ? `${base}.${key}` : key, message: 'unknown field' })
    } else {
      out.push({ field: base || '(body)', message: issue.message })
    }
  }
  return out
}
