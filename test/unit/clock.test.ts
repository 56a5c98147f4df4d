import { describe, expect, it } from 'vitest'
import { createClock, DEFAULT_EPOCH } from '../../mocks/core/clock.ts'
import { createRng, createTimers, type StepKind } from '../../mocks/core/index.ts'
import { isoInZone, isoTicks, isoTime } from '../../mocks/core/time.ts'

describe('clock', () => {
  it('frozen: time moves only when advanced, and tasks run in due order at their due time', async () => {
    const clock = createClock()
    expect(clock.now()).toBe(DEFAULT_EPOCH)
    const seen: Array<[string, number, number]> = []
    clock.schedule(DEFAULT_EPOCH + 3000, 'c', (due) => void seen.push(['c', due, clock.now()]))
    clock.schedule(DEFAULT_EPOCH + 1000, 'a', (due) => {
      seen.push(['a', due, clock.now()])
      // a task may schedule more work inside the window being advanced
      clock.schedule(clock.now() + 500, 'b', (d) => void seen.push(['b', d, clock.now()]))
    })
    await clock.advance(2000)
    expect(seen.map((s) => s[0])).toEqual(['a', 'b'])
    expect(seen[1]![2]).toBe(DEFAULT_EPOCH + 1500)
    expect(clock.now()).toBe(DEFAULT_EPOCH + 2000)
    await clock.advance(1000)
    expect(seen.map((s) => s[0])).toEqual(['a', 'b', 'c'])
    expect(clock.pending()).toEqual([])
  })

  it('awaits async tasks before resolving, and a failing task does not stall the queue', async () => {
    const clock = createClock()
    const order: string[] = []
    clock.schedule(DEFAULT_EPOCH + 10, 'slow', async () => {
      await new Promise((r) => setTimeout(r, 20))
      order.push('slow')
    })
    clock.schedule(DEFAULT_EPOCH + 20, 'boom', () => {
      throw new Error('boom')
    })
    clock.schedule(DEFAULT_EPOCH + 30, 'after', () => void order.push('after'))
    await clock.advance(100)
    expect(order).toEqual(['slow', 'after'])
  })

  it('cancel removes a task; reset drops everything and returns to the start', async () => {
    const clock = createClock({ start: 0 })
    let ran = false
    const t = clock.schedule(10, 'x', () => void (ran = true))
    clock.cancel(t)
    await clock.advance(20)
    expect(ran).toBe(false)
    clock.schedule(100, 'y', () => undefined)
    clock.reset()
    expect(clock.now()).toBe(0)
    expect(clock.pending()).toEqual([])
  })

  it('cancel by id; cancelling a task that already ran, or one from before a reset, changes nothing', async () => {
    const clock = createClock({ start: 0 })
    const ran: string[] = []
    const a = clock.schedule(10, 'a', () => void ran.push('a'))
    const b = clock.schedule(20, 'b', () => void ran.push('b'))
    clock.schedule(30, 'c', () => void ran.push('c'))
    clock.cancel(b.id)
    expect(clock.pending().map((p) => p.label)).toEqual(['a', 'c'])
    await clock.advance(15)
    clock.cancel(a) // already ran
    clock.cancel(a.id)
    expect(clock.pending().map((p) => p.label)).toEqual(['c'])
    // The handle is the task as it was scheduled: cancelling it twice is cancelling it once.
    const d = clock.schedule(40, 'd', () => void ran.push('d'))
    clock.cancel(d)
    clock.cancel(d)
    await clock.advance(100)
    expect(ran).toEqual(['a', 'c'])

    const stale = clock.schedule(clock.now() + 10, 'stale', () => void ran.push('stale'))
    clock.reset()
    clock.cancel(stale)
    const fresh = clock.schedule(10, 'fresh', () => void ran.push('fresh'))
    expect(clock.pending()).toEqual([{ id: fresh.id, at: 10, label: 'fresh' }])
    await clock.advance(10)
    expect(ran).toEqual(['a', 'c', 'fresh'])
  })

  it('pending(limit) gives the next tasks in run order without the rest; pendingCount counts the waiting', async () => {
    const clock = createClock({ start: 0 })
    const rng = createRng('pending')
    const handles = Array.from({ length: 200 }, (_, i) =>
      clock.schedule(rng.int(1, 50) * 10, `t${i}`, () => undefined),
    )
    for (const h of handles.slice(0, 50)) clock.cancel(h)
    clock.cancel(handles[0]!) // twice: counted once
    expect(clock.pendingCount()).toBe(150)
    const all = clock.pending()
    expect(all).toHaveLength(150)
    expect(all).toEqual([...all].sort((a, b) => a.at - b.at || a.id - b.id))
    expect(clock.pending(7)).toEqual(all.slice(0, 7))
    expect(clock.pending(0)).toEqual([])
    await clock.advance(250)
    const left = all.filter((t) => t.at > 250)
    expect(clock.pendingCount()).toBe(left.length)
    expect(clock.pending(3)).toEqual(left.slice(0, 3))
    clock.reset()
    expect(clock.pendingCount()).toBe(0)
  })

  it('real: follows the injected source plus what was advanced', async () => {
    let wall = 1_000_000
    const clock = createClock({ mode: 'real', source: () => wall })
    wall += 500
    expect(clock.now()).toBe(1_000_500)
    await clock.advance(60_000)
    expect(clock.now()).toBe(1_060_500)
    let ran = false
    clock.schedule(clock.now() + 1000, 'x', () => void (ran = true))
    expect(clock.hasDue()).toBe(false)
    wall += 1000
    expect(clock.hasDue()).toBe(true)
    await clock.settle()
    expect(ran).toBe(true)
  })

  it('rejects a negative advance', async () => {
    await expect(createClock().advance(-1)).rejects.toThrow(RangeError)
  })
})

