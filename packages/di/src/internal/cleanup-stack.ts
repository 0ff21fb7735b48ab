import type { Dependency } from '../dependency.ts'
import { DependencyError } from '../dependency-error.ts'

/** Why a scope closes early: the request failed with `error`. */
export interface Failure {
  readonly error: unknown
}

/** A cleanup; told about the request's failure, if any. */
export type Cleanup = (failure?: Failure) => unknown

export type TeardownReporter = (error: DependencyError, dependency: Dependency) => void

/**
 * Cleanups in registration order, run once in reverse. A failing cleanup is reported and the
 * others still run: a teardown error never stops another resource from being released.
 */
export class CleanupStack {
  #entries: [Dependency, Cleanup][] = []
  #closed = false
  readonly #report: TeardownReporter

  constructor(report: TeardownReporter) {
    this.#report = report
  }

  get size(): number {
    return this.#entries.length
  }

  push(dependency: Dependency, cleanup: Cleanup): void {
    if (this.#closed) {
      // Registered after close (a dependency still running when the scope ended): release now.
      void this.#run(dependency, cleanup)
      return
    }
    this.#entries.push([dependency, cleanup])
  }

  /** Runs every cleanup, newest first; later calls do nothing. */
  async close(failure?: Failure): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    const entries = this.#entries
    this.#entries = []
    for (let index = entries.length - 1; index >= 0; index--) {
      const [dependency, cleanup] = entries[index]!
      try {
        await cleanup(failure)
      } catch (error) {
        this.#fail(dependency, error)
      }
    }
  }

  async #run(dependency: Dependency, cleanup: Cleanup): Promise<void> {
    try {
      await cleanup()
    } catch (error) {
      this.#fail(dependency, error)
    }
  }

  #fail(dependency: Dependency, error: unknown): void {
    const message = `Teardown of dependency '${dependency.name}' failed`
    this.#report(new DependencyError('TEARDOWN', message, { cause: error }), dependency)
  }
}
