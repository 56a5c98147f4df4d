import { describe, expect, it } from 'vitest'
import {
  createClock,
  createIdempotencyStore,
  createIdFactory,
  createJournal,
  createRateWindows,
  createRng,
  createTokenKit,
  requirePermission,
  DEFAULT_EPOCH,
  MINUTE,
  pageOf,
  tokenFromHeader,
} from '../../mocks/core/index.ts'
import { textPdf } from '../../mocks/core/pdf.ts'
import { iteratePages } from '../../src/core/index.ts'

describe('kit pieces', () => {
  it('UUIDv7: time from the caller, version 7, RFC variant, ordered by time, repeatable per seed', () => {
    const ids = createIdFactory(createRng('seed'))
    const a = ids.uuidv7(DEFAULT_EPOCH)
    const b = ids.uuidv7(DEFAULT_EPOCH + 1)
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(Number.parseInt(a.replace(/-/g, '').slice(0, 12), 16)).toBe(DEFAULT_EPOCH)
    expect(a < b).toBe(true)
    expect(createIdFactory(createRng('seed')).uuidv7(DEFAULT_EPOCH)).toBe(a)
    expect(ids.clerkId()).toMatch(/^org_[0-9A-Za-z]{27}$/)
    expect(ids.token64()).toMatch(/^[0-9a-f]{64}$/)
  })

  it('pageOf: 1-based pages, totals, null next/prev at the ends, past the end is empty', () => {
    const rows = Array.from({ length: 128 }, (_, i) => i)
    expect(pageOf(rows, { page: 1, perPage: 100 })).toMatchObject({
      page: 1,
      nextPage: 2,
      prevPage: null,
      totalPages: 2,
      totalCount: 128,
    })
    expect(pageOf(rows, { page: 2, perPage: 100 }).items).toHaveLength(28)
    expect(pageOf(rows, { page: 3, perPage: 100 })).toMatchObject({
      items: [],
      nextPage: null,
      prevPage: 2,
    })
    expect(pageOf([], { page: 1, perPage: 100 })).toMatchObject({
      totalPages: 1,
      nextPage: null,
      prevPage: null,
    })
    expect(() => pageOf(rows, { page: 0, perPage: 100 })).toThrow(RangeError)
  })

  it('pageOf from: the rows before it are not part of the list (since_id), and are not counted', () => {
    const rows = Array.from({ length: 128 }, (_, i) => i)
    const first = pageOf(rows, { page: 1, perPage: 100, from: 5 })
    expect(first).toMatchObject({ totalCount: 123, totalPages: 2, nextPage: 2, prevPage: null })
    expect([first.items[0], first.items.at(-1), first.items.length]).toEqual([5, 104, 100])
    expect(pageOf(rows, { page: 2, perPage: 100, from: 5 }).items).toEqual(
      Array.from({ length: 23 }, (_, i) => 105 + i),
    )
    expect(pageOf(rows, { page: 1, perPage: 100, from: 500 })).toMatchObject({
      items: [],
      totalCount: 0,
      totalPages: 1,
      nextPage: null,
    })
  })

  it('idempotency: one run per key, concurrent replays get the first result, a failure keeps nothing', async () => {
    const store = createIdempotencyStore()
    let runs = 0
    const work = async () => ++runs
    const [a, b] = await Promise.all([store.run('k', work), store.run('k', work)])
    expect([a, b]).toEqual([
      { result: 1, replayed: false },
      { result: 1, replayed: true },
    ])
    await expect(store.run('bad', () => Promise.reject(new Error('no')))).rejects.toThrow('no')
    expect((await store.run('bad', work)).replayed).toBe(false)
  })

  it('Authorization forms: Bearer always, the bare token only where the vendor accepts it, never Basic', () => {
    expect(tokenFromHeader('Bearer abc')).toBe('abc')
    expect(tokenFromHeader('abc')).toBeUndefined()
    expect(tokenFromHeader('abc', ['bearer', 'bare'])).toBe('abc')
    expect(tokenFromHeader('Basic YTpi', ['bearer', 'bare'])).toBeUndefined()
    expect(tokenFromHeader('Bearer abc', ['bare'])).toBeUndefined()
  })

  it('iteratePages walks pages one after another until there is no next page, and refuses to loop', async () => {
    const pages: Record<number, { items: number[]; next: number | null }> = {
      1: { items: [1, 2], next: 2 },
      2: { items: [3], next: null },
    }
    const seen: number[] = []
    for await (const n of iteratePages(
      async (p) => pages[p]!,
      (p) => p.items,
      (p) => p.next,
    ))
      seen.push(n)
    expect(seen).toEqual([1, 2, 3])
    const loop = iteratePages(
      async () => ({ items: [1], next: 1 }),
      (p) => p.items,
      (p) => p.next,
    )
    await expect(
      (async () => {
        for await (const _ of loop) void _
      })(),
    ).rejects.toThrow(/refusing to loop/)
  })

  it('static API tokens: the vendor chooses the text, permissions are checked, revoking ends them, text is unique', () => {
    const clock = createClock()
    const index = new Map<string, string>()
    const kit = createTokenKit({
      clock,
      ids: createIdFactory(createRng('t')),
      index,
      tenantId: 'default',
    })
    const record = kit.issueStatic({
      clientId: 'account-1',
      scopes: ['READ_ITEM'],
      meta: { account: 'primary' },
      format: { kind: 'given', token: 'da_abc' },
    })
    expect([record.token, record.expiresAt, index.get('da_abc')]).toEqual([
      'da_abc',
      null,
      'default',
    ])
    expect(() => requirePermission(record, 'READ_ITEM', (p) => new Error(p))).not.toThrow()
    expect(() =>
      requirePermission(record, 'CREATE_ORDER', (p) => new Error(`Not authorized: requires ${p}`)),
    ).toThrow('requires CREATE_ORDER')
    expect(() =>
      kit.issueStatic({ clientId: 'x', format: { kind: 'given', token: 'da_abc' } }),
    ).toThrow()
    expect(kit.list((r) => r.kind === 'static')).toHaveLength(1)
    kit.revoke('da_abc')
    expect(kit.verify('da_abc')).toEqual({ ok: false, reason: 'revoked' })
  })

  it('the journal keeps the newest 500 entries in order, numbered across a clear', () => {
    const journal = createJournal(3)
    const entry = (path: string) => ({
      at: DEFAULT_EPOCH,
      method: 'GET',
      path,
      query: '',
      status: 200,
      durationMs: 0,
    })
    for (const p of ['/a', '/b', '/c', '/d']) journal.record(entry(p))
    expect(journal.list().map((e) => [e.seq, e.path])).toEqual([
      [2, '/b'],
      [3, '/c'],
      [4, '/d'],
    ])
    expect(journal.list({ limit: 1 }).map((e) => e.path)).toEqual(['/d'])
    journal.clear()
    expect(journal.size()).toBe(0)
    journal.record(entry('/e'))
    expect(journal.list().map((e) => [e.seq, e.path])).toEqual([[5, '/e']])
  })
})

