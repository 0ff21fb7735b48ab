import { describe, expect, test } from 'vitest'
import { createContainer } from './container.ts'
import { type DependencyContext, dependency } from './dependency.ts'

function deferred<TValue = void>() {
  let resolve!: (value: TValue) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<TValue>((settle, fail) => {
    resolve = settle
    reject = fail
  })
  return { promise, resolve, reject }
}

/** A seeded generator (mulberry32), so a failing interleaving can be replayed. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state)
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** Waits a number of microtask turns: an async delay without timers. */
async function turns(count: number) {
  for (let turn = 0; turn < count; turn++) await Promise.resolve()
}

describe('app scope', () => {
  test('makes an app-scoped value once and shares it across scopes', () => {
    let runs = 0
    const settings = dependency({ scope: 'app' }, () => ({ run: ++runs }))
    const user = dependency({ uses: { settings } }, ({ settings }) => settings)
    const container = createContainer()
    const plan = container.plan({ user, settings })
    const first = plan.resolve(container.createScope())
    const second = container.plan({ settings }).resolve(container.createScope())
    expect(first).toEqual({ user: { run: 1 }, settings: { run: 1 } })
    expect(second).toEqual({ settings: { run: 1 } })
    expect((first as { settings: unknown }).settings).toBe(
      (second as { settings: unknown }).settings,
    )
    expect(runs).toBe(1)
  })

  test('makes an app-scoped value once for concurrent first uses', async () => {
    let runs = 0
    const gate = deferred()
    const pool = dependency({ scope: 'app' }, async () => {
      runs++
      await gate.promise
      return { pool: runs }
    })
    const container = createContainer()
    const plan = container.plan({ pool })
    const pending = [1, 2, 3].map(() => plan.resolve(container.createScope()))
    gate.resolve()
    const results = await Promise.all(pending)
    expect(results).toEqual([{ pool: { pool: 1 } }, { pool: { pool: 1 } }, { pool: { pool: 1 } }])
    expect(results[0]?.pool).toBe(results[2]?.pool)
    expect(runs).toBe(1)
  })

  test('resolves synchronously once an async app-scoped value has been made', async () => {
    const pool = dependency({ scope: 'app' }, async () => 'pool')
    const user = dependency({ uses: { pool } }, ({ pool }) => `${pool} user`)
    const container = createContainer()
    const plan = container.plan({ user })
    const first = plan.resolve(container.createScope())
    expect(first).toBeInstanceOf(Promise)
    expect(await first).toEqual({ user: 'pool user' })
    const second = plan.resolve(container.createScope())
    expect(second).not.toBeInstanceOf(Promise)
    expect(second).toEqual({ user: 'pool user' })
  })

  test('gives 1,000 concurrent scopes one app value and each its own request values', async () => {
    const count = 1_000
    const next = random(20_240_601)
    const appGate = deferred()
    let appRuns = 0
    const pool = dependency({ scope: 'app' }, async function* pool() {
      appRuns++
      await appGate.promise
      yield { name: 'pool' }
    })
    const gates = Array.from({ length: count }, () => deferred())
    const closed: number[] = []
    let sessionRuns = 0
    const session = dependency(
      { uses: { pool } },
      async function* session({ pool }, { inputs }: DependencyContext<number>) {
        sessionRuns++
        await gates[inputs]!.promise
        await turns(Math.floor(next() * 8))
        try {
          yield { scope: inputs, pool }
        } finally {
          closed.push(inputs)
        }
      },
    )
    const greeting = dependency(
      { uses: { session } },
      async ({ session }, { inputs }: DependencyContext<number>) => {
        await turns(Math.floor(next() * 8))
        return { scope: inputs, session }
      },
    )
    const container = createContainer()
    const plan = container.plan({ greeting, session, pool })
    const scopes = Array.from({ length: count }, (_, index) => container.createScope(index))
    const pending = scopes.map((scope) => plan.resolve(scope))

    const order = Array.from({ length: count }, (_, index) => index)
    for (let index = count - 1; index > 0; index--) {
      const other = Math.floor(next() * (index + 1))
      ;[order[index], order[other]] = [order[other]!, order[index]!]
    }
    // Half the requests are released before the app value exists, half after.
    for (const index of order.slice(0, count / 2)) gates[index]!.resolve()
    await turns(3)
    appGate.resolve()
    for (const index of order.slice(count / 2)) gates[index]!.resolve()
    const results = await Promise.all(pending)

    expect(appRuns).toBe(1)
    expect(sessionRuns).toBe(count)
    const shared = results[0]!.pool
    expect(shared).toEqual({ name: 'pool' })
    results.forEach((result, index) => {
      expect(result.pool).toBe(shared)
      expect(result.session).toEqual({ scope: index, pool: shared })
      expect(result.greeting.scope).toBe(index)
      expect(result.greeting.session).toBe(result.session)
    })
    expect(new Set(results.map((result) => result.session)).size).toBe(count)

    for (const [index, scope] of scopes.entries()) {
      expect(scope.pendingCleanups).toBe(1)
      await scope.close()
      expect(closed).toEqual([index])
      closed.length = 0
    }
  })

  test('does not tear down app-scoped values when a request scope closes', async () => {
    const log: string[] = []
    const pool = dependency({ scope: 'app' }, function* () {
      try {
        yield 'pool'
      } finally {
        log.push('close pool')
      }
    })
    const container = createContainer()
    const scope = container.createScope()
    container.plan({ pool }).resolve(scope)
    expect(scope.pendingCleanups).toBe(0)
    await scope.close()
    expect(log).toEqual([])
    await container.dispose()
    expect(log).toEqual(['close pool'])
  })

  test('tries a failing sync app factory again on the next use', () => {
    let runs = 0
    const failure = new Error('database down')
    const pool = dependency({ scope: 'app' }, () => {
      runs++
      if (runs === 1) throw failure
      return 'pool'
    })
    const container = createContainer()
    const plan = container.plan({ pool })
    expect(() => plan.resolve(container.createScope())).toThrow(failure)
    expect(plan.resolve(container.createScope())).toEqual({ pool: 'pool' })
    expect(plan.resolve(container.createScope())).toEqual({ pool: 'pool' })
    expect(runs).toBe(2)
  })

  test('shares a failing async app factory’s rejection, then tries again on the next use', async () => {
    let runs = 0
    const gate = deferred()
    const failure = new Error('database down')
    const pool = dependency({ scope: 'app' }, async () => {
      runs++
      if (runs === 1) {
        await gate.promise
        throw failure
      }
      return 'pool'
    })
    const container = createContainer()
    const plan = container.plan({ pool })
    const first = plan.resolve(container.createScope())
    const second = plan.resolve(container.createScope())
    gate.resolve()
    await expect(first).rejects.toBe(failure)
    await expect(second).rejects.toBe(failure)
    expect(runs).toBe(1)
    expect(await plan.resolve(container.createScope())).toEqual({ pool: 'pool' })
    expect(runs).toBe(2)
  })

  test('makes app-scoped dependencies used by other app-scoped ones once, with their values', async () => {
    const runs = { settings: 0, pool: 0 }
    const settings = dependency({ scope: 'app' }, async () => {
      runs.settings++
      return { dsn: 'memory:' }
    })
    const pool = dependency({ scope: 'app', uses: { settings } }, ({ settings }) => {
      runs.pool++
      return `pool(${settings.dsn})`
    })
    const cache = dependency({ scope: 'app', uses: { settings } }, ({ settings }) => settings)
    const container = createContainer()
    const result = await container.plan({ pool, cache }).resolve(container.createScope())
    expect(result).toEqual({ pool: 'pool(memory:)', cache: { dsn: 'memory:' } })
    expect(runs).toEqual({ settings: 1, pool: 1 })
  })

  test('keeps app values apart between containers', () => {
    let runs = 0
    const settings = dependency({ scope: 'app' }, () => ++runs)
    const one = createContainer()
    const two = createContainer()
    expect(one.plan({ settings }).resolve(one.createScope())).toEqual({ settings: 1 })
    expect(two.plan({ settings }).resolve(two.createScope())).toEqual({ settings: 2 })
    expect(one.plan({ settings }).resolve(one.createScope())).toEqual({ settings: 1 })
  })
})

