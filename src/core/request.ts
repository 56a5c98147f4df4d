import type { z } from 'zod'
import { networkErrorText } from '../../contracts/shared/network.ts'
import { systemClock, type ClientClock } from './clock.ts'
import { ConnectionError, ContractViolationError, errorClassFor, VendorError } from './errors.ts'

/**
 * The request core every client is built on: fetch injection, JSON in and
 * out, retries with exponential backoff and jitter on 429/5xx and connection
 * errors (honouring `Retry-After`), error mapping, and response parsing
 * against the contract schemas.
 */
/** The transport options every client takes (its factory passes them to the request core as they are). */
export interface ClientTransportOptions {
  fetch?: typeof fetch
  clock?: ClientClock
  /** Retries after the first attempt on 429, 5xx and connection errors (default 2). */
  maxRetries?: number
  /** First backoff in ms (doubled each retry, ±25 % jitter; default 250). */
  baseDelayMs?: number
  /** Longest `Retry-After` wait accepted (default 60 s). */
  maxRetryAfterMs?: number
  /** Parse responses with the contract schemas (default true). */
  validate?: boolean
  /** Jitter source (default Math.random; inject for deterministic tests). */
  random?: () => number
}

export interface RequestCoreOptions extends ClientTransportOptions {
  vendor: string
  baseUrl: string
  /** Extract the vendor's error code and message from an error body. */
  describeError?: (body: unknown) => { code?: string; message?: string }
  /** The vendor's request-id header, if any. */
  requestIdHeader?: string
  userAgent?: string
}

/** The request core of a client: its transport options, the vendor's name, base URL and error reading. */
export function createClientCore(
  o: ClientTransportOptions,
  vendor: Pick<
    RequestCoreOptions,
    'vendor' | 'baseUrl' | 'describeError' | 'requestIdHeader' | 'userAgent'
  >,
) {
  return createRequestCore({ ...o, clock: o.clock ?? systemClock, ...vendor })
}

export interface RequestInput<S extends z.ZodType | undefined> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  path: string
  query?: Record<string, string | number | boolean | undefined>
  json?: unknown
  form?: Record<string, string>
  headers?: Record<string, string>
  schema?: S
  /** Retry this request on 5xx/connection errors (default: only idempotent methods). */
  retry?: boolean
}

export type RequestCore = ReturnType<typeof createRequestCore>

/** Seconds from a Retry-After header (delta-seconds or an HTTP date). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000)
}

export function createRequestCore(options: RequestCoreOptions) {
  const doFetch =
    options.fetch ??
    ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))
  const clock = options.clock ?? systemClock
  const maxRetries = options.maxRetries ?? 2
  const baseDelay = options.baseDelayMs ?? 250
  const maxRetryAfter = options.maxRetryAfterMs ?? 60_000
  const random = options.random ?? Math.random
  const base = options.baseUrl.replace(/\/+$/, '')

  const urlOf = (path: string, query?: RequestInput<never>['query']) => {
    const url = new URL(base + path)
    for (const [k, v] of Object.entries(query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v))
    return url.toString()
  }

  async function send<S extends z.ZodType | undefined = undefined>(
    input: RequestInput<S>,
  ): Promise<{ data: S extends z.ZodType ? z.output<S> : unknown; response: Response }> {
    const retryable =
      input.retry ?? (input.method === 'GET' || input.method === 'PUT' || input.method === 'DELETE')
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(options.userAgent ? { 'user-agent': options.userAgent } : {}),
      ...input.headers,
    }
    let body: string | undefined
    if (input.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(input.json)
    } else if (input.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(input.form).toString()
    }
    const url = urlOf(input.path, input.query)

    for (let attempt = 0; ; attempt++) {
      let response: Response
      try {
        response = await doFetch(url, { method: input.method, headers, body })
      } catch (cause) {
        if (retryable && attempt < maxRetries) {
          await clock.sleep(backoff(attempt))
          continue
        }
        throw new ConnectionError({
          message: `${options.vendor}: ${input.method} ${input.path} failed: ${networkErrorText(cause)}`,
          status: 0,
          vendor: options.vendor,
          cause,
        })
      }
      const text = await response.text()
      let parsed: unknown
      let parseFailed = false
      if (text) {
        try {
          parsed = JSON.parse(text)
        } catch {
          parseFailed = true
          parsed = text
        }
      }
      const requestId = options.requestIdHeader
        ? (response.headers.get(options.requestIdHeader) ?? undefined)
        : undefined
      if (response.ok) {
        if (parseFailed)
          throw new ContractViolationError({
            message: `${options.vendor}: ${input.method} ${input.path} answered ${response.status} with a body that is not JSON`,
            status: response.status,
            vendor: options.vendor,
            body: text,
            requestId,
            issues: [{ path: '(body)', message: 'not JSON' }],
          })
        if (input.schema && options.validate !== false) {
          const result = input.schema.safeParse(parsed)
          if (!result.success) {
            const issues = result.error.issues.map((i) => ({
              path: i.path.map(String).join('.') || '(body)',
              message: i.message,
            }))
            throw new ContractViolationError({
              message: `${options.vendor}: ${input.method} ${input.path} answered a body that breaks the contract: ${issues
                .slice(0, 3)
                .map((i) => `${i.path}: ${i.message}`)
                .join('; ')}`,
              status: response.status,
              vendor: options.vendor,
              body: parsed,
              requestId,
              issues,
            })
          }
          return { data: result.data as never, response }
        }
        return { data: parsed as never, response }
      }
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), clock.now())
      const transient = response.status === 429 || response.status >= 500
      const mayRetry = transient && (response.status === 429 || retryable) && attempt < maxRetries
      if (mayRetry && (retryAfter === undefined || retryAfter * 1000 <= maxRetryAfter)) {
        await clock.sleep(retryAfter !== undefined ? retryAfter * 1000 : backoff(attempt))
        continue
      }
      const described = options.describeError?.(parsed) ?? {}
      const Cls = errorClassFor(response.status)
      throw new Cls({
        message: `${options.vendor}: ${input.method} ${input.path} → ${response.status}${described.code ? ` ${described.code}` : ''}${described.message ? `: ${described.message}` : ''}`,
        status: response.status,
        vendor: options.vendor,
        code: described.code,
        body: parsed,
        requestId,
        retryAfter,
      })
    }
  }

  function backoff(attempt: number) {
    const raw = baseDelay * 2 ** attempt
    return Math.round(raw * (0.75 + random() * 0.5))
  }

  return { send, url: urlOf, clock }
}

export { VendorError }
