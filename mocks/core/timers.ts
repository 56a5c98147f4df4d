import type { Clock, ClockTask, ScheduledTask } from './clock.ts'

/**
 * Entity timers on a tenant clock: at most one pending step per key (an order, a
 * shipment), so planning the next step of an entity replaces the one planned
 * before, and a step that runs forgets itself first. Lifecycles use this instead
 * of keeping their own task maps.
 * @example
 * tenant.timers.plan(`order:${id}`, at, `order ${id} → SHIPPED`, (dueAt) => ship(id, dueAt))
 * tenant.timers.cancel(`order:${id}`) // the order was canceled
 */
export function createTimers(clock: Clock) {
  // Key → the step planned for it. A step that has run is forgotten lazily, when its key is next
  // planned, cancelled or read, instead of by a wrapper around every task: a tenant with 100k
  // orders keeps 100k planned steps, and each wrapper was a closure and a context more.
  const planned = new Map<string, ScheduledTask>()
  const current = (key: string): ScheduledTask | undefined => {
    const task = planned.get(key)
    if (task === undefined || clock.isPending(task)) return task
    planned.delete(key)
    return undefined
  }
  const cancel = (key: string) => {
    const task = current(key)
    if (!task) return false
    planned.delete(key)
    clock.cancel(task)
    return true
  }
  return {
    /** Plan `task` for `key` at `at` (ms), replacing whatever was planned for it. */
    plan(key: string, at: number, label: string, task: ClockTask): ScheduledTask {
      cancel(key)
      const scheduled = clock.schedule(at, label, task)
      planned.set(key, scheduled)
      return scheduled
    },
    /** Drop the step planned for `key`; `false` when nothing was. */
    cancel,
    /** The step planned for `key`, if it has not run yet. */
    get: current,
    /** How many keys have a step still to run. */
    size() {
      let n = 0
      for (const key of [...planned.keys()]) if (current(key)) n++
      return n
    },
  }
}
export type Timers = ReturnType<typeof createTimers>