describe('real clock advance', () => {
  it('a task run by advance sees its own due time, so planning from it moves forward (no re-run loop)', async () => {
    let wall = 1_000_000
    const clock = createClock({ mode: 'real', source: () => wall })
    const seen: number[] = []
    const start = clock.now()
    // A self-rescheduling task, like a lifecycle step that plans its successor from clock.now().
    const step = (due: number) => {
      seen.push(clock.now() - due)
      if (seen.length < 3) clock.schedule(clock.now() + 60_000, 'next', step)
    }
    clock.schedule(start + 60_000, 'first', step)
    await clock.advance(600_000)
    expect(seen).toEqual([0, 0, 0])
    expect(clock.now() - start).toBe(600_000)
    wall += 5_000
    expect(clock.now() - start).toBe(605_000)
  })
})

describe('isoTime', () => {
  it('is toISOString, remembered, past its cache size and for invalid times too (isoTicks too)', () => {
    for (let i = 0; i < 5000; i++) {
      const ms = DEFAULT_EPOCH + i * 7_777_777
      expect(isoTime(ms)).toBe(new Date(ms).toISOString())
      expect(isoTicks(ms)).toBe(new Date(ms).toISOString().replace('Z', '0000Z'))
    }
    expect(isoTime(DEFAULT_EPOCH)).toBe(new Date(DEFAULT_EPOCH).toISOString())
    expect(() => isoTime(Number.NaN)).toThrow(RangeError)
  })

  it('isoInZone follows daylight saving (America/Chicago: -06:00 in winter, -05:00 in summer)', () => {
    expect(isoInZone(Date.UTC(2025, 1, 2, 9, 41, 48, 109), 'America/Chicago')).toBe(
      '2025-02-02T03:41:48.109-06:00',
    )
    expect(isoInZone(Date.UTC(2025, 6, 2, 9, 0, 0), 'America/Chicago')).toBe(
      '2025-07-02T04:00:00.000-05:00',
    )
  })
})

describe('clock queue and entity timers', () => {
  it('the clock runs 10,000 tasks in (due time, scheduling order) and skips cancelled ones, fast', async () => {
    const clock = createClock()
    const rng = createRng('heap')
    const ran: number[] = []
    const tasks = Array.from({ length: 10_000 }, (_, i) => ({
      i,
      task: clock.schedule(clock.now() + rng.int(0, 500) * 1000, `t${i}`, () => void ran.push(i)),
    }))
    for (const t of tasks) if (t.i % 2) clock.cancel(t.task)
    const expected = tasks
      .filter((t) => t.i % 2 === 0)
      .sort((a, b) => a.task.at - b.task.at || a.task.id - b.task.id)
      .map((t) => t.i)
    expect(clock.pending().map((p) => p.label)).toEqual(expected.map((i) => `t${i}`))
    const started = performance.now()
    await clock.advance(600_000)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(ran).toEqual(expected)
    expect(clock.pending()).toEqual([])
  })

  it('timers keep one step per entity and kind: planning again replaces, a step that runs forgets itself', async () => {
    const clock = createClock()
    const timers = createTimers(clock)
    const ran: string[] = []
    // One kind of step, shared by every entity: the label is made from the key and the argument.
    const STEP: StepKind<string[], string> = {
      label: (key, arg) => `${key} ${arg}`,
      run: (log, key, arg) => {
        log.push(arg)
        if (arg === 'a') steps.plan(key, clock.now() + 10, 'b')
      },
    }
    const steps = timers.of(STEP, ran)
    expect(timers.of(STEP, [])).toBe(steps)
    steps.plan('order:1', clock.now() + 1000, 'first')
    steps.plan('order:1', clock.now() + 2000, 'second')
    steps.plan('order:2', clock.now() + 500, 'other')
    // Another kind keeps its own step for the same key; its keys may be numbers.
    const other = timers.of<string[], string, number>(
      { label: (id) => `shipment ${id}`, run: (log) => void log.push('shipment') },
      ran,
    )
    other.plan(1, clock.now() + 2500, '')
    expect(clock.pending().map((p) => p.label)).toEqual([
      'order:2 other',
      'order:1 second',
      'shipment 1',
    ])
    expect(timers.size()).toBe(3)
    await clock.advance(3000)
    expect(ran).toEqual(['other', 'second', 'shipment'])
    expect(timers.size()).toBe(0)
    expect(steps.get('order:1')).toBeUndefined()
    expect(steps.cancel('order:1')).toBe(false)
    // A step that plans its key's next step while it runs leaves that one planned.
    steps.plan('order:4', clock.now() + 10, 'a')
    await clock.advance(15)
    expect(steps.get('order:4')?.label).toBe('order:4 b')
    expect(steps.size()).toBe(1)
    await clock.advance(15)
    expect(ran.slice(-2)).toEqual(['a', 'b'])
    expect(steps.size()).toBe(0)
    steps.plan('order:3', clock.now() + 10, 'x')
    expect(steps.cancel('order:3')).toBe(true)
    expect(clock.pendingCount()).toBe(0)
    await clock.advance(100)
    expect(ran).not.toContain('x')
  })
})
