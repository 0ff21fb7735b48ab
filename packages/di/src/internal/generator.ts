import type { Dependency } from '../dependency.ts'
import { DependencyError } from '../dependency-error.ts'
import type { Failure } from './cleanup-stack.ts'

/** A generator dependency suspended at its `yield`: the code after it is the teardown. */
export type Suspended = AsyncGenerator<unknown> | Generator<unknown>

type Step = IteratorResult<unknown, unknown>

/**
 * Generator objects, whether from a generator function or returned by a plain one. Reads the
 * `Symbol.toStringTag` that `Object.prototype.toString` would, without building a string: this
 * runs for every value a dependency returns.
 */
export function isGenerator(value: unknown): value is Suspended {
  if (typeof value !== 'object' || value === null) return false
  const tag = (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag]
  return (
    (tag === 'AsyncGenerator' || tag === 'Generator') &&
    typeof (value as { next?: unknown }).next === 'function'
  )
}

/** The value of a generator's first step; throws when it returned without yielding. */
export function yielded(dependency: Dependency, step: Step): unknown {
  if (step.done) {
    throw new DependencyError(
      'NO_YIELD',
      `Dependency '${dependency.name}' returned without yielding a value`,
    )
  }
  return step.value
}

/**
 * Resumes a generator after its `yield` for teardown, as FastAPI does: resumed when the request
 * succeeded, so the code after `yield` runs; with the request's error thrown in at the `yield`
 * when it failed, so `try { yield tx; await tx.commit() } catch { await tx.rollback() }` rolls
 * back. Returns the step (a promise of it for async generators); `finished` checks it.
 */
export function resume(generator: Suspended, failure: Failure | undefined): Step | Promise<Step> {
  return failure ? generator.throw(failure.error) : generator.next()
}

/** A generator that lets the request's error through is not a teardown failure. */
export function passedThrough(error: unknown, failure: Failure | undefined): boolean {
  return failure !== undefined && error === failure.error
}

/** After the teardown step: a generator that yields again is closed and reported. */
export function finished(dependency: Dependency, generator: Suspended, step: Step): unknown {
  if (step.done) return undefined
  const fail = () => {
    throw new DependencyError('TEARDOWN', `Dependency '${dependency.name}' yielded more than once`)
  }
  const closed = generator.return(undefined)
  return closed instanceof Promise ? closed.then(fail) : fail()
}
