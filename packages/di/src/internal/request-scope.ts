import type { Dependency } from '../dependency.ts'
import type { Step } from './build-steps.ts'
import { CleanupStack, type TeardownReporter } from './cleanup-stack.ts'
import { Starting } from './invoke.ts'

/** What `lookup` answers for a dependency not made in the scope yet (`undefined` is a value). */
export const MISSING: unique symbol = Symbol('missing')

/**
 * One request's state: its inputs, its cleanups, and the resolutions run in it, so a dependency
 * runs once per scope across plans. A resolution's values array is the cache: no map per request,
 * and nothing to look up while a scope has seen a single plan (the usual case).
 */
export class ScopeState extends CleanupStack {
  readonly inputs: unknown
  #steps: readonly Step[] | undefined = undefined
  #values: unknown[] | undefined = undefined
  /** Further resolutions, as flat pairs (steps, values). */
  #more: (readonly Step[] | unknown[])[] | undefined = undefined

  constructor(inputs: unknown, report: TeardownReporter) {
    super(report)
    this.inputs = inputs
  }

  /** How many cleanups are registered (none means `close()` has nothing to do). */
  get pendingCleanups(): number {
    return this.size
  }

  /** Makes a resolution's values (filled in step order, pending ones as promises) visible. */
  track(steps: readonly Step[], values: unknown[]): void {
    if (this.#values === undefined) {
      this.#steps = steps
      this.#values = values
    } else if (this.#more === undefined) {
      this.#more = [steps, values]
    } else {
      this.#more.push(steps, values)
    }
  }

  /** The value (or pending promise) another resolution made for `dependency`, or `MISSING`. */
  lookup(dependency: Dependency, current: unknown[]): unknown {
    if (this.#values !== current && this.#values !== undefined) {
      const found = find(this.#steps!, this.#values, dependency)
      if (found !== MISSING) return found
    }
    const more = this.#more
    if (more === undefined) return MISSING
    for (let index = 0; index < more.length; index += 2) {
      const values = more[index + 1] as unknown[]
      if (values === current) continue
      const found = find(more[index] as readonly Step[], values, dependency)
      if (found !== MISSING) return found
    }
    return MISSING
  }
}

function find(steps: readonly Step[], values: unknown[], dependency: Dependency): unknown {
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!
    // A hole: not made yet, or its factory threw (then it runs again, as it was never cached).
    if (step.dependency !== dependency || step.fresh) continue
    if (!(index in values)) return MISSING
    // Another resolution's async generator still starting: share its value through a promise.
    const value = values[index]
    return value instanceof Starting ? value.promise : value
  }
  return MISSING
}
