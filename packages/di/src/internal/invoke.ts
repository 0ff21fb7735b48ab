import type { Dependency, DependencyContext } from '../dependency.ts'
import type { CleanupStack } from './cleanup-stack.ts'
import { isGenerator, type Suspended, yielded } from './generator.ts'

/**
 * Calls a dependency's factory. For a generator, runs it to its first `yield` and keeps it on the
 * stack for teardown; sync results stay sync. An async generator still starting comes back as a
 * `Starting`, not a promise.
 */
export function invoke(
  dependency: Dependency,
  deps: Record<string, unknown>,
  inputs: unknown,
  env: unknown,
  stack: CleanupStack,
): unknown {
  const context: DependencyContext = {
    inputs,
    env,
    onCleanup: (cleanup) => stack.push(dependency, cleanup),
  }
  const result = dependency.factory(deps, context)
  return isGenerator(result) ? start(dependency, result, stack) : result
}

function start(dependency: Dependency, generator: Suspended, stack: CleanupStack): unknown {
  const first = generator.next()
  if (!(first instanceof Promise)) return keep(dependency, generator, first, stack)
  return new Starting(first, dependency, generator, stack)
}

/**
 * An async generator dependency on its way to its first `yield`. The resolution that started it
 * awaits `first` and calls `settle` itself: one microtask turn, where a `first.then(settle)`
 * wrapper would cost two. Anyone else (another resolution in the scope, the app scope) gets
 * `promise`. `settle` runs once, whoever calls it first.
 */
export class Starting {
  readonly first: Promise<IteratorResult<unknown, unknown>>
  readonly #dependency: Dependency
  readonly #generator: Suspended
  readonly #stack: CleanupStack
  #state: 'pending' | 'value' | 'error' = 'pending'
  #result: unknown = undefined
  #promise: Promise<unknown> | undefined = undefined

  constructor(
    first: Promise<IteratorResult<unknown, unknown>>,
    dependency: Dependency,
    generator: Suspended,
    stack: CleanupStack,
  ) {
    this.first = first
    this.#dependency = dependency
    this.#generator = generator
    this.#stack = stack
  }

  settle(step: IteratorResult<unknown, unknown>): unknown {
    if (this.#state === 'pending') {
      try {
        this.#result = keep(this.#dependency, this.#generator, step, this.#stack)
        this.#state = 'value'
      } catch (error) {
        this.#result = error
        this.#state = 'error'
      }
    }
    if (this.#state === 'error') throw this.#result
    return this.#result
  }

  get promise(): Promise<unknown> {
    if (this.#promise === undefined) this.#promise = this.first.then((step) => this.settle(step))
    return this.#promise
  }
}

function keep(
  dependency: Dependency,
  generator: Suspended,
  step: IteratorResult<unknown, unknown>,
  stack: CleanupStack,
): unknown {
  const value = yielded(dependency, step)
  stack.push(dependency, generator)
  return value
}
