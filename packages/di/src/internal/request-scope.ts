import type { Dependency } from '../dependency.ts'
import type { Step } from './build-steps.ts'
import { CleanupStack, type TeardownReporter } from './cleanup-stack.ts'
import { Starting } from './invoke.ts'

/** What `lookup` answers for a dependency not made in the scope yet (`undefined` is a value). */
export const MISSING: unique symbol = Symbol('missing')

/**
 * One request's state: its inputs, its cleanups, and the values made in it, so a dependency runs
 * once per scope across plans. The first resolution's own values array is the cache (no map per
 * request, nothing to record while a scope sees one plan, the usual case); later resolutions
 * record theirs in a map, so lookups stay cheap however many plans a scope sees.
 */
export class ScopeState extends CleanupStack {
  readonly inputs: unknown
  readonly env: unknown
  #steps: readonly Step[] | undefined = undefined
  #values: unknown[] | undefined = undefined
  #map: Map<Dependency, unknown> | undefined = undefined

  constructor(inputs: unknown, env: unknown, report: TeardownReporter) {
    super(report)
    this.inputs = inputs
    this.env = env
  }

  /** How many cleanups are registered (none means `close()` has nothing to do). */
  get pendingCleanups(): number {
    return this.size
  }

  /**
   * Adopts a resolution's values array (filled in step order, pending ones as they are) as the
   * cache when it is the scope's first. Returns false when the resolution must `remember` instead.
   */
  track(steps: readonly Step[], values: unknown[]): boolean {
    if (this.#values !== undefined) return false
    this.#steps = steps
    this.#values = values
    return true
  }

  /** The value (or pending value) made for `dependency` in this scope, or `MISSING`. */
  lookup(dependency: Dependency, current: unknown[]): unknown {
    const first = this.#values
    if (first !== current && first !== undefined) {
      const found = find(this.#steps!, first, dependency)
      if (found !== MISSING) return found
    }
    const map = this.#map
    if (map === undefined) return MISSING
    const value = map.get(dependency)
    if (value === undefined && !map.has(dependency)) return MISSING
    return value instanceof Starting ? value.promise : value
  }

  remember(dependency: Dependency, value: unknown): void {
    if (this.#map === undefined) this.#map = new Map()
    this.#map.set(dependency, value)
  }
}

function find(steps: readonly Step[], values: unknown[], dependency: Dependency): unknown {
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!
    if (step.dependency !== dependency || step.fresh) continue
    // A hole: not made yet, or its factory threw (then it runs again, as it was never cached).
    if (!(index in values)) return MISSING
    // Another resolution's async generator still starting: share its value through a promise.
    const value = values[index]
    return value instanceof Starting ? value.promise : value
  }
  return MISSING
}
