import type { Dependency, DependencyContext } from '../dependency.ts'
import type { CleanupStack } from './cleanup-stack.ts'
import { isGenerator, type Suspended, yielded } from './generator.ts'

/** What a dependency receives besides its values; `onCleanup` is only made for those that ask. */
export class Context implements DependencyContext {
  readonly inputs: unknown
  readonly #stack: CleanupStack
  readonly #dependency: Dependency

  constructor(inputs: unknown, stack: CleanupStack, dependency: Dependency) {
    this.inputs = inputs
    this.#stack = stack
    this.#dependency = dependency
  }

  // A getter, so a dependency that never registers a cleanup costs no closure per request.
  get onCleanup(): DependencyContext['onCleanup'] {
    return (cleanup) => this.#stack.push(this.#dependency, cleanup)
  }
}

/**
 * Calls a dependency's factory. For a generator, runs it to its first `yield` and keeps it on the
 * stack for teardown; sync results stay sync.
 */
export function invoke(
  dependency: Dependency,
  deps: Record<string, unknown>,
  inputs: unknown,
  stack: CleanupStack,
): unknown {
  const result = dependency.factory(deps, new Context(inputs, stack, dependency))
  return isGenerator(result) ? start(dependency, result, stack) : result
}

function start(dependency: Dependency, generator: Suspended, stack: CleanupStack): unknown {
  const first = generator.next()
  if (!(first instanceof Promise)) return keep(dependency, generator, first, stack)
  return first.then((step) => keep(dependency, generator, step, stack))
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
