import { redact, redactText } from './redact.ts'

/** The journal keeps this much of a request body (the rest is cut, and said so). */
export const JOURNAL_BODY_EXCERPT = 4096

/**
 * The request journal of one tenant: every request and its response, newest
 * last, bounded. Bodies are kept as references and masked when read, so
 * journaling costs almost nothing on the hot path.
 */
export interface JournalEntry {
  seq: number
  at: string
  method: string
  path: string
  query: string
  status: number
  durationMs: number
  requestBody?: unknown
  responseBody?: unknown
  fault?: string
}

interface RawEntry {
  seq: number
  at: number
  method: string
  path: string
  query: string
  status: number
  durationMs: number
  requestText?: string
  requestType?: string
  /** A credential request (token endpoint, authorize): its body is shown only redacted, never raw. */
  credentials?: boolean
  /** The response's JSON, as text or UTF-8 bytes (off the JS heap), parsed only when the journal is read. */
  responseSent?: string | Uint8Array
  fault?: string
}

const utf8 = new TextDecoder()

/** The body an entry answered with: `send`'s JSON (or a text answer), parsed when the journal is read. */
const responseOf = (e: RawEntry): unknown => {
  const sent = e.responseSent
  if (sent === undefined) return undefined
  const text = typeof sent === 'string' ? sent : utf8.decode(sent)
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export function createJournal(limit = 500) {
  // A ring of `limit` slots: recording overwrites the oldest entry in O(1) (no array shifting).
  let ring: Array<RawEntry | undefined> = new Array(limit)
  let seq = 0
  /** Sequence number before which entries were cleared (numbers keep growing across a clear). */
  let cleared = 0
  /** Entries oldest first. */
  const entries = (): RawEntry[] => {
    const out: RawEntry[] = []
    const first = Math.max(cleared, seq - limit)
    for (let n = first; n < seq; n++) out.push(ring[n % limit]!)
    return out
  }
  return {
    /** Keep `entry` itself (no copy: recording is on every request's path). */
    record(entry: Omit<RawEntry, 'seq'> & { seq?: number }) {
      const kept = entry as RawEntry
      const text = kept.requestText
      if (text && text.length > JOURNAL_BODY_EXCERPT)
        kept.requestText = `${text.slice(0, JOURNAL_BODY_EXCERPT)}… [${text.length - JOURNAL_BODY_EXCERPT} more characters]`
      kept.seq = ++seq
      ring[(seq - 1) % limit] = kept
    },
    /** Newest last; filter by method, a path substring, or status. */
    list(
      filter: { method?: string; path?: string; status?: number; limit?: number } = {},
    ): JournalEntry[] {
      let rows = entries()
      if (filter.method) rows = rows.filter((e) => e.method === filter.method!.toUpperCase())
      if (filter.path) rows = rows.filter((e) => e.path.includes(filter.path!))
      if (filter.status) rows = rows.filter((e) => e.status === filter.status)
      if (filter.limit) rows = rows.slice(-filter.limit)
      return rows.map((e) => {
        const response = responseOf(e)
        return {
          seq: e.seq,
          at: new Date(e.at).toISOString(),
          method: e.method,
          path: e.path,
          query: e.query,
          status: e.status,
          durationMs: e.durationMs,
          ...(e.requestText
            ? { requestBody: redactText(e.requestText, e.requestType, e.credentials) }
            : {}),
          ...(response !== undefined ? { responseBody: redact(response, e.credentials) } : {}),
          ...(e.fault ? { fault: e.fault } : {}),
        }
      })
    },
    size: () => Math.min(seq - cleared, limit),
    clear: () => {
      ring = new Array(limit)
      cleared = seq
    },
  }
}
export type Journal = ReturnType<typeof createJournal>
