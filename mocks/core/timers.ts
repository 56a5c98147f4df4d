import type { Clock, ScheduledTask, TaskKind } from './clock.ts'

/**
 * A kind of entity step (an order's next status), declared once by a vendor: what the clock
 * listing shows for it and what it does when due. `owner` is what the steps were opened with
 * (the tenant); `key` is the entity's id (a string or a number) and `arg` what the step was
 * planned with.
 * @example
 * const ORDER_STEP: StepKind<DigipixTenant, OrderStatus> = {
 *   label: (id, from) => `digipix order ${id} → ${NEXT[from]}`,
 *   run: (tenant, id, from, dueAt) => advanceOrder(tenant, id, from, dueAt),
 * }
 */
export interface StepKind<O, A, K extends string | number = string> {
  label(key: K, arg: A): string
  run(owner: O, key: K, arg: A, dueAt: number): void | Promise<void>
}

/** The steps of one kind on a tenant clock: at most one pending step per entity. */
export interface Steps<A, K extends string | number = string> {
  /** Plan the step of `key` at `at` (ms), replacing whatever was planned for it. */
  plan(key: K, at: number, arg: A): ScheduledTask
  /** Drop the step planned for `key`; `false` when nothing was. */
  cancel(key: K): boolean
  /** The step planned for `key`, if it has not run yet. */
  get(key: K): ScheduledTask | undefined
  /** How many entities have a step still to run. */
  size(): number
}

/**
 * Entity timers on a tenant clock: per kind of step, at most one pending step per entity, so
 * planning an entity's next step replaces the one planned before. Lifecycles use this instead
 * of keeping their own task maps.
 *
 * A planned step is one queue entry and one map entry: the kind's `run` and `label` are shared
 * by every entity (a tenant with 100k orders keeps 100k planned steps, and a closure, a label
 * and a key string for each cost more than the order's own record).
 * @example
 * const steps = tenant.timers.of(ORDER_STEP, tenant)
 * steps.plan(order.id, at, order.status)
 * steps.cancel(order.id) // the order was canceled
 */
export function createTimers(clock: Clock) {
  const kinds = new Map<StepKind<any, any, any>, Steps<any, any>>()

  const open = <O, A, K extends string | number>(
    kind: StepKind<O, A, K>,
    owner: O,
  ): Steps<A, K> => {
    const clockKind: TaskKind<A, K> = {
      label: kind.label,
      run: (key, arg, dueAt) => kind.run(owner, key, arg, dueAt),
    }
    // Key → the step planned for it. A step that has run is forgotten lazily, when its key is
    // next planned, cancelled or read, instead of by a wrapper around every task.
    const planned = new Map<K, ScheduledTask>()
    const current = (key: K): ScheduledTask | undefined => {
      const task = planned.get(key)
      if (task === undefined || clock.isPending(task)) return task
      planned.delete(key)
      return undefined
    }
    const cancel = (key: K) => {
      const task = current(key)
      if (!task) return false
      planned.delete(key)
      clock.cancel(task)
      return true
    }
    return {
      plan(key, at, arg) {
        cancel(key)
        const scheduled = clock.scheduleKind(at, clockKind, key, arg)
        planned.set(key, scheduled)
        return scheduled
      },
      cancel,
      get: current,
      size() {
        let n = 0
        for (const key of [...planned.keys()]) if (current(key)) n++
        return n
      },
    }
  }

  return {
    /** The steps of `kind`, opened for `owner` on first use (later calls return the same steps). */
    of<O, A, K extends string | number>(kind: StepKind<O, A, K>, owner: O): Steps<A, K> {
      let steps = kinds.get(kind)
      if (!steps) kinds.set(kind, (steps = open(kind, owner)))
      return steps as Steps<A, K>
    },
    /** How many entities, of every kind, have a step still to run. */
    size() {
      let n = 0
      for (const steps of kinds.values()) n += steps.size()
      return n
    },
  }
}
export type Timers = ReturnType<typeof createTimers>
