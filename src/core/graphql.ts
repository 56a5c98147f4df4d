import type { z } from 'zod'
import {
  AuthenticationError,
  ContractViolationError,
  InvalidRequestError,
  VendorError,
} from './errors.ts'
import type { RequestCore } from './request.ts'

/**
 * The GraphQL transport every GraphQL client is built on: POST `{ query, variables }`
 * through the request core, a fresh `Authorization` on each attempt (renewed once
 * on a 401), vendor-driven waits (ShipHero's credits), typed errors from the
 * `errors` array, and an async iterator over connections in either shape
 * (`edges { node }` or `nodes`).
 */
export interface GraphqlError {
  message: string
  path?: ReadonlyArray<string | number>
  extensions?: Record<string, unknown>
  [key: string]: unknown
}

export interface GraphqlBody<D = Record<string, any>> {
  data?: D | null
  errors?: GraphqlError[]
}

export interface GraphqlTransportOptions {
  core: RequestCore
  /** `/graphql` (ShipHero, Digit). */
  path: string
  /** Headers of each attempt (the bearer token). */
  authorize(): Promise<Record<string, string>>
  /** After a 401: drop cached credentials; the request is tried once more. */
  reauthorize?(): void | Promise<void>
  /** Milliseconds to wait before asking again, when the answer says so (ShipHero's `code: 30`); `undefined` to take it. */
  waitFor?(body: GraphqlBody, waits: number): number | undefined
  /** The vendor's typed error for an answer carrying `errors` (`status` 200, or 400 for refused requests). */
  toError(errors: GraphqlError[], body: unknown, status: number): VendorError
}

/** The pages of a connection in either shape, as the transport reads them. */
export interface AnyConnection<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  edges?: Array<{ node: T }>
  nodes?: T[]
}

export function createGraphqlTransport(o: GraphqlTransportOptions) {
  /** Send one request and return the whole body (data and errors). */
  async function raw<D = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlBody<D>> {
    let reauthorized = false
    for (let waits = 0; ; ) {
      let body: GraphqlBody<D>
      try {
        const res = await o.core.send({
          method: 'POST',
          path: o.path,
          json: { query, variables },
          headers: await o.authorize(),
          retry: !/^\s*mutation\b/.test(query),
        })
        body = res.data as GraphqlBody<D>
      } catch (err) {
        if (err instanceof AuthenticationError && !reauthorized && o.reauthorize) {
          reauthorized = true
          await o.reauthorize()
          continue
        }
        const refused =
          err instanceof InvalidRequestError
            ? (err.body as GraphqlBody | undefined)?.errors
            : undefined
        if (refused?.length)
          throw o.toError(refused, err instanceof VendorError ? err.body : undefined, 400)
        throw err
      }
      const wait = o.waitFor?.(body as GraphqlBody, waits)
      if (wait !== undefined) {
        waits++
        await o.core.clock.sleep(wait)
        continue
      }
      return body
    }
  }

  /** Run an operation and return `data`; any `errors` throw the vendor's typed error. */
  async function query<D = Record<string, any>>(
    text: string,
    variables?: Record<string, unknown>,
  ): Promise<D> {
    const body = await raw<D>(text, variables)
    if (body.errors?.length) throw o.toError(body.errors, body, 200)
    return body.data as D
  }

  /**
   * Every node of a connection, page after page. `select` picks the connection out of `data`;
   * `page(first, after)` gives the paging variables (default `{ first, after }`; Digit: `{ connection: { first, after } }`).
   */
  async function* paginate<T = any>(
    text: string,
    select: (data: Record<string, any>) => AnyConnection<T>,
    o2: {
      variables?: Record<string, unknown>
      pageSize?: number
      page?: (first: number, after: string | null) => Record<string, unknown>
    } = {},
  ): AsyncGenerator<T> {
    const page = o2.page ?? ((first, after) => ({ first, after }))
    let after: string | null = null
    for (;;) {
      const conn = select(
        await query(text, { ...o2.variables, ...page(o2.pageSize ?? 100, after) }),
      )
      for (const node of conn.nodes ?? conn.edges?.map((e) => e.node) ?? []) yield node
      if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor) return
      after = conn.pageInfo.endCursor
    }
  }

  return { raw, query, paginate }
}
export type GraphqlTransport = ReturnType<typeof createGraphqlTransport>

/** Parse a value with a contract schema; a mismatch is a `ContractViolationError` naming where. */
export function checkContract<S extends z.ZodType>(
  vendor: string,
  schema: S,
  value: unknown,
  where: string,
  enabled = true,
): z.output<S> {
  if (!enabled) return value as z.output<S>
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issues = result.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(body)',
    message: i.message,
  }))
  throw new ContractViolationError({
    message: `${vendor}: ${where} broke the contract: ${issues
      .slice(0, 3)
      .map((i) => `${i.path}: ${i.message}`)
      .join('; ')}`,
    status: 200,
    vendor,
    body: value,
    issues,
  })
}
