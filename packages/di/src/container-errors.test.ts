import { describe, expect, test } from 'vitest'
import { createContainer } from './container.ts'
import { type Dependency, dependency, fresh } from './dependency.ts'
import { DependencyError } from './dependency-error.ts'

/** Runs `action` and returns what it threw, failing the test if it threw nothing. */
function thrownBy(action: () => unknown): DependencyError {
  try {
    action()
  } catch (error) {
    expect(error).toBeInstanceOf(DependencyError)
    return error as DependencyError
  }
  throw new Error('expected a DependencyError to be thrown')
}

describe('scope errors', () => {
  test('rejects an app-scoped dependency using a request-scoped one, naming the chain', () => {
    let runs = 0
    const user = dependency(function user() {
      runs++
    })
    const cache = dependency({ scope: 'app', uses: { user } }, function cache() {
      runs++
    })
    const handler = dependency({ uses: { cache } }, function handler() {
      runs++
    })
    const container = createContainer()
    const error = thrownBy(() => container.plan({ handler }))
    expect(error.code).toBe('SCOPE')
    expect(error.message).toBe(
      "App-scoped dependency 'cache' cannot use request-scoped 'user': 'handler' → 'cache' → 'user'",
    )
    expect(runs).toBe(0)
  })

  test('finds a request-scoped dependency behind several app-scoped ones', () => {
    const session = dependency(function session() {})
    const pool = dependency({ scope: 'app', uses: { session } }, function pool() {})
    const settings = dependency({ scope: 'app', uses: { pool } }, function settings() {})
    const container = createContainer()
    const error = thrownBy(() => container.plan({ settings }))
    expect(error.code).toBe('SCOPE')
    expect(error.message).toBe(
      "App-scoped dependency 'pool' cannot use request-scoped 'session': 'settings' → 'pool' → 'session'",
    )
  })

  test('rejects a request-scoped dependency used fresh by an app-scoped one', () => {
    const nonce = dependency(function nonce() {})
    const pool = dependency({ scope: 'app', uses: { nonce: fresh(nonce) } }, function pool() {})
    const container = createContainer()
    const error = thrownBy(() => container.plan({ pool }))
    expect(error.code).toBe('SCOPE')
    expect(error.message).toBe(
      "App-scoped dependency 'pool' cannot use request-scoped 'nonce': 'pool' → 'nonce'",
    )
  })

  test('allows request-scoped dependencies to use app-scoped ones', () => {
    const pool = dependency({ scope: 'app' }, () => 'pool')
    const user = dependency({ uses: { pool } }, ({ pool }) => `${pool} user`)
    const container = createContainer()
    expect(container.plan({ user }).resolve(container.createScope())).toEqual({
      user: 'pool user',
    })
  })
})

