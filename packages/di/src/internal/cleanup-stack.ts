import type { Dependency } from '../dependency.ts'
import { DependencyError } from '../dependency-error.ts'
import { finished, passedThrough, resume, type Suspended } from './generator.ts'

/** Why a scope closes early: the request failed with `error`. */
export interface Failure {
  readonly error: unknown
}

/** A cleanup; told about the request's failure, if any. */
export type Cleanup = (failure?: Failure) => unknown

export type TeardownReporter = (error: DependencyError, dependency: Dependency) => void

const DONE: Promise<void> = Promise.resolve()

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
      void this.#runFrom([dependency, cleanup], 0, undefined)
      return
    }
    if (this.#entries === undefined) this.#entries = [dependency, cleanup]
    else this.#entries.push(dependency, cleanup)
  }

  /** Runs every cleanup, newest first; later calls do nothing. */
  close(failure?: Failure): Promise<void> {
    if (this.#closed) return DONE
    this.#closed = true
    const entries = this.#entries
    this.#entries = undefined
    if (entries === undefined) return DONE
    try {
      return this.#runFrom(entries, entries.length - 2, failure) ?? DONE
    } catch (error) {
      return Promise.reject(error) // only the reporter itself throwing gets here
    }
  }

  /**
   * Runs the cleanups from `index` down, synchronously while they are sync: no async frame and
   * no microtask turn unless a cleanup is pending. Returns `undefined` once all are done.
   */
  #runFrom(
    entries: Entries,
    index: number,
    failure: Failure | undefined,
  ): Promise<void> | undefined {
    for (; index >= 0; index -= 2) {
      const pending = this.#run(entries, index, failure)
      if (pending !== undefined) return this.#drain(entries, index, pending, failure)
    }
    return undefined
  }

  /** Awaits the cleanup at `index`, then runs the rest, one await per pending cleanup. */
  async #drain(
    entries: Entries,
    index: number,
    pending: PromiseLike<unknown> | undefined,
    failure: Failure | undefined,
  ): Promise<void> {
    for (; index >= 0; index -= 2, pending = this.#run(entries, index, failure)) {
      if (pending === undefined) continue
      const dependency = entries[index] as Dependency
      const cleanup = entries[index + 1] as Cleanup | Suspended
      const generator = typeof cleanup === 'function' ? undefined : cleanup
      let settled: unknown
      try {
        // An async generator's step is awaited here, not in a wrapper: one turn, not two.
        settled = await pending
      } catch (error) {
        if (!(generator && passedThrough(error, failure))) this.#fail(dependency, error)
        continue
      }
      if (!generator) continue
      try {
        const closing = finished(dependency, generator, settled as IteratorResult<unknown>)
        if (closing instanceof Promise) await closing
      } catch (error) {
        this.#fail(dependency, error)
      }
    }
  }

  /**
   * Starts the cleanup at `index`: errors are reported, a sync generator is finished here.
   * Returns what is still pending, if anything.
   */
  #run(
    entries: Entries,
    index: number,
    failure: Failure | undefined,
  ): PromiseLike<unknown> | undefined {
    if (index < 0) return undefined
    const dependency = entries[index] as Dependency
    const cleanup = entries[index + 1] as Cleanup | Suspended
    const generator = typeof cleanup === 'function' ? undefined : cleanup
    let result: unknown
    try {
      result = generator ? resume(generator, failure) : (cleanup as Cleanup)(failure)
    } catch (error) {
      if (!(generator && passedThrough(error, failure))) this.#fail(dependency, error)
      return undefined
    }
    if (generator && !(result instanceof Promise)) {
      // A sync generator finishes here (closed synchronously if it yields again).
      try {
        finished(dependency, generator, result as IteratorResult<unknown>)
      } catch (error) {
        this.#fail(dependency, error)
      }
      return undefined
    }
    return isThenable(result) ? result : undefined
  }

  #fail(dependency: Dependency, error: unknown): void {
    const message = `Teardown of dependency '${dependency.name}' failed`
    this.#report(new DependencyError('TEARDOWN', message, { cause: error }), dependency)
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value instanceof Promise ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { then?: unknown }).then === 'function')
  )
}
