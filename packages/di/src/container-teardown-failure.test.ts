/** Tests what generator dependencies make of a request's failure: pass it, replace it, swallow it. */
import { describe, expect, test } from 'vitest'
import { createContainer } from './container.ts'
import { type Dependency, dependency } from './dependency.ts'
import { DependencyError } from './dependency-error.ts'

class OwnerError extends Error {}
class Translated extends Error {}

/** The same teardown as a sync and as an async generator: both must behave alike. */
const kinds = {
  sync: (body: (error: unknown) => void, log: string[], name: string) =>
    dependency({ name }, function* () {
      try {
        yield name
        log.push(`${name}: ok`)
      } catch (error) {
        log.push(`${name}: ${(error as Error).constructor.name}`)
        body(error)
      }
    }),
  async: (body: (error: unknown) => void, log: string[], name: string) =>
    dependency({ name }, async function* () {
      try {
        yield name
        log.push(`${name}: ok`)
      } catch (error) {
        await Promise.resolve()
        log.push(`${name}: ${(error as Error).constructor.name}`)
        body(error)
      }
    }),
}

const rethrow = (error: unknown) => {
  throw error
}
const translate = (error: unknown) => {
  if (error instanceof OwnerError) throw new Translated(`Owner error: ${error.message}`)
  throw error
}
const swallow = () => {}

/** Resolves `outer` then `inner` (inner is torn down first), closes with `error`. */
async function closeWith(error: unknown, outer: Dependency, inner: Dependency) {
  const reported: unknown[] = []
  const container = createContainer({ onTeardownError: (failure) => reported.push(failure) })
  const scope = container.createScope()
  await container.plan({ outer, inner }).resolve(scope)
  const settled = await scope.close({ error })
  return { settled, reported }
}

describe.each(Object.keys(kinds) as (keyof typeof kinds)[])('a %s generator', (kind) => {
  const make = kinds[kind]

  test('that lets the error through leaves it the request error, for older ones too', async () => {
    const log: string[] = []
    const error = new OwnerError('Rick')
    const { settled, reported } = await closeWith(
      error,
      make(rethrow, log, 'outer'),
      make(rethrow, log, 'inner'),
    )
    expect(settled).toEqual({ error })
    expect(settled?.error).toBe(error)
    expect(log).toEqual(['inner: OwnerError', 'outer: OwnerError'])
    expect(reported).toEqual([])
  })

  test('that throws another error puts it in place of the request error, not as a teardown failure', async () => {
    const log: string[] = []
    const { settled, reported } = await closeWith(
      new OwnerError('Rick'),
      make(rethrow, log, 'outer'),
      make(translate, log, 'inner'),
    )
    expect(settled?.error).toBeInstanceOf(Translated)
    expect(settled?.error).toMatchObject({ message: 'Owner error: Rick' })
    // The older generator sees the new error, as a Python exit stack would pass it on.
    expect(log).toEqual(['inner: OwnerError', 'outer: Translated'])
    expect(reported).toEqual([])
  })

  test('that swallows the error turns it into SWALLOWED, which older ones see as the failure', async () => {
    const log: string[] = []
    const error = new OwnerError('Rick')
    const { settled, reported } = await closeWith(
      error,
      make(rethrow, log, 'outer'),
      make(swallow, log, 'inner'),
    )
    expect(settled?.error).toBeInstanceOf(DependencyError)
    expect(settled?.error).toMatchObject({
      code: 'SWALLOWED',
      message:
        "Dependency 'inner' caught the request's error and neither rethrew it nor threw another",
      cause: error,
    })
    // The outer one rolls back too: the request failed, whatever the inner one did with its error.
    expect(log).toEqual(['inner: OwnerError', 'outer: DependencyError'])
    expect(reported).toEqual([])
  })

  test('resolves to undefined when the request succeeded, and reports a throwing teardown', async () => {
    const log: string[] = []
    const reported: unknown[] = []
    const container = createContainer({ onTeardownError: (failure) => reported.push(failure) })
    const failing = dependency({ name: 'failing' }, function* () {
      yield 1
      throw new Translated('after a success')
    })
    const scope = container.createScope()
    await container.plan({ outer: make(rethrow, log, 'outer'), failing }).resolve(scope)
    expect(await scope.close()).toBeUndefined()
    expect(log).toEqual(['outer: ok'])
    expect(reported).toMatchObject([{ code: 'TEARDOWN', cause: new Translated('after a success') }])
  })
})

describe('close', () => {
  test('resolves to the failure given when nothing was registered, and to undefined the second time', async () => {
    const scope = createContainer().createScope()
    const error = new Error('handler failed')
    expect(await scope.close({ error })).toEqual({ error })
    expect(await scope.close({ error })).toBeUndefined()
  })

  test('gives onCleanup callbacks the failure as the newer generators left it', async () => {
    const seen: unknown[] = []
    const outer = dependency((_, { onCleanup }) => {
      onCleanup((failure) => seen.push(failure?.error))
      return 'outer'
    })
    const inner = dependency({ uses: { outer } }, function* () {
      try {
        yield 'inner'
      } catch {
        throw new Translated('replaced')
      }
    })
    const scope = createContainer().createScope()
    await createContainer().plan({ inner }).resolve(scope)
    const settled = await scope.close({ error: new OwnerError('Rick') })
    expect(seen).toEqual([new Translated('replaced')])
    expect(settled?.error).toBe(seen[0])
  })
})