describe('cycle errors', () => {
  test('rejects two dependencies that use each other, naming the cycle', () => {
    const a: Dependency<number> = dependency(
      {
        name: 'a',
        uses: {
          get b() {
            return b
          },
        },
      },
      ({ b }) => b + 1,
    )
    const b: Dependency<number> = dependency({ name: 'b', uses: { a } }, ({ a }) => a + 1)
    const container = createContainer()
    const error = thrownBy(() => container.plan({ a }))
    expect(error.code).toBe('CYCLE')
    expect(error.message).toBe("Dependency cycle: 'a' → 'b' → 'a'")
  })

  test('names the path that led into a cycle', () => {
    const first: Dependency<number> = dependency(
      {
        name: 'first',
        uses: {
          get third() {
            return third
          },
        },
      },
      () => 1,
    )
    const second = dependency({ name: 'second', uses: { first } }, () => 2)
    const third = dependency({ name: 'third', uses: { second } }, () => 3)
    const route = dependency({ name: 'route', uses: { second } }, () => 4)
    const container = createContainer()
    const error = thrownBy(() => container.plan({ route }))
    expect(error.code).toBe('CYCLE')
    expect(error.message).toBe(
      "Dependency cycle: 'route' → 'second' → 'first' → 'third' → 'second'",
    )
  })

  test('rejects a dependency that uses itself', () => {
    const self: Dependency<number> = dependency(
      {
        name: 'self',
        uses: {
          get self() {
            return self
          },
        },
      },
      () => 1,
    )
    const container = createContainer()
    const error = thrownBy(() => container.plan({ self }))
    expect(error.code).toBe('CYCLE')
    expect(error.message).toBe("Dependency cycle: 'self' → 'self'")
  })

  test('rejects a cycle through a fresh() use', () => {
    const a: Dependency<number> = dependency(
      {
        name: 'a',
        uses: {
          get b() {
            return fresh(b)
          },
        },
      },
      () => 1,
    )
    const b = dependency({ name: 'b', uses: { a } }, () => 2)
    const container = createContainer()
    const error = thrownBy(() => container.plan({ b }))
    expect(error.code).toBe('CYCLE')
    expect(error.message).toBe("Dependency cycle: 'b' → 'a' → 'b'")
  })

  test('rejects a cycle among app-scoped dependencies', () => {
    const pool: Dependency<number> = dependency(
      {
        name: 'pool',
        scope: 'app',
        uses: {
          get settings() {
            return settings
          },
        },
      },
      () => 1,
    )
    const settings = dependency({ name: 'settings', scope: 'app', uses: { pool } }, () => 2)
    const container = createContainer()
    const error = thrownBy(() => container.plan({ pool }))
    expect(error.code).toBe('CYCLE')
    expect(error.message).toBe("Dependency cycle: 'pool' → 'settings' → 'pool'")
  })

  test('accepts a diamond, which is not a cycle', () => {
    const root = dependency(() => 1)
    const left = dependency({ uses: { root } }, ({ root }) => root + 1)
    const right = dependency({ uses: { root } }, ({ root }) => root + 2)
    const top = dependency({ uses: { left, right } }, ({ left, right }) => left + right)
    const container = createContainer()
    expect(container.plan({ top }).resolve(container.createScope())).toEqual({ top: 5 })
  })
})

describe('not-a-dependency errors', () => {
  test('rejects a plan use that is not a dependency', () => {
    const container = createContainer()
    const error = thrownBy(() => container.plan({ count: 42 as never }))
    expect(error.code).toBe('NOT_A_DEPENDENCY')
    expect(error.message).toBe('Expected a dependency, got 42')
  })

  test('names the dependencies that led to a use that is not a dependency', () => {
    const db = dependency({ name: 'db', uses: { settings: undefined as never } }, () => 1)
    const handler = dependency({ name: 'handler', uses: { db } }, () => 2)
    const container = createContainer()
    const error = thrownBy(() => container.plan({ handler }))
    expect(error.code).toBe('NOT_A_DEPENDENCY')
    expect(error.message).toBe("Expected a dependency (used by 'handler' → 'db'), got undefined")
  })

  test('rejects a use that is not a dependency inside an app-scoped dependency', () => {
    const pool = dependency({ name: 'pool', scope: 'app', uses: { dsn: null as never } }, () => 1)
    const container = createContainer()
    const error = thrownBy(() => container.plan({ pool }))
    expect(error.code).toBe('NOT_A_DEPENDENCY')
    expect(error.message).toBe("Expected a dependency (used by 'pool'), got null")
  })

  test('rejects fresh() of something that is not a dependency', () => {
    const container = createContainer()
    const error = thrownBy(() => container.plan({ nonce: fresh('nonce' as never) }))
    expect(error.code).toBe('NOT_A_DEPENDENCY')
    expect(error.message).toBe('Expected a dependency, got nonce')
  })

  test('rejects a run-list entry that is not a dependency', () => {
    const container = createContainer()
    const error = thrownBy(() => container.plan({}, [1 as never]))
    expect(error.code).toBe('NOT_A_DEPENDENCY')
    expect(error.message).toBe('Expected a dependency, got 1')
  })
})
