import type { Dependency, DependencyContext } from '../dependency.ts'
import { DependencyError } from '../dependency-error.ts'

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

/** Resumes a generator after its `yield` so its teardown code runs (as FastAPI does). */
async function finishGenerator(
  dependency: Dependency,
  generator: AsyncGenerator<unknown> | Generator<unknown>,
): Promise<void> {
  const step = await generator.next()
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
    context.onCleanup(() => finishGenerator(dependency, generator))
    return step.value
  }
  const first = generator.next()
  return first instanceof Promise ? first.then(settle) : settle(first as Step)
}
