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
    path: z.string().min(1).default('**'),
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

const toRegex = (pattern: string) =>
  new RegExp(
    '^' +
      pattern
        .split('**')
        .map((part) =>
          part
            .split('*')
            .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('[^/]*'),
        )
        .join('.*') +
      '$',
  )

export function createFaults(rng: Rng) {
  let faults: Array<Fault & { re: RegExp }> = []
  let n = 0
  return {
    add(input: FaultInput): Fault {
      const fault = {
        ...input,
        id: `fault_${++n}`,
        hits: 0,
        remaining: input.count ?? null,
        re: toRegex(input.webhook ?? input.path),
      }
      faults.push(fault)
      const { re: _re, ...view } = fault
      return view
    },
    /** The first fault that fires for this request, consuming one of its count. */
    match(method: string, path: string): Fault | undefined {
      if (faults.length === 0) return undefined
      return fire(
        (f) => f.webhook === undefined && (!f.method || f.method === method) && f.re.test(path),
      )
    },
    /** The first webhook fault that fires for an event, consuming one of its count. */
    matchWebhook(event: string): Fault | undefined {
      if (faults.length === 0) return undefined
      return fire((f) => f.webhook !== undefined && f.re.test(event))
    },
    list: (): Fault[] => faults.map(({ re: _re, ...f }) => f),
    remove: (id: string) => {
      const before = faults.length
      faults = faults.filter((f) => f.id !== id)
      return faults.length !== before
    },
    clear: () => void (faults = []),
  }

  function fire(applies: (f: Fault & { re: RegExp }) => boolean): Fault | undefined {
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
