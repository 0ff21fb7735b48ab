import { describe, expect, test, vi } from 'vitest'
import { createContainer } from './container.ts'
import { type Dependency, dependency, fresh } from './dependency.ts'
import { DependencyError } from './dependency-error.ts'

function deferred<TValue = void>() {
  let resolve!: (value: TValue) => void
  const promise = new Promise<TValue>((settle) => {
    resolve = settle
  })
  return { promise, resolve }
}

/** A fake resource whose open count must come back to zero. */
function resources() {
  const state = { open: 0, opened: 0, closed: 0 }
  return {
    state,
    open() {
      state.open++
      state.opened++
    },
    close() {
      state.open--
      state.closed++
    },
  }
}

describe('teardown', () => {
  test('runs generator teardowns and onCleanup callbacks once, newest first, on close', async () => {
    const log: string[] = []
    const db = dependency(function* db() {
      log.push('open db')
      try {
        yield 'db'
      } finally {
        log.push('close db')
      }
    })
    const repo = dependency({ uses: { db } }, function repo({ db }, { onCleanup }) {
      log.push('open repo')
      onCleanup(() => log.push('close repo'))
      return `${db}+repo`
    })
    const session = dependency({ uses: { repo } }, async function* session({ repo }) {
      log.push('open session')
      try {
        yield `${repo}+session`
      } finally {
        log.push('close session')
      }
    })
    const container = createContainer()
    const scope = container.createScope()
    expect(await container.plan({ session }).resolve(scope)).toEqual({
      session: 'db+repo+session',
    })
    expect(log).toEqual(['open db', 'open repo', 'open session'])
    expect(scope.pendingCleanups).toBe(3)

    await scope.close()
    expect(log).toEqual([
      'open db',
      'open repo',
      'open session',
      'close session',
      'close repo',
      'close db',
    ])
    expect(scope.pendingCleanups).toBe(0)
  })

  test('runs the code after yield even when it is not in a finally block', async () => {
    const log: string[] = []
    const syncResource = dependency(function* () {
      yield 'sync'
      log.push('sync teardown')
    })
    const asyncResource = dependency(async function* () {
      yield 'async'
      log.push('async teardown')
    })
    const container = createContainer()
    const scope = container.createScope()
    await container.plan({ syncResource, asyncResource }).resolve(scope)
    await scope.close()
    expect(log).toEqual(['async teardown', 'sync teardown'])
  })

  test('does nothing on a second close', async () => {
    const closes = { generator: 0, callback: 0 }
    const a = dependency(function* () {
      try {
        yield 1
      } finally {
        closes.generator++
      }
    })
    const b = dependency({ uses: { a } }, (_, { onCleanup }) => {
      onCleanup(() => closes.callback++)
    })
    const container = createContainer()
    const scope = container.createScope()
    container.plan({ b }).resolve(scope)
    await scope.close()
    await scope.close()
    expect(closes).toEqual({ generator: 1, callback: 1 })
  })

  test('has nothing to clean up for dependencies without teardown', async () => {
    const plain = dependency(() => 1)
    const container = createContainer()
    const scope = container.createScope()
    container.plan({ plain }).resolve(scope)
    expect(scope.pendingCleanups).toBe(0)
    await expect(scope.close()).resolves.toBeUndefined()
  })

  test('waits for an async teardown before starting the one registered before it', async () => {
    const log: string[] = []
    const started = deferred()
    const release = deferred()
    const first = dependency((_, { onCleanup }) => onCleanup(() => log.push('first')))
    const second = dependency({ uses: { first } }, (_, { onCleanup }) => {
      onCleanup(async () => {
        log.push('second start')
        started.resolve()
        await release.promise
        log.push('second end')
      })
    })
    const container = createContainer()
    const scope = container.createScope()
    container.plan({ second }).resolve(scope)
    const closing = scope.close()
    await started.promise
    expect(log).toEqual(['second start'])
    release.resolve()
    await closing
    expect(log).toEqual(['second start', 'second end', 'first'])
  })

  test('gives each fresh() use its own teardown', async () => {
    const fake = resources()
    const connection = dependency(function* () {
      fake.open()
      try {
        yield fake.state.opened
      } finally {
        fake.close()
      }
    })
    const container = createContainer()
    const scope = container.createScope()
    const result = container.plan({ a: connection, b: fresh(connection) }).resolve(scope)
    expect(result).toEqual({ a: 1, b: 2 })
    expect(fake.state.open).toBe(2)
    await scope.close()
    expect(fake.state).toEqual({ open: 0, opened: 2, closed: 2 })
  })

  test('runs a cleanup registered after the scope closed right away', async () => {
    const gate = deferred()
    let cleaned = 0
    const slow = dependency(async (_, { onCleanup }) => {
      await gate.promise
      onCleanup(() => cleaned++)
      return 'late'
    })
    const container = createContainer()
    const scope = container.createScope()
    const resolving = container.plan({ slow }).resolve(scope)
    await scope.close()
    expect(cleaned).toBe(0)
    gate.resolve()
    expect(await resolving).toEqual({ slow: 'late' })
    expect(cleaned).toBe(1)
    await scope.close()
    expect(cleaned).toBe(1)
  })
})

