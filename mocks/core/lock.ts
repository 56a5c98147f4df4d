/**
 * A tiny async mutex: state changes that check-then-write across an `await`
 * run one at a time, so two concurrent requests can never both pass a check
 * (approve twice, spend the same quote twice).
 */
export function createLock() {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    run<T>(fn: () => Promise<T> | T): Promise<T> {
      const result = tail.then(fn, fn)
      tail = result.catch(() => undefined)
      return result
    },
  }
}
export type Lock = ReturnType<typeof createLock>