describe('fixed rate windows', () => {
  it('count per key and window, refuse without counting, and reset on the window boundary', () => {
    const w = createRateWindows()
    const limits = [
      { name: 'burst', limit: 2, windowMs: MINUTE },
      { name: 'daily', limit: 3, windowMs: 86_400_000 },
    ]
    const t0 = Date.UTC(2026, 0, 5, 9, 0, 30)
    expect(w.take('a', limits, t0)).toMatchObject({
      ok: true,
      windows: [{ remaining: 1 }, { remaining: 2 }],
    })
    expect(w.take('a', limits, t0).ok).toBe(true)
    const refused = w.take('a', limits, t0 + 1000)
    expect(refused).toMatchObject({
      ok: false,
      breached: { name: 'burst', resetAt: Date.UTC(2026, 0, 5, 9, 1, 0) },
    })
    expect(w.take('b', limits, t0).ok).toBe(true)
    expect(w.take('a', limits, t0 + 30_000)).toMatchObject({
      ok: true,
      windows: [{ remaining: 1 }, { remaining: 0 }],
    })
    expect(w.take('a', limits, t0 + 31_000)).toMatchObject({
      ok: false,
      breached: { name: 'daily', resetAt: Date.UTC(2026, 0, 6) },
    })
  })
})

describe('documents', () => {
  it('textPdf writes a PDF whose xref offsets point at its objects, the same bytes every time', () => {
    const bytes = textPdf('Packing list (1)', ['Line \\ one', 'Zürich'])
    const text = new TextDecoder('latin1').decode(bytes)
    expect(text.startsWith('%PDF-1.4\n')).toBe(true)
    const xref = Number(/startxref\n(\d+)/.exec(text)![1])
    expect(text.slice(xref, xref + 4)).toBe('xref')
    const offsets = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]))
    for (const [i, o] of offsets.entries())
      expect(text.slice(o, o + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`)
    expect(text).toContain('(Packing list \\(1\\))')
    expect(
      Buffer.from(textPdf('Packing list (1)', ['Line \\ one', 'Zürich'])).equals(
        Buffer.from(bytes),
      ),
    ).toBe(true)
  })
})
