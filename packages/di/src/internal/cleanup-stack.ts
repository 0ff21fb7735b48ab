import type { Dependency } from '../dependency.ts'
import { DependencyError } from '../dependency-error.ts'
import { finished, passedThrough, resume, type Suspended } from './generator.ts'

/** Why a scope closes early: the request failed with `error`. */
export interface Failure {
  readonly error: unknown
}

/**
 * The request's failure as it travels down the stack: a generator may let it through, throw
 * another error in its place, or swallow it (then it becomes a `SWALLOWED` error).
 */
interface Outcome {
  failure: Failure | undefined
}

/** A cleanup; told about the request's failure, if any. */
export type Cleanup = (failure?: Failure) => unknown

export type TeardownReporter = (error: DependencyError, dependency: Dependency) => void

const NO_FAILURE: Promise<undefined> = Promise.resolve(undefined)

/** Flat pairs: dependency, then its cleanup. */
type Entries = readonly (Dependency | Cleanup | Suspended)[]

/**
 * Cleanups in registration order, run once in reverse. A failing cleanup is reported and the
 * others still run: a teardown error never stops another resource from being released. A
 * generator suspended at its `yield` is held as is (no closure per request) and finished here.
 */
export class CleanupStack {
  // Flat pairs (dependency, cleanup), made on the first push: most scopes register nothing.
  #entries: (Dependency | Cleanup | Suspended)[] | undefined = undefined
  #closed = false
  readonly #report: TeardownReporter

  constructor(report: TeardownReporter) {
    this.#report = report
  }

  get size(): number {
    return this.#entries === undefined ? 0 : this.#entries.length / 2
  }

  push(dependency: Dependency, cleanup: Cleanup | Suspended): void {
    if (this.#closed) {
      // Registered after close (a dependency still running when the scope ended): release now.
      void this.#runFrom([dependency, cleanup], 0, { failure: undefined })
      return
    }
    if (this.#entries === undefined) this.#entries = [dependency, cleanup]
    else this.#entries.push(dependency, cleanup)
  }

  /**
   * Runs every cleanup, newest first; later calls do nothing. Resolves to the request's failure
   * as the generators left it (see `settleFailure`): `undefined` when there was none.
   */
  close(failure?: Failure): Promise<Failure | undefined> {
    if (this.#closed) return NO_FAILURE
    this.#closed = true
    const entries = this.#entries
    this.#entries = undefined
    if (entries === undefined) return failure === undefined ? NO_FAILURE : Promise.resolve(failure)
    const outcome: Outcome = { failure }
    try {
      const pending = this.#runFrom(entries, entries.length - 2, outcome)
      return pending === undefined
        ? Promise.resolve(outcome.failure)
        : pending.then(() => outcome.failure)
    } catch (error) {
      return Promise.reject(error) // only the reporter itself throwing gets here
    }
  }

  /**
   * Runs the cleanups from `index` down, synchronously while they are sync: no async frame and
   * no microtask turn unless a cleanup is pending. Returns `undefined` once all are done.
   */
  #runFrom(entries: Entries, index: number, outcome: Outcome): Promise<void> | undefined {
    for (; index >= 0; index -= 2) {
      const pending = this.#run(entries, index, outcome)
      if (pending !== undefined) return this.#drain(entries, index, pending, outcome)
    }
    return undefined
  }

  /** Awaits the cleanup at `index`, then runs the rest, one await per pending cleanup. */
  async #drain(
    entries: Entries,
    index: number,
    pending: PromiseLike<unknown> | undefined,
    outcome: Outcome,
  ): Promise<void> {
    for (; index >= 0; index -= 2, pending = this.#run(entries, index, outcome)) {
      if (pending === undefined) continue
      const dependency = entries[index] as Dependency
      const cleanup = entries[index + 1] as Cleanup | Suspended
      const generator = typeof cleanup === 'function' ? undefined : cleanup
      const failure = outcome.failure
      let settled: unknown
      try {
        // An async generator's step is awaited here, not in a wrapper: one turn, not two.
        settled = await pending
      } catch (error) {
        if (generator) this.#threw(dependency, error, outcome)
        else this.#fail(dependency, error)
        continue
      }
      if (!generator) continue
      const step = settled as IteratorResult<unknown>
      try {
        const closing = finished(dependency, generator, step)
        if (closing instanceof Promise) await closing
      } catch (error) {
        this.#fail(dependency, error)
        continue
      }
      outcome.failure = settleFailure(dependency, failure, step)
    }
  }

  /**
   * Starts the cleanup at `index`: errors are reported, a sync generator is finished here.
   * Returns what is still pending, if anything.
   */
  #run(entries: Entries, index: number, outcome: Outcome): PromiseLike<unknown> | undefined {
    if (index < 0) return undefined
    const dependency = entries[index] as Dependency
    const cleanup = entries[index + 1] as Cleanup | Suspended
    const generator = typeof cleanup === 'function' ? undefined : cleanup
    const failure = outcome.failure
    let result: unknown
    try {
      result = generator ? resume(generator, failure) : (cleanup as Cleanup)(failure)
    } catch (error) {
      if (generator) this.#threw(dependency, error, outcome)
      else this.#fail(dependency, error)
      return undefined
    }
    if (generator && !(result instanceof Promise)) {
      // A sync generator finishes here (closed synchronously if it yields again).
      const step = result as IteratorResult<unknown>
      try {
        finished(dependency, generator, step)
      } catch (error) {
        this.#fail(dependency, error)
        return undefined
      }
      outcome.failure = settleFailure(dependency, failure, step)
      return undefined
    }
    return isThenable(result) ? result : undefined
  }

  /**
   * A generator's teardown threw. While the request is failing, that is the generator's answer to
   * the failure: the same error let through, or another in its place (FastAPI's `raise
   * HTTPException(...)` in an `except`), which older generators then see. Otherwise (the request
   * succeeded) it is a teardown failure.
   */
  #threw(dependency: Dependency, error: unknown, outcome: Outcome): void {
    if (outcome.failure === undefined) this.#fail(dependency, error)
    else if (!passedThrough(error, outcome.failure)) outcome.failure = { error }
  }

  #fail(dependency: Dependency, error: unknown): void {
    const message = `Teardown of dependency '${dependency.name}' failed`
    this.#report(new DependencyError('TEARDOWN', message, { cause: error }), dependency)
  }
}

/**
 * A generator given the request's failure that finished without throwing caught it and swallowed
 * it: the request still failed, so the failure becomes a `SWALLOWED` error (the original as its
 * `cause`) that older generators see and the caller reports, as FastAPI answers 500.
 */
function settleFailure(
  dependency: Dependency,
  failure: Failure | undefined,
  step: IteratorResult<unknown>,
): Failure | undefined {
  if (failure === undefined || !step.done) return failure
  const message = `Dependency '${dependency.name}' caught the request's error and neither rethrew it nor threw another`
  return { error: new DependencyError('SWALLOWED', message, { cause: failure.error }) }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value instanceof Promise ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { then?: unknown }).then === 'function')
  )
}
