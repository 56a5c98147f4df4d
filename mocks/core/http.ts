import type { z } from 'zod'
import { SimError, issuesToDetails } from './errors.ts'
import type { SimContext } from './context.ts'
import { readText, requestHeader } from './request.ts'

/** JSON nested deeper than this is refused before anything reads it. */
export const MAX_JSON_DEPTH = 64

/** How deep a parsed JSON value nests (iterative: any depth is safe to measure). */
export function jsonDepth(value: unknown, stopAt = Number.POSITIVE_INFINITY): number {
  let max = 0
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length) {
    const [v, d] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (d + 1 > max) max = d + 1
    if (max > stopAt) return max
    for (const child of Array.isArray(v) ? v : Object.values(v))
      if (child !== null && typeof child === 'object') stack.push([child, d + 1])
  }
  return max
}

export type ParsedBody = { kind: 'json' | 'form' | 'empty'; value: unknown }

/**
 * Parse a JSON (or, when allowed, form-encoded) body. Malformed JSON is a 400
 * `invalid_json` SimError, rendered in the vendor's envelope.
 */
export async function readBody(
  c: SimContext<any, any>,
  options: { form?: boolean } = {},
): Promise<ParsedBody> {
  const text = await readText(c)
  const type = requestHeader(c, 'content-type') ?? ''
  if (options.form && type.includes('application/x-www-form-urlencoded')) {
    const params = new URLSearchParams(text)
    // No prototype: a field named `__proto__` or `constructor` is just a field.
    const value: Record<string, string | string[]> = Object.create(null)
    for (const key of new Set(params.keys())) {
      const all = params.getAll(key)
      value[key] = all.length > 1 ? all : all[0]!
    }
    return { kind: 'form', value }
  }
  if (text.trim() === '') return { kind: 'empty', value: undefined }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new SimError(400, 'invalid_json', 'The request body is not valid JSON')
  }
  if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
    throw new SimError(
      400,
      'invalid_json',
      `The request body nests deeper than ${MAX_JSON_DEPTH} levels`,
    )
  return { kind: 'json', value }
}

/**
 * Read a JSON body for a vendor that words its own "not JSON" error: `invalid` gets the
 * reason (with a full stop) and returns the vendor's error; a body over the limit stays a 413.
 */
export async function readJsonBody(
  c: SimContext<any, any>,
  invalid: (reason: string) => SimError,
  options: { form?: boolean } = {},
): Promise<ParsedBody> {
  try {
    return await readBody(c, options)
  } catch (err) {
    if (err instanceof SimError && err.code === 'invalid_json') throw invalid(`${err.message}.`)
    throw err
  }
}

/**
 * Validate with a zod schema; failures become a 400 `validation_error` with field details, or the
 * vendor's own status, code and message (Rails vendors answer 422 naming the first field).
 */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  refusal:
    | string
    | {
        status?: number
        code?: string
        message?: (details: Array<{ field: string; message: string }>) => string
      } = 'The request body is invalid',
): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const details = issuesToDetails(result.error.issues as never)
  const o = typeof refusal === 'string' ? { message: () => refusal } : refusal
  throw new SimError(
    o.status ?? 400,
    o.code ?? 'validation_error',
    o.message?.(details) ?? 'The request body is invalid',
    { details },
  )
}

/**
 * Answers longer than this (in UTF-16 units) are sent and kept as bytes; shorter ones as text,
 * which Node writes with the headers in one piece. At 2 KiB, Stitchex's page of SKUs (~2.1 KB)
 * went as bytes and cost ~5 % more server CPU per request than as text; ShipHero's and Digit's
 * pages (3-5 KB) cost the same either way.
 */
const KEEP_AS_BYTES = 4096

/**
 * Send JSON (as `c.json` does) and keep what went out for the journal, which holds the last 500
 * answers. Kept as objects or long strings, they would live in the young generation and every
 * scavenge would copy them again (11–20 % of a ShipHero run's time under load); a long answer is
 * kept as the bytes the socket writes, outside the JS heap. A short one stays text: an off-heap
 * buffer per answer costs more than copying a few hundred characters.
 *
 * The answer carries `headers`, then the request's `responseHeaders` where `headers` names none of
 * the same, in one plain record (names in lower case, as a `Headers` object sends them): the HTTP
 * adapter writes a record as it is, where `c.body` builds a `Headers` for two headers or more and
 * the adapter reads it back. Headers set through `c.header()` are not merged: the core and the
 * vendors use `responseHeaders` (the architecture test holds them to it).
 */
export function send(
  c: SimContext<any, any>,
  body: unknown,
  status: number = 200,
  headers?: Record<string, string>,
): Response {
  // (`undefined` has no JSON: an empty body, as `c.json` sends.)
  const text = JSON.stringify(body) ?? ''
  // Buffer.from costs half of TextEncoder.encode, which allocates its result the slow way.
  const out = text.length > KEEP_AS_BYTES ? Buffer.from(text, 'utf8') : text
  c.set('responseSent', out)
  return new Response(out, { status, headers: answerHeaders(c, 'application/json', headers) })
}

/**
 * Send a text answer (a vendor's page that is not JSON) as `send` sends JSON: kept for the
 * journal, with the guards' headers; `headers` may name its own content type.
 */
export function sendText(
  c: SimContext<any, any>,
  text: string,
  status: number = 200,
  headers?: Record<string, string>,
): Response {
  c.set('responseSent', text)
  return new Response(text, {
    status,
    headers: answerHeaders(c, 'text/plain; charset=UTF-8', headers),
  })
}

/** An answer's headers: its content type, the request's `responseHeaders`, then `headers` (which win). */
function answerHeaders(
  c: SimContext<any, any>,
  contentType: string,
  headers: Record<string, string> | undefined,
): Record<string, string> {
  const all: Record<string, string> = { 'content-type': contentType }
  const extra = c.get('responseHeaders')
  if (extra) {
    for (const k in extra) all[k.toLowerCase()] = extra[k]!
    // Carried now: the envelope need not add them to the answer afterwards.
    c.set('responseHeaders', undefined)
  }
  if (headers) for (const k in headers) all[k.toLowerCase()] = headers[k]!
  return all
}

/**
 * The authority (`host[:port]`) of a request URL, by string work (cheaper than `new URL` on every request).
 * Vendors use it to tell their production host from their sandbox host.
 */
export function authorityOf(url: string): string {
  const start = url.indexOf('://') + 3
  let end = url.indexOf('/', start)
  if (end === -1) end = url.length
  const q = url.indexOf('?', start)
  if (q !== -1 && q < end) end = q
  return url.slice(start, end)
}

/** Parse a control route's JSON body with a zod schema; failures are a 400 in the control envelope. */
export const parseControlBody = async <S extends z.ZodType>(
  c: SimContext<any, any>,
  schema: S,
): Promise<z.output<S>> => {
  const body = await readBody(c)
  const result = schema.safeParse(body.value ?? {})
  if (!result.success)
    throw new SimError(400, 'validation_error', 'Invalid control request', {
      details: issuesToDetails(result.error.issues as never),
    })
  return result.data
}
