/**
 * A per-tenant clock. Every time read in a simulator goes through it, and every
 * delayed effect (token expiry is a read; order steps, webhook retries and rate
 * windows are scheduled tasks) is queued on it so that `advance()` can run what
 * falls due, in order, and resolve once everything has settled.
 *
 * Two modes:
 * - `frozen`: time only moves when advanced (tests, CI; fully deterministic);
 * - `real`: time follows an injected wall-clock source, plus whatever has been
 *   advanced (the local server, so that a curl session feels natural).
 *
 * @see https://docs.stripe.com/billing/testing/test-clocks the model we follow
 */
import { heapPop, heapPush, heapWalk } from './heap.ts'

export type ClockMode = 'frozen' | 'real'

/** A task run by the clock when its time comes. `dueAt` is the time it was due. */
export type ClockTask = (dueAt: number) => void | Promise<void>

export interface ScheduledTask {
  readonly id: number
  readonly at: number
  readonly label: string
}

/**
 * A kind of task many entities share (an order's next step): one `run` and one `label` for all
 * of them, told apart by `key` (the entity's id) and `arg`, so a planned step costs its queue
 * entry and no closure or label string of its own. The label is made only when listed.
 */
export interface TaskKind<A = unknown, K extends string | number = string | number> {
  label(key: K, arg: A): string
  run(key: K, arg: A, dueAt: number): void | Promise<void>
}

export interface Clock {
  readonly mode: ClockMode
  /** Milliseconds since the Unix epoch, as the tenant sees it. */
  now(): number
  /** Queue a task at an absolute time (ms). Returns a handle for `cancel`. */
  schedule(at: number, label: string, task: ClockTask): ScheduledTask
  /** Queue a task of a shared kind for `key` at an absolute time (ms). Returns a handle for `cancel`. */
  scheduleKind<A, K extends string | number>(
    at: number,
    kind: TaskKind<A, K>,
    key: K,
    arg: A,
  ): ScheduledTask
  cancel(task: ScheduledTask | number): void
  /** Whether a task still waits its turn (false once it has run or was cancelled). */
  isPending(task: ScheduledTask): boolean
  /** Move time forward by `ms` and run everything that falls due, in order. */
  advance(ms: number): Promise<void>
  /** Run whatever is already due; resolves once the queue holds nothing due. */
  settle(): Promise<void>
  /**
   * The tasks that wait, in the order they will run: the first `limit` of them (every one when
   * omitted). Costs the tasks it returns, not the queue: a tenant with 100k orders has 100k.
   */
  pending(limit?: number): ScheduledTask[]
  /** How many tasks wait (cancelled ones and those that have run not counted). */
  pendingCount(): number
  /** True when a task is due now (cheap; checked after every request). */
  hasDue(): boolean
  /** Drop every pending task and return to the start time (used by reset). */
  reset(): void
}

export interface ClockOptions {
  mode?: ClockMode
  /** Start time in ms; for `real` mode the default is the source's time. */
  start?: number
  /** Wall-clock source for `real` mode, injected by the host (server.ts). */
  source?: () => number
}

/** Fixed epoch used by frozen clocks when nothing else is given: 2026-01-05T09:00:00Z (a Monday). */
export const DEFAULT_EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0)

/** A step through due tasks hands the event loop back after this much work (ms). */
const YIELD_EVERY_MS = 20
/** Let pending I/O (requests that have arrived) run before going on. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** A task given as a closure is the plain kind: its label is the key, its closure the argument. */
const PLAIN: TaskKind<ClockTask, string> = {
  label: (label) => label,
  run: (_label, task, dueAt) => task(dueAt),
}

/** What a queue entry answers for `label`: its kind's label of its key, made when read. */
const ENTRY = {
  get label(): string {
    const e = this as unknown as { kind: TaskKind; key: string | number; arg: unknown }
    return e.kind.label(e.key, e.arg)
  },
}

/**
 * Create a clock.
 * @example
 * const clock = createClock({ mode: 'frozen' })
 * clock.schedule(clock.now() + 1000, 'ping', () => console.log('due'))
 * await clock.advance(1000) // logs "due"
 */
