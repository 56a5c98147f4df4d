import type { SimContext } from '../context.ts'
import { SimError } from '../errors.ts'
import { readBody } from '../http.ts'

/**
 * Reading a GraphQL request over HTTP. This file stays free of graphql-js: a GraphQL vendor
 * authenticates and reads requests before anything needs the library (see `handler.ts`).
 * @see https://graphql.org/learn/serving-over-http/
 */
export interface GraphqlRequest {
  query: string
  variables: Record<string, unknown> | undefined
  operationName: string | undefined
}

/**
 * Read `{ query, variables, operationName }` from a POST JSON body (or the
 * query string of a GET). Anything else is a 400 SimError the vendor renders.
 */
export async function readGraphqlRequest(c: SimContext<any, any>): Promise<GraphqlRequest> {
  let raw: Record<string, unknown>
  if (c.req.method === 'GET') {
    const q = c.req.query()
    let variables: unknown
    try {
      variables = q.variables ? JSON.parse(q.variables) : undefined
    } catch {
      throw new SimError(400, 'bad_request', 'The "variables" query parameter is not valid JSON')
    }
    raw = { query: q.query, variables, operationName: q.operationName }
  } else {
    const body = await readBody(c)
    if (body.kind === 'empty')
      throw new SimError(
        400,
        'bad_request',
        'Send a JSON body: {"query": "...", "variables": {...}}',
      )
    if (!body.value || typeof body.value !== 'object' || Array.isArray(body.value))
      throw new SimError(
        400,
        'bad_request',
        'The body must be a JSON object with a "query" string (batched arrays are not supported)',
      )
    raw = body.value as Record<string, unknown>
  }
  if (typeof raw.query !== 'string' || raw.query.trim() === '')
    throw new SimError(400, 'bad_request', 'Must provide query string.')
  if (
    raw.variables !== undefined &&
    raw.variables !== null &&
    (typeof raw.variables !== 'object' || Array.isArray(raw.variables))
  )
    throw new SimError(400, 'bad_request', 'Variables are invalid JSON: send an object')
  if (
    raw.operationName !== undefined &&
    raw.operationName !== null &&
    typeof raw.operationName !== 'string'
  )
    throw new SimError(400, 'bad_request', '"operationName" must be a string')
  return {
    query: raw.query,
    variables: (raw.variables ?? undefined) as Record<string, unknown> | undefined,
    operationName: (raw.operationName ?? undefined) as string | undefined,
  }
}
