/**
 * An idempotency-key store of one tenant: the first request with a key runs and
 * its result is kept; a replay with the same key gets that result back without
 * running again (concurrent replays wait for the first). Oldest keys are dropped
 * past `limit`.
 * @example
 * const { result, replayed } = await tenant.idempotency.run(key, () => applyStockOperation(input))
 * @see https://docs.stripe.com/api/idempotent_requests the model we follow
 */
export function createIdempotencyStore(limit = 10_000) {
  const results = new Map<string, Promise<unknown>>()
  return {
    async run<T>(key: string, fn: () => Promise<T> | T): Promise<{ result: T; replayed: boolean }> {
      const known = results.get(key)
      if (known) return { result: (await known) as T, replayed: true }
      const pending = Promise.resolve().then(fn)
      results.set(key, pending)
      if (results.size > limit) results.delete(results.keys().next().value!)
      try {
        return { result: await pending, replayed: false }
      } catch (err) {
        // A failed first attempt keeps nothing: the same key may be tried again.
        results.delete(key)
        throw err
      }
    },
    has: (key: string) => results.has(key),
    size: () => results.size,
  }
}
export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>
