import type { Dependency, DependencyContext } from '../dependency.ts'
import { DependencyError } from '../dependency-error.ts'
import type { Failure } from './cleanup-stack.ts'

type Step = IteratorResult<unknown, unknown>

const GENERATOR_TAGS = new Set(['[object AsyncGenerator]', '[object Generator]'])

/** Generator objects, whether from a generator function or returned by a plain one. */
function isGenerator(value: unknown): value is AsyncGenerator<unknown> | Generator<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { next?: unknown }).next === 'function' &&
    GENERATOR_TAGS.has(Object.prototype.toString.call(value))
  )
}

/**
 * Finishes a generator after its `yield`, as FastAPI does: resumed when the request succeeded, so
 * the code after `yield` runs; with the request's error thrown in at the `yield` when it failed,
 * so `try { yield tx; await tx.commit() } catch { await tx.rollback() }` rolls back. A generator
 * that lets that error through is not a teardown failure.
 */
async function finishGenerator(
  dependency: Dependency,
  generator: AsyncGenerator<unknown> | Generator<unknown>,
  failure: Failure | undefined,
): Promise<void> {
  let step: Step
  try {
    step = await (failure ? generator.throw(failure.error) : generator.next())
  } catch (error) {
    if (failure && error === failure.error) return
    throw error
  }
  if (step.done) return
  await generator.return(undefined)
  throw new DependencyError('TEARDOWN', `Dependency '${dependency.name}' yielded more than once`)
}

/**
 * Calls a dependency's factory. For a generator, runs it to its first `yield` and registers the
 * rest as the cleanup; sync results stay sync.
 */
export function invoke(
  dependency: Dependency,
  deps: Record<string, unknown>,
  context: DependencyContext,
): unknown {
  const result = dependency.factory(deps, context)
  if (!isGenerator(result)) return result
  const generator = result
  const settle = (step: Step) => {
    if (step.done) {
      throw new DependencyError(
        'NO_YIELD',
        `Dependency '${dependency.name}' returned without yielding a value`,
      )
    }
    context.onCleanup((failure) => finishGenerator(dependency, generator, failure))
    return step.value
  }
  const first = generator.next()
  return first instanceof Promise ? first.then(settle) : settle(first as Step)
}
