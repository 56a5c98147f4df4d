import type { IncomingMessage } from 'node:http'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import { SimError, issuesToDetails } from './errors.ts'
import type { SimContext } from './context.ts'

/** Default request-body limit (bytes): 1 MiB. `--max-body` / `SimOptions.maxBodyBytes` change it. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024
/** JSON nested deeper than this is refused before anything reads it. */
export const MAX_JSON_DEPTH = 64

const tooLarge = (limit: number) =>
  new SimError(413, 'payload_too_large', `The request body is larger than ${limit} bytes`)

/**
 * The Node request behind `c`, when it came over HTTP through `@hono/node-server` (which passes
 * `{ incoming, outgoing }` as the app's environment); `undefined` in-process and under MSW.
 */
const nodeIncoming = (c: SimContext<any, any>): IncomingMessage | undefined =>
  (c.env as { incoming?: IncomingMessage } | undefined)?.incoming

/**
 * A request header, by its lower-case name. Over HTTP it is read from Node's parsed headers:
 * `c.req.header()` would first build a WHATWG `Headers` of every header, on every request.
 */
export function requestHeader(c: SimContext<any, any>, name: string): string | undefined {
  const incoming = nodeIncoming(c)
  if (!incoming) return c.req.header(name)
  const value = incoming.headers[name]
  return value === undefined || typeof value === 'string' ? value : value.join(', ')
}

/**
 * Whether a request carries a body. Over HTTP its headers say so (a request without
 * Content-Length or Transfer-Encoding has none, even a DELETE that reaches Hono with an empty
 * stream); in-process, a body comes with its content type.
 */
export function hasRequestBody(c: SimContext<any, any>): boolean {
  const length = requestHeader(c, 'content-length')
  if (length !== undefined) return length !== '0'
  if (requestHeader(c, 'transfer-encoding') !== undefined) return true
  return (
    !nodeIncoming(c) && c.req.raw.body !== null && requestHeader(c, 'content-type') !== undefined
  )
}

/**
 * Read the request body once (cached on the context for the journal and tenant lookup),
 * counting bytes as they stream in: a body past the limit is refused with 413 without
 * being held in memory, and a declared `Content-Length` past it is refused before reading.
 */
export async function readText(c: SimContext<any, any>): Promise<string> {
  const cached = c.get('bodyText')
  if (cached !== undefined) return cached
  if (c.req.method === 'GET' || c.req.method === 'HEAD') {
    c.set('bodyText', '')
    return ''
  }
  const limit = c.get('maxBodyBytes') ?? DEFAULT_MAX_BODY_BYTES
  // A body refused once (the tenant lookup reads first) is refused again, not read twice.
  if (c.get('bodyTooLarge')) throw tooLarge(limit)
  const declared = Number(requestHeader(c, 'content-length'))
  if (Number.isFinite(declared) && declared > limit) {
    c.set('bodyTooLarge', true)
    throw tooLarge(limit)
  }
  const incoming = nodeIncoming(c)
  const text = incoming
    ? await readIncoming(incoming, limit)
    : await readStream(c.req.raw.body, limit)
  if (text === undefined) {
    c.set('bodyTooLarge', true)
    throw tooLarge(limit)
  }
  c.set('bodyText', text)
  return text
}

/** A WHATWG body stream as text; `undefined` once it passes `limit` bytes (the rest is not read). */
async function readStream(stream: ReadableStream<Uint8Array> | null, limit: number) {
  if (!stream) return ''
  const reader = stream.getReader()
  const decoder = new TextDecoder()
  let total = 0
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      await reader.cancel().catch(() => undefined)
      return undefined
    }
    text += decoder.decode(value, { stream: true })
  }
  return text + decoder.decode()
}

/**
 * A Node request body as text, straight from the socket's chunks (no web-stream adapter: that
 * costs more than the rest of a small POST). `undefined` once it passes `limit` bytes: reading
 * stops, and the server drains or closes what remains after the answer.
 */
function readIncoming(incoming: IncomingMessage, limit: number): Promise<string | undefined> {
  if (incoming.readableEnded) return Promise.resolve('')
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    const done = () => {
      incoming.off('data', onData)
      incoming.off('end', onEnd)
      incoming.off('error', onError)
      incoming.off('close', onError)
    }
    const onData = (chunk: Buffer) => {
      total += chunk.length
      if (total > limit) {
        done()
        incoming.pause()
        resolve(undefined)
      } else chunks.push(chunk)
    }
    const onEnd = () => {
      done()
      const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8')
      // As TextDecoder does: a leading byte-order mark is not part of the text.
      resolve(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    }
    const onError = (err?: Error) => {
      done()
      reject(
        new SimError(
          400,
          'invalid_request',
          `The request body could not be read: ${err?.message ?? 'the connection closed'}`,
        ),
      )
    }
    incoming.on('data', onData)
    incoming.on('end', onEnd)
    incoming.on('error', onError)
    incoming.on('close', onError)
  })
}

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

/** Send JSON and keep the body for the journal. */
export function send(
  c: SimContext<any, any>,
  body: unknown,
  status: number = 200,
  headers?: Record<string, string>,
): Response {
  c.set('responseBody', body)
  return c.json(body as never, status as ContentfulStatusCode, headers)
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
