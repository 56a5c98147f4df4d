/**
 * Iterate a page-numbered collection one page after another (never in parallel,
 * as vendors that count pages ask), until a page says there is no next one.
 * @example
 * for await (const sku of iteratePages((page) => client.skus.page(page), (body) => body.skus, (body) => body.meta.next_page)) ...
 */
export async function* iteratePages<P, T>(
  fetchPage: (page: number) => Promise<P>,
  items: (page: P) => readonly T[],
  nextPage: (page: P, current: number) => number | null | undefined,
  first = 1,
): AsyncGenerator<T> {
  for (let page: number | null | undefined = first; page != null; ) {
    const body = await fetchPage(page)
    for (const item of items(body)) yield item
    const next = nextPage(body, page)
    if (next != null && next <= page)
      throw new Error(`page ${page} names page ${next} as the next one: refusing to loop`)
    page = next
  }
}
