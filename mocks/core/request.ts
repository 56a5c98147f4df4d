/**
 * Reading a request: its headers and its body text, bounded. Over HTTP both come straight from
 * Node's request (`@hono/node-server` passes `{ incoming, outgoing }` as the app's environment);
 * in-process and under MSW, from the WHATWG Request.
 */
import type { IncomingMessage } from 'node:http'
import { SimError } from './errors.ts'
import type { SimContext } from './context.ts'

/** Default request-body limit (bytes): 1 MiB. `--max-body` / `SimOptions.maxBodyBytes` change it. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

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
