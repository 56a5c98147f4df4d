/**
 * A binary min-heap kept in a plain array, ordered by `less`: the clock's queue of due tasks, and
 * the candidates it walks to list the next tasks in order without sorting the queue.
 */
/** Add `item` to a binary min-heap ordered by `less`. */
export function heapPush<T>(heap: T[], item: T, less: (a: T, b: T) => boolean) {
  heap.push(item)
  let i = heap.length - 1
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!less(heap[i]!, heap[parent]!)) break
    ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
    i = parent
  }
}

/** Take the smallest item of a binary min-heap ordered by `less`. */
export function heapPop<T>(heap: T[], less: (a: T, b: T) => boolean): T | undefined {
  const top = heap[0]
  const last = heap.pop()
  if (heap.length && last !== undefined) {
    heap[0] = last
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r
      if (m === i) break
      ;[heap[i], heap[m]] = [heap[m]!, heap[i]!]
      i = m
    }
  }
  return top
}

/**
 * Visit a binary min-heap's items in order, smallest first, without sorting it: a small heap of
 * candidate positions starts at the root, and taking one offers its two children. Stops when
 * `visit` returns `false`; visiting k items costs O(k log k), whatever the heap's size.
 */
export function heapWalk<T>(
  heap: readonly T[],
  less: (a: T, b: T) => boolean,
  visit: (item: T) => boolean,
) {
  const candidates: number[] = heap.length ? [0] : []
  const earlier = (i: number, j: number) => less(heap[i]!, heap[j]!)
  while (candidates.length) {
    const i = heapPop(candidates, earlier)!
    if (!visit(heap[i]!)) return
    const left = 2 * i + 1
    if (left < heap.length) heapPush(candidates, left, earlier)
    if (left + 1 < heap.length) heapPush(candidates, left + 1, earlier)
  }
}
