import type { z } from 'zod'
import { pageOf, readBody, SimError, validate, type SimContext } from '../core/index.ts'
import { firstIndex } from '../core/sort.ts'
import { badRequest } from './errors.ts'
import type { StitchexCredentials, StitchexState } from './store.ts'

type Ctx = SimContext<StitchexState, StitchexCredentials>

/** Rows per page: "at most 100" on every list. */
export const PER_PAGE = 100

/** A positive integer from a query parameter or path segment; `undefined` when absent. */
export function intParam(c: Ctx, name: string, value = c.req.query(name)): number | undefined {
  if (value === undefined || value === '') return undefined
  if (!/^\d{1,12}$/.test(value) || Number(value) < 1)
    throw badRequest(
      `${name} must be a positive integer (got ${JSON.stringify(value.slice(0, 40))})`,
    )
  return Number(value)
}

/** The `:id` of a route. */
export const idParam = (c: Ctx) => intParam(c, 'id', c.req.param('id'))!

/**
 * One page of a list in Stitchex's envelope: `{ "<key>": [...], "meta": { current_page,
 * next_page, prev_page, total_pages, total_count } }`, 100 per page, ascending ids. `since_id`
 * (strictly greater) and `since_created_at` (ISO 8601, at or after) apply to every list; `filter`
 * narrows further (each endpoint's own parameters).
 * @see https://help.uphance.com/en/articles/2532044-uphance-api-for-developers
 */
export function listPage<T extends { id: number; created_at: number }, V>(
  c: Ctx,
  key: string,
  rows: readonly T[],
  view: (row: T) => V,
  filter?: (row: T) => boolean,
) {
  const page = intParam(c, 'page') ?? 1
  const sinceId = intParam(c, 'since_id')
  const sinceText = c.req.query('since_created_at')
  let since: number | undefined
  if (sinceText !== undefined && sinceText !== '') {
    since = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$/.test(sinceText)
      ? Date.parse(sinceText.replace(' ', 'T'))
      : Number.NaN
    if (Number.isNaN(since))
      throw badRequest(
        `since_created_at must be an ISO 8601 date or time (got ${JSON.stringify(sinceText.slice(0, 40))})`,
      )
  }
  // Rows are in id order: those past `since_id` start at a binary search, and are not copied.
  const from = sinceId !== undefined ? firstIndex(rows, (r) => r.id > sinceId) : 0
  const narrowed = since !== undefined || filter
  const selected = !narrowed
    ? rows
    : rows.filter(
        (r, i) =>
          i >= from && (since === undefined || r.created_at >= since) && (!filter || filter(r)),
      )
  const p = pageOf(selected, { page, perPage: PER_PAGE, from: narrowed ? 0 : from })
  return {
    [key]: p.items.map(view),
    meta: {
      current_page: p.page,
      next_page: p.nextPage,
      prev_page: p.prevPage,
      total_pages: p.totalPages,
      total_count: p.totalCount,
    },
  }
}

/**
 * A Rails-wrapped JSON body: `{ "<resource>": {...} }`, or the bare object. Anything else is a 400
 * naming what to send.
 */
export async function wrapped(c: Ctx, resource: string): Promise<Record<string, unknown>> {
  const body = await readBody(c)
  const value = body.value
  if (body.kind === 'empty' || !value || typeof value !== 'object' || Array.isArray(value))
    throw badRequest(`Send a JSON object: {"${resource}": {...}}`)
  const inner = (value as Record<string, unknown>)[resource]
  if (inner === undefined) return value as Record<string, unknown>
  if (!inner || typeof inner !== 'object' || Array.isArray(inner))
    throw badRequest(`"${resource}" must be a JSON object`)
  return inner as Record<string, unknown>
}

/** A row of the current organisation, or 404 (another organisation's rows do not exist here). */
export function ownRow<T extends { organisation_id: number }>(
  row: T | undefined,
  organisationId: number,
  what: string,
): T {
  if (!row || row.organisation_id !== organisationId)
    throw new SimError(404, 'not_found', `${what} not found`)
  return row
}

/** A write's input checked whole: Rails' 422 naming the first field, every problem in `errors`. */
export const parseInput = <S extends z.ZodType>(schema: S, raw: unknown): z.output<S> =>
  validate(schema, raw, {
    status: 422,
    code: 'unprocessable_entity',
    message: (d) => `${d[0]!.field} ${d[0]!.message}`,
  })
