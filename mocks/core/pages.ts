/**
 * Page-number pagination (`?page=2`, 1-based), as REST vendors that count pages
 * answer it: the rows of one page and the totals a `meta` block or a `TotalOrders`
 * field is made from. A page past the end is empty, not an error.
 */
export interface Page<T> {
  items: T[]
  page: number
  perPage: number
  totalCount: number
  /** At least 1: an empty collection still has one (empty) page. */
  totalPages: number
  nextPage: number | null
  prevPage: number | null
}

/**
 * `from`: where the list starts in `rows` (the rows before it are not part of it, and are not
 * copied: a page of an index past a `since_id` costs the page).
 * @example
 * const p = pageOf(rows, { page: 2, perPage: 100 })
 * ({ meta: { current_page: p.page, next_page: p.nextPage, prev_page: p.prevPage, total_pages: p.totalPages, total_count: p.totalCount } })
 */
export function pageOf<T>(
  rows: readonly T[],
  o: { page: number; perPage: number; from?: number },
): Page<T> {
  if (!Number.isInteger(o.page) || o.page < 1) throw new RangeError('page must be an integer ≥ 1')
  if (!Number.isInteger(o.perPage) || o.perPage < 1)
    throw new RangeError('perPage must be an integer ≥ 1')
  const from = Math.min(Math.max(o.from ?? 0, 0), rows.length)
  const totalCount = rows.length - from
  const totalPages = Math.max(1, Math.ceil(totalCount / o.perPage))
  const start = from + (o.page - 1) * o.perPage
  return {
    items: rows.slice(start, start + o.perPage),
    page: o.page,
    perPage: o.perPage,
    totalCount,
    totalPages,
    nextPage: o.page < totalPages ? o.page + 1 : null,
    prevPage: o.page > 1 ? Math.min(o.page - 1, totalPages) : null,
  }
}