export function createClock(options: ClockOptions = {}): Clock {
  const mode: ClockMode = options.mode ?? 'frozen'
  if (mode === 'real' && !options.source) throw new Error('a real clock needs a time source')
  const source = options.source ?? (() => 0)
  let initialStart = options.start ?? (mode === 'real' ? source() : DEFAULT_EPOCH)
  // `base` pins the start; the clock reads base + offset (+ wall time elapsed in real mode).
  let wallAtStart = mode === 'real' ? source() : 0
  let offset = 0
  let nextId = 1
  // Due tasks in a binary min-heap on (at, id): scheduling and taking the next task cost O(log n),
  // so a clock step that moves thousands of orders is not quadratic. Cancelling marks the task;
  // marked tasks are dropped when they reach the top. The handle `schedule` returns is the heap's
  // own entry, and its mark says whether it still waits: no set of ids beside the heap (a tenant
  // with 100k orders keeps 100k planned steps, and every one of them cost two set entries).
  type Entry = ScheduledTask & {
    kind: TaskKind
    key: string | number
    arg: unknown
    queued: boolean
    cancelled: boolean
  }
  let heap: Entry[] = []
  let running: Promise<void> = Promise.resolve()
  // While an advance steps through due tasks, time stands at each task's due time (in real mode it
  // jumps forward to it), so a task that reads the clock and plans its next step sees its own moment.

  const now = () =>
    mode === 'real' ? initialStart + (source() - wallAtStart) + offset : initialStart + offset

  const before = (a: Entry, b: Entry) => a.at < b.at || (a.at === b.at && a.id < b.id)
  /** Tasks that wait (scheduled, neither run nor cancelled). */
  let waiting = 0
  const push = (entry: Entry) => heapPush(heap, entry, before)
  const pop = (): Entry | undefined => {
    const top = heapPop(heap, before)
    if (top) {
      top.queued = false
      if (!top.cancelled) waiting--
    }
    return top
  }
  /** A handle from `schedule` is the entry itself; an id (rare: the control API) is looked up. */
  const entryOf = (task: ScheduledTask | number): Entry | undefined =>
    typeof task === 'object' && (task as Partial<Entry>).queued !== undefined
      ? (task as Entry)
      : heap.find((e) => e.id === (typeof task === 'number' ? task : task.id))
  /** The next live task, dropping cancelled ones on the way. */
  const peek = (): Entry | undefined => {
    while (heap.length && heap[0]!.cancelled) pop()
    return heap[0]
  }

  const runDue = async (limit: number) => {
    // A step that moves thousands of entities hands the event loop back every ~20 ms of work, so
    // the server keeps answering other requests while it runs (real time only paces the yielding;
    // the simulation itself never reads it).
    let slice = performance.now()
    for (;;) {
      const head = peek()
      if (!head || head.at > limit) return
      if (performance.now() - slice > YIELD_EVERY_MS) {
        await yieldToEventLoop()
        slice = performance.now()
        continue
      }
      pop()
      const current = now()
      if (head.at > current) offset += head.at - current
      try {
        await head.kind.run(head.key, head.arg, head.at)
      } catch {
        // A failing task must not stall the clock; tasks record their own failures.
      }
    }
  }

  const enqueue = (at: number, kind: TaskKind, key: string | number, arg: unknown): Entry => {
    const entry = {
      __proto__: ENTRY,
      id: nextId++,
      at: Math.floor(at),
      kind,
      key,
      arg,
      queued: true,
      cancelled: false,
    } as unknown as Entry
    push(entry)
    waiting++
    return entry
  }

  const serial = (fn: () => Promise<void>) => {
    const next = running.then(fn, fn)
    running = next.catch(() => undefined)
    return next
  }

  return {
    mode,
    now,
    schedule: (at, label, task) => enqueue(at, PLAIN as TaskKind, label, task),
    scheduleKind: (at, kind, key, arg) => enqueue(at, kind as TaskKind, key, arg),
    cancel(task) {
      const entry = entryOf(task)
      if (entry?.queued && !entry.cancelled) {
        entry.cancelled = true
        waiting--
      }
    },
    isPending(task) {
      const entry = entryOf(task)
      return entry?.queued === true && !entry.cancelled
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        return Promise.reject(new RangeError('advance needs a non-negative number of milliseconds'))
      return serial(async () => {
        const target = now() + ms
        await runDue(target)
        if (mode === 'frozen') offset = Math.max(offset, target - initialStart)
        else offset += Math.max(0, target - now())
        await runDue(now())
      })
    },
    settle() {
      return serial(() => runDue(now()))
    },
    hasDue() {
      const head = peek()
      return head !== undefined && head.at <= now()
    },
    pending(limit = Number.POSITIVE_INFINITY) {
      const out: ScheduledTask[] = []
      if (limit > 0)
        heapWalk(heap, before, ({ id, at, label, cancelled }) => {
          if (!cancelled) out.push({ id, at, label })
          return out.length < limit
        })
      return out
    },
    pendingCount: () => waiting,
    reset() {
      for (const entry of heap) entry.queued = false
      heap = []
      waiting = 0
      offset = 0
      if (mode === 'real') {
        wallAtStart = source()
        initialStart = options.start ?? wallAtStart
      }
    },
  }
}