describe('container.dispose', () => {
  test('runs app teardowns once, newest first', async () => {
    const log: string[] = []
    const settings = dependency({ scope: 'app' }, function* () {
      try {
        yield 'settings'
      } finally {
        log.push('settings')
      }
    })
    const pool = dependency({ scope: 'app', uses: { settings } }, async function* () {
      try {
        yield 'pool'
      } finally {
        log.push('pool')
      }
    })
    const cache = dependency({ scope: 'app', uses: { pool } }, (_, { onCleanup }) => {
      onCleanup(() => log.push('cache'))
      return 'cache'
    })
    const container = createContainer()
    expect(await container.plan({ cache }).resolve(container.createScope())).toEqual({
      cache: 'cache',
    })
    expect(log).toEqual([])
    await container.dispose()
    expect(log).toEqual(['cache', 'pool', 'settings'])
    await container.dispose()
    expect(log).toEqual(['cache', 'pool', 'settings'])
  })

  test('makes a new value on the next use after dispose', async () => {
    let runs = 0
    const closed: number[] = []
    const pool = dependency({ scope: 'app' }, function* () {
      const run = ++runs
      try {
        yield { run }
      } finally {
        closed.push(run)
      }
    })
    const container = createContainer()
    const plan = container.plan({ pool })
    const before = plan.resolve(container.createScope())
    await container.dispose()
    const after = plan.resolve(container.createScope())
    expect(before).toEqual({ pool: { run: 1 } })
    expect(after).toEqual({ pool: { run: 2 } })
    expect(closed).toEqual([1])
    await container.dispose()
    expect(closed).toEqual([1, 2])
  })

  test('waits for an app value still being made, then tears it down', async () => {
    const gate = deferred()
    const log: string[] = []
    const pool = dependency({ scope: 'app' }, async function* () {
      await gate.promise
      try {
        yield 'pool'
      } finally {
        log.push('close pool')
      }
    })
    const container = createContainer()
    const resolving = container.plan({ pool }).resolve(container.createScope())
    const disposing = container.dispose()
    gate.resolve()
    await disposing
    expect(await resolving).toEqual({ pool: 'pool' })
    expect(log).toEqual(['close pool'])
  })

  test('never hands out a value torn down by a dispose that ran while it was being made', async () => {
    const gate = deferred()
    const torn: object[] = []
    const pool = dependency({ scope: 'app' }, async function* () {
      await gate.promise
      const value = { pool: true }
      try {
        yield value
      } finally {
        torn.push(value)
      }
    })
    const container = createContainer()
    const plan = container.plan({ pool })
    const disposing = container.dispose()
    const during = plan.resolve(container.createScope())
    gate.resolve()
    await disposing
    await during
    const { pool: next } = await plan.resolve(container.createScope())
    expect(torn).not.toContain(next)
  })

  test('reports a failing app teardown and still runs the others', async () => {
    const log: string[] = []
    const failure = new Error('flush failed')
    const reports: unknown[] = []
    const first = dependency({ scope: 'app' }, function first(_, { onCleanup }) {
      onCleanup(() => log.push('first'))
    })
    const second = dependency({ scope: 'app', uses: { first } }, function second(_, context) {
      context.onCleanup(() => {
        throw failure
      })
    })
    const container = createContainer({
      onTeardownError: (error, failed) => reports.push([error.code, error.cause, failed]),
    })
    container.plan({ second }).resolve(container.createScope())
    await container.dispose()
    expect(log).toEqual(['first'])
    expect(reports).toEqual([['TEARDOWN', failure, second]])
  })
})

