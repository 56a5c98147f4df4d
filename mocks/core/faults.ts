import { z } from 'zod'
import type { Rng } from './ids.ts'

/**
 * Injected faults of one tenant: latency, a vendor-shaped error status, or a
 * malformed body, for requests matching a method and a path pattern (`*`
 * matches within a segment, `**` across segments), for the next N requests or
 * with a seeded probability.
 */
export const FaultInput = z
  .strictObject({
    method: z.string().toUpperCase().optional(),
    path: z.string().min(1).max(200).default('**'),
    status: z.number().int().min(400).max(599).optional(),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    malformed: z.boolean().optional(),
    retryAfter: z.number().int().min(0).optional(),
    count: z.number().int().min(1).optional(),
    probability: z.number().min(0).max(1).optional(),
    /** Vendor-specific variant (e.g. DigiKey's other 401 envelope). */
    variant: z.string().optional(),
    /** Aim at webhook deliveries instead of requests: a pattern over event names (`pick_ticket_*`). */
    webhook: z.string().min(1).max(200).optional(),
    /** With `webhook`: deliver each matching event twice, as vendors warn they may. */
    duplicate: z.boolean().optional(),
  })
  .refine(
    (f) =>
      f.webhook !== undefined
        ? f.duplicate === true
        : f.status !== undefined || f.latencyMs !== undefined || f.malformed,
    {
      message:
        'a request fault needs status, latencyMs or malformed; a webhook fault needs "duplicate": true',
    },
  )
export type FaultInput = z.output<typeof FaultInput>

export interface Fault extends FaultInput {
  id: string
  hits: number
  remaining: number | null
}

/**
 * Match a path against a fault pattern: `*` within a segment, `**` across segments, anything
 * else literally. Dynamic programming over (pattern, text) positions, O(pattern × text) in the
 * worst case: no pattern can make matching backtrack exponentially (patterns are ≤ 200 characters).
 * @example
 * globMatch('/v1/orders/*', '/v1/orders/abc') // true
 */
export function globMatch(pattern: string, text: string): boolean {
  // Tokens: a literal character, '*' (not '/') or '**' (anything).
  const tokens: string[] = []
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '*' && pattern[i + 1] === '*') {
      tokens.push('**')
      i++
      while (pattern[i + 1] === '*') i++
    } else tokens.push(pattern[i]!)
  }
  // reach[j]: the first i tokens can match the first j characters.
  let reach = new Uint8Array(text.length + 1)
  reach[0] = 1
  for (const t of tokens) {
    const next = new Uint8Array(text.length + 1)
    if (t === '**' || t === '*') {
      let open = false
      for (let j = 0; j <= text.length; j++) {
        if (reach[j]) open = true
        else if (t === '*' && j > 0 && text[j - 1] === '/') open = false
        if (open) next[j] = 1
      }
    } else {
      for (let j = 1; j <= text.length; j++) if (reach[j - 1] && text[j - 1] === t) next[j] = 1
    }
    reach = next
  }
  return reach[text.length] === 1
}

export function createFaults(rng: Rng) {
  let faults: Array<Fault & { pattern: string }> = []
  let n = 0
  return {
    add(input: FaultInput): Fault {
      const fault = {
        ...input,
        id: `fault_${++n}`,
        hits: 0,
        remaining: input.count ?? null,
        pattern: input.webhook ?? input.path,
      }
      faults.push(fault)
      const { pattern: _pattern, ...view } = fault
      return view
    },
    /** The first fault that fires for this request, consuming one of its count. */
    match(method: string, path: string): Fault | undefined {
      if (faults.length === 0) return undefined
      return fire(
        (f) =>
          f.webhook === undefined &&
          (!f.method || f.method === method) &&
          globMatch(f.pattern, path),
      )
    },
    /** The first webhook fault that fires for an event, consuming one of its count. */
    matchWebhook(event: string): Fault | undefined {
      if (faults.length === 0) return undefined
      return fire((f) => f.webhook !== undefined && globMatch(f.pattern, event))
    },
    list: (): Fault[] => faults.map(({ pattern: _pattern, ...f }) => f),
    remove: (id: string) => {
      const before = faults.length
      faults = faults.filter((f) => f.id !== id)
      return faults.length !== before
    },
    clear: () => void (faults = []),
  }

  function fire(applies: (f: Fault & { pattern: string }) => boolean): Fault | undefined {
    for (const f of faults) {
      if (!applies(f)) continue
      if (f.probability !== undefined && rng.next() >= f.probability) continue
      f.hits++
      if (f.remaining !== null) {
        f.remaining--
        if (f.remaining <= 0) faults = faults.filter((x) => x !== f)
      }
      return f
    }
    return undefined
  }
}
export type Faults = ReturnType<typeof createFaults>