describe('teardown errors', () => {
  test('reports a failing teardown as TEARDOWN with its cause, and still runs the others', async () => {
    const log: string[] = []
    const reports: [DependencyError, Dependency][] = []
    const syncFailure = new Error('sync close failed')
    const asyncFailure = new Error('async close failed')
    const first = dependency(function* first() {
      try {
        yield 1
      } finally {
        log.push('first')
      }
    })
    const broken = dependency({ uses: { first } }, function* broken() {
      try {
        yield 2
      } finally {
        log.push('broken')
        // biome-ignore lint/correctness/noUnsafeFinally: the teardown must fail for this test
        throw syncFailure
      }
    })
    const rejecting = dependency({ uses: { broken } }, function rejecting(_, { onCleanup }) {
      onCleanup(async () => {
        log.push('rejecting')
        throw asyncFailure
      })
    })
    const last = dependency({ uses: { rejecting } }, function last(_, { onCleanup }) {
      onCleanup(() => log.push('last'))
    })
    const container = createContainer({
      onTeardownError: (error, failed) => reports.push([error, failed]),
    })
    const scope = container.createScope()
    container.plan({ last }).resolve(scope)
    await expect(scope.close()).resolves.toBeUndefined()

    expect(log).toEqual(['last', 'rejecting', 'broken', 'first'])
    expect(reports).toHaveLength(2)
    const [[rejectingError, rejectingDependency], [brokenError, brokenDependency]] = reports as [
      [DependencyError, Dependency],
      [DependencyError, Dependency],
    ]
    expect(rejectingError).toBeInstanceOf(DependencyError)
    expect(rejectingError.code).toBe('TEARDOWN')
    expect(rejectingError.message).toBe("Teardown of dependency 'rejecting' failed")
    expect(rejectingError.cause).toBe(asyncFailure)
    expect(rejectingDependency).toBe(rejecting)
    expect(brokenError).toBeInstanceOf(DependencyError)
    expect(brokenError.code).toBe('TEARDOWN')
    expect(brokenError.message).toBe("Teardown of dependency 'broken' failed")
    expect(brokenError.cause).toBe(syncFailure)
    expect(brokenDependency).toBe(broken)
  })

  test('reports a generator that yields twice as a TEARDOWN error and still finishes it', async () => {
    const log: string[] = []
    const reports: DependencyError[] = []
    const twice = dependency(function* twice() {
      try {
        yield 1
        log.push('after first yield')
        yield 2
        log.push('after second yield')
      } finally {
        log.push('finally')
      }
    })
    const container = createContainer({ onTeardownError: (error) => reports.push(error) })
    const scope = container.createScope()
    expect(container.plan({ twice }).resolve(scope)).toEqual({ twice: 1 })
    await scope.close()
    expect(log).toEqual(['after first yield', 'finally'])
    expect(reports).toHaveLength(1)
    expect(reports[0]).toMatchObject({
      code: 'TEARDOWN',
      message: "Teardown of dependency 'twice' failed",
    })
    expect(reports[0]?.cause).toBeInstanceOf(DependencyError)
    expect(reports[0]?.cause).toMatchObject({
      code: 'TEARDOWN',
      message: "Dependency 'twice' yielded more than once",
    })
  })

  test('logs teardown errors with console.error when no hook is given, and never throws', async () => {
    const failure = new Error('close failed')
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const db = dependency(function db(_, { onCleanup }) {
        onCleanup(() => {
          throw failure
        })
      })
      const container = createContainer()
      const scope = container.createScope()
      container.plan({ db }).resolve(scope)
      await expect(scope.close()).resolves.toBeUndefined()
      expect(error).toHaveBeenCalledTimes(1)
      expect(error).toHaveBeenCalledWith("[brisk] Teardown of dependency 'db' failed:", failure)
    } finally {
      error.mockRestore()
    }
  })
})