describe('container.start', () => {
  test('makes eager app-scoped dependencies known to a plan, and no others', async () => {
    const made: string[] = []
    const settings = dependency({ scope: 'app' }, function settings() {
      made.push('settings')
      return 'settings'
    })
    const pool = dependency({ scope: 'app', eager: true, uses: { settings } }, async () => {
      made.push('pool')
      return 'pool'
    })
    const lazy = dependency({ scope: 'app' }, () => made.push('lazy'))
    const unplanned = dependency({ scope: 'app', eager: true }, () => made.push('unplanned'))
    const container = createContainer()
    const plan = container.plan({ pool, lazy })
    expect(made).toEqual([])
    await container.start()
    expect(made).toEqual(['settings', 'pool'])
    expect(await plan.resolve(container.createScope())).toEqual({ pool: 'pool', lazy: 3 })
    expect(made).toEqual(['settings', 'pool', 'lazy'])
    expect(unplanned.eager).toBe(true)
  })

  test('finds eager dependencies used deep in a request graph', async () => {
    let runs = 0
    const pool = dependency({ scope: 'app', eager: true }, () => ++runs)
    const repo = dependency({ uses: { pool } }, ({ pool }) => pool)
    const user = dependency({ uses: { repo } }, ({ repo }) => repo)
    const container = createContainer()
    container.plan({ user })
    await container.start()
    expect(runs).toBe(1)
  })

  test('makes an eager value again on start after dispose', async () => {
    let runs = 0
    const pool = dependency({ scope: 'app', eager: true }, () => ++runs)
    const container = createContainer()
    const plan = container.plan({ pool })
    await container.start()
    await container.start()
    expect(runs).toBe(1)
    await container.dispose()
    await container.start()
    expect(runs).toBe(2)
    expect(plan.resolve(container.createScope())).toEqual({ pool: 2 })
  })

  test('finds eager dependencies used by app-scoped ones', async () => {
    let runs = 0
    const settings = dependency({ scope: 'app', eager: true }, () => ++runs)
    const pool = dependency({ scope: 'app', uses: { settings } }, ({ settings }) => settings)
    const container = createContainer()
    container.plan({ pool })
    await container.start()
    expect(runs).toBe(1)
  })

  test('makes the original eager dependency, not a replacement, once the override is undone', async () => {
    const made: string[] = []
    const pool = dependency({ scope: 'app', eager: true }, () => made.push('real'))
    const fakePool = dependency({ scope: 'app', eager: true }, () => made.push('fake'))
    const container = createContainer()
    const undo = container.override(pool, fakePool)
    container.plan({ pool })
    undo()
    await container.start()
    expect(made).toEqual(['real'])
  })

  test('rejects with the error of a failing eager dependency', async () => {
    const failure = new Error('cannot connect')
    const pool = dependency({ scope: 'app', eager: true }, () => {
      throw failure
    })
    const container = createContainer()
    container.plan({ pool })
    await expect(container.start()).rejects.toBe(failure)
  })
})
