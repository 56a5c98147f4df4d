import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import { SimError, issuesToDetails } from './errors.ts'
import type { SimContext } from './context.ts'

/** Read the request body once (cached on the context for the journal and `identify`). */
export async function readText(c: SimContext<any, any>): Promise<string> {
  const cached = c.get('bodyText')
  if (cached !== undefined) return cached
  const text = c.req.method === 'GET' || c.req.method === 'HEAD' ? '' : await c.req.text()
  c.set('bodyText', text)
  return text
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
  const type = c.req.header('content-type') ?? ''
  if (options.form && type.includes('application/x-www-form-urlencoded')) {
    const params = new URLSearchParams(text)
    const value: Record<string, string | string[]> = {}
    for (const key of new Set(params.keys())) {
      const all = params.getAll(key)
      value[key] = all.length > 1 ? all : all[0]!
    }
    return { kind: 'form', value }
  }
  if (text.trim() === '') return { kind: 'empty', value: undefined }
  try {
    return { kind: 'json', value: JSON.parse(text) }
  } catch {
    throw new SimError(400, 'invalid_json', 'The request body is not valid JSON')
  }
}

/** Validate with a zod schema; failures become a 400 `validation_error` with field details. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  message = 'The request body is invalid',
): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  throw new SimError(400, 'validation_error', message, {
    details: issuesToDetails(result.error.issues as never),
  })
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