describe('failures while resolving', () => {
  test('cleans up what was made before a sync dependency threw, when the caller closes', async () => {
    const fake = resources()
    const failure = new Error('user not found')
    const db = dependency(function* () {
      fake.open()
      try {
        yield 'db'
      } finally {
        fake.close()
      }
    })
    const cache = dependency({ uses: { db } }, (_, { onCleanup }) => {
      fake.open()
      onCleanup(() => fake.close())
    })
    const user = dependency({ uses: { db, cache } }, () => {
      throw failure
    })
    const container = createContainer()
    const scope = container.createScope()
    expect(() => container.plan({ user }).resolve(scope)).toThrow(failure)
    expect(fake.state.open).toBe(2)
    expect(scope.pendingCleanups).toBe(2)
    await scope.close()
    expect(fake.state).toEqual({ open: 0, opened: 2, closed: 2 })
  })

  test('cleans up what was made before an async dependency rejected, when the caller closes', async () => {
    const fake = resources()
    const failure = new Error('user not found')
    const db = dependency(async function* () {
      fake.open()
      try {
        yield 'db'
      } finally {
        fake.close()
      }
    })
    const tx = dependency({ uses: { db } }, function* () {
      fake.open()
      try {
        yield 'tx'
      } finally {
        fake.close()
      }
    })
    const user = dependency({ uses: { tx } }, async () => {
      throw failure
    })
    const after = dependency({ uses: { user } }, function* () {
      fake.open()
      yield 'never'
    })
    const container = createContainer()
    const scope = container.createScope()
    await expect(container.plan({ after }).resolve(scope)).rejects.toBe(failure)
    expect(fake.state.open).toBe(2)
    await scope.close()
    expect(fake.state).toEqual({ open: 0, opened: 2, closed: 2 })
  })

  test('fails with NO_YIELD when a generator returns without yielding', () => {
    // biome-ignore lint/correctness/useYield: the missing yield is what this test is about
    const empty = dependency(function* empty() {
      return 1
    })
    const container = createContainer()
    const scope = container.createScope()
    const resolve = () => container.plan({ empty }).resolve(scope)
    expect(resolve).toThrow(DependencyError)
    expect(resolve).toThrow(
      expect.objectContaining({
        code: 'NO_YIELD',
        message: "Dependency 'empty' returned without yielding a value",
      }),
    )
    expect(scope.pendingCleanups).toBe(0)
  })

  test('rejects with NO_YIELD when an async generator returns without yielding', async () => {
    const empty = dependency(async function* emptyAsync() {})
    const container = createContainer()
    const scope = container.createScope()
    const error = await (container.plan({ empty }).resolve(scope) as Promise<unknown>).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(DependencyError)
    expect(error).toMatchObject({
      code: 'NO_YIELD',
      message: "Dependency 'emptyAsync' returned without yielding a value",
    })
    expect(scope.pendingCleanups).toBe(0)
  })
})

describe('teardown after a failure', () => {
  test('throws the error in at the yield, and a generator that lets it through is no teardown failure', async () => {
    const log: string[] = []
    const reported: unknown[] = []
    const container = createContainer({ onTeardownError: (error) => reported.push(error) })
    const tx = dependency(async function* tx() {
      try {
        yield 1
        log.push('commit')
      } catch (error) {
        log.push(`rollback: ${(error as Error).message}`)
      }
    })
    const passthrough = dependency(async function* passthrough() {
      yield 2
    })
    const plan = container.plan({ tx, passthrough })
    const scope = container.createScope()
    await plan.resolve(scope)
    await scope.close({ error: new Error('handler failed') })
    expect(log).toEqual(['rollback: handler failed'])
    expect(reported).toEqual([])
  })
})
