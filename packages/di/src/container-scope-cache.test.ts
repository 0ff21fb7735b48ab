import { describe, expect, test } from 'vitest'
import { createContainer } from './container.ts'
import { dependency, fresh } from './dependency.ts'

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((settle) => {
    resolve = settle
  })
  return { promise, resolve }
}

describe('the per-scope cache across plans', () => {
  test('keeps an undefined value: the dependency does not run again in the scope', () => {
    let runs = 0
    const nothing = dependency(() => {
      runs++
      return undefined
    })
    const container = createContainer()
    const scope = container.createScope()
    expect(container.plan({ nothing }).resolve(scope)).toEqual({ nothing: undefined })
    expect(container.plan({ again: nothing }).resolve(scope)).toEqual({ again: undefined })
    expect(runs).toBe(1)
  })

  test('runs a dependency that threw again in the next plan of the scope', () => {
    let runs = 0
    const flaky = dependency(() => {
      runs++
      if (runs === 1) throw new Error('first run fails')
      return runs
    })
    const container = createContainer()
    const scope = container.createScope()
    expect(() => container.plan({ flaky }).resolve(scope)).toThrow('first run fails')
    expect(container.plan({ again: flaky }).resolve(scope)).toEqual({ again: 2 })
  })

  test('never hands a fresh() value to a later plan of the scope', () => {
    let runs = 0
    const nonce = dependency(() => ++runs)
    const container = createContainer()
    const scope = container.createScope()
    expect(container.plan({ once: fresh(nonce) }).resolve(scope)).toEqual({ once: 1 })
    expect(container.plan({ cached: nonce }).resolve(scope)).toEqual({ cached: 2 })
    expect(container.plan({ again: nonce }).resolve(scope)).toEqual({ again: 2 })
  })

  test('finds values made by any earlier plan, not only the first', () => {
    let aRuns = 0
    let bRuns = 0
    const a = dependency(() => ++aRuns)
    const b = dependency(() => ++bRuns)
    const both = dependency({ uses: { a, b } }, ({ a, b }) => `${a}/${b}`)
    const container = createContainer()
    const scope = container.createScope()
    container.plan({ a }).resolve(scope)
    container.plan({ b }).resolve(scope)
    expect(container.plan({ both }).resolve(scope)).toEqual({ both: '1/1' })
    expect(aRuns).toBe(1)
    expect(bRuns).toBe(1)
  })

  test('shares an async generator still starting with a concurrent plan: opened and closed once', async () => {
    const gate = deferred()
    const log: string[] = []
    const connection = dependency(async function* () {
      log.push('open')
      await gate.promise
      try {
        yield { id: 1 }
      } finally {
        log.push('close')
      }
    })
    const user = dependency({ uses: { connection } }, ({ connection }) => ({ of: connection }))
    const container = createContainer()
    const scope = container.createScope()
    const first = container.plan({ connection }).resolve(scope)
    const second = container.plan({ user }).resolve(scope)
    gate.resolve()
    const [a, b] = await Promise.all([first, second])
    expect(b.user.of).toBe(a.connection)
    expect(scope.pendingCleanups).toBe(1)
    await scope.close()
    expect(log).toEqual(['open', 'close'])
  })

  test('shares an async generator still starting between later plans too (after a first one)', async () => {
    const gate = deferred()
    let opened = 0
    let closed = 0
    const other = dependency(() => 'other')
    const connection = dependency(async function* () {
      opened++
      await gate.promise
      try {
        yield { id: opened }
      } finally {
        closed++
      }
    })
    const user = dependency({ uses: { connection } }, ({ connection }) => ({ of: connection }))
    const container = createContainer()
    const scope = container.createScope()
    expect(container.plan({ other }).resolve(scope)).toEqual({ other: 'other' })
    const second = container.plan({ connection }).resolve(scope)
    const third = container.plan({ user }).resolve(scope)
    gate.resolve()
    const [a, b] = await Promise.all([second, third])
    expect(b.user.of).toBe(a.connection)
    expect(opened).toBe(1)
    await scope.close()
    expect(closed).toBe(1)
  })

  test('shares a rejection with a concurrent plan, and runs nothing twice', async () => {
    const gate = deferred()
    let runs = 0
    const failing = dependency(async () => {
      runs++
      await gate.promise
      throw new Error('lookup failed')
    })
    const container = createContainer()
    const scope = container.createScope()
    const first = container.plan({ failing }).resolve(scope)
    const second = container.plan({ again: failing }).resolve(scope)
    gate.resolve()
    await expect(first).rejects.toThrow('lookup failed')
    await expect(second).rejects.toThrow('lookup failed')
    expect(runs).toBe(1)
  })
})

describe('teardown of mixed cleanups', () => {
  test('runs sync, async and generator teardowns newest first, each awaited before the next', async () => {
    const log: string[] = []
    const tick = () => Promise.resolve()
    const a = dependency(async function* a() {
      yield 'a'
      await tick()
      log.push('close a')
    })
    const b = dependency({ uses: { a } }, function b(_, { onCleanup }) {
      onCleanup(() => {
        log.push('close b')
      })
      return 'b'
    })
    const c = dependency({ uses: { b } }, function* c() {
      yield 'c'
      log.push('close c')
    })
    const d = dependency({ uses: { c } }, function d(_, { onCleanup }) {
      onCleanup(async () => {
        await tick()
        log.push('close d')
      })
      return 'd'
    })
    const e = dependency({ uses: { d } }, async function* e() {
      yield 'e'
      log.push('close e')
    })
    const container = createContainer()
    const scope = container.createScope()
    await container.plan({ e }).resolve(scope)
    expect(scope.pendingCleanups).toBe(5)
    await scope.close()
    expect(log).toEqual(['close e', 'close d', 'close c', 'close b', 'close a'])
    expect(scope.pendingCleanups).toBe(0)
  })

  test('throws the request error in at every generator yield, sync and async', async () => {
    const seen: unknown[] = []
    const failure = new Error('handler failed')
    const sync = dependency(function* () {
      try {
        yield 1
      } catch (error) {
        seen.push(['sync', error])
        throw error
      }
    })
    const async = dependency({ uses: { sync } }, async function* () {
      try {
        yield 2
      } catch (error) {
        seen.push(['async', error])
        throw error
      }
    })
    const errors: unknown[] = []
    const container = createContainer({ onTeardownError: (error) => errors.push(error) })
    const scope = container.createScope()
    await container.plan({ async }).resolve(scope)
    expect(await scope.close({ error: failure })).toEqual({ error: failure })
    expect(seen).toEqual([
      ['async', failure],
      ['sync', failure],
    ])
    expect(errors).toEqual([])
  })
})
