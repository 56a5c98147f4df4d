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
  const planned = new Map<string, ScheduledTask>()
  const cancel = (key: string) => {
    const task = planned.get(key)
    if (!task) return false
    planned.delete(key)
    clock.cancel(task)
    return true
  }
  return {
    /** Plan `task` for `key` at `at` (ms), replacing whatever was planned for it. */
    plan(key: string, at: number, label: string, task: ClockTask): ScheduledTask {
      cancel(key)
      const scheduled = clock.schedule(at, label, (dueAt) => {
        if (planned.get(key) === scheduled) planned.delete(key)
        return task(dueAt)
      })
      planned.set(key, scheduled)
      return scheduled
    },
    /** Drop the step planned for `key`; `false` when nothing was. */
    cancel,
    /** The step planned for `key`, if any. */
    get: (key: string): ScheduledTask | undefined => planned.get(key),
    size: () => planned.size,
  }
}
export type Timers = ReturnType<typeof createTimers>
