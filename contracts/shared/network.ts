/**
 * What a failed `fetch` hides behind "fetch failed": the underlying cause (connection refused,
 * a port fetch refuses to use, DNS, TLS, a timeout), walked down `cause` chains and the several
 * attempts of an `AggregateError`.
 * @example
 * networkErrorText(err) // "TypeError: fetch failed (connect ECONNREFUSED 127.0.0.1:4198)"
 */
export function networkErrorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  const causes: string[] = []
  let cause: unknown = (err as { cause?: unknown }).cause
  for (let depth = 0; cause !== undefined && cause !== null && depth < 4; depth++) {
    if (cause instanceof AggregateError && cause.errors.length)
      causes.push(cause.errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; '))
    else if (cause instanceof Error) {
      const code = (cause as { code?: unknown }).code
      causes.push(
        typeof code === 'string' && !cause.message.includes(code)
          ? `${code}: ${cause.message}`
          : cause.message,
      )
    } else causes.push(String(cause))
    cause = cause instanceof Error ? (cause as { cause?: unknown }).cause : undefined
  }
  const head = `${err.name}: ${err.message}`
  return causes.length ? `${head} (${causes.join(' ← ')})` : head
}
