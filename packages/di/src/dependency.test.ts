import { describe, expect, test } from 'vitest'
import { createContainer } from './container.ts'
import { dependency, fresh, isDependency } from './dependency.ts'

describe('dependency', () => {
  test('wraps a bare function as a request-scoped dependency with no uses', () => {
    const factory = () => 1
    const value = dependency(factory)
    expect(value).toEqual({
      kind: 'dependency',
      name: 'factory',
      scope: 'request',
      eager: false,
      uses: {},
      factory,
      meta: {},
    })
  })

  test('keeps the declared uses, scope, eager flag, name and meta', () => {
    const settings = dependency({ scope: 'app' }, () => ({ dsn: 'memory:' }))
    const meta = { security: ['bearer'] }
    const pool = dependency(
      { uses: { settings }, scope: 'app', eager: true, name: 'pool', meta },
      ({ settings }) => settings.dsn,
    )
    expect(pool.uses).toEqual({ settings })
    expect(pool.uses.settings).toBe(settings)
    expect(pool.scope).toBe('app')
    expect(pool.eager).toBe(true)
    expect(pool.name).toBe('pool')
    expect(pool.meta).toBe(meta)
  })

  test("names a dependency after its function, or 'anonymous' when the function has no name", () => {
    expect(dependency(function currentUser() {}).name).toBe('currentUser')
    expect(dependency({}, async function* db() {}).name).toBe('db')
    expect(dependency([() => 1][0]!).name).toBe('anonymous')
  })

  test('rejects a missing factory', () => {
    // @ts-expect-error no factory
    expect(() => dependency({ scope: 'app' })).toThrow(
      new TypeError('dependency: expected a function'),
    )
  })

  test('rejects an unknown scope', () => {
    // @ts-expect-error 'session' is not a scope
    expect(() => dependency({ scope: 'session' }, () => 1)).toThrow(
      new TypeError("dependency: scope must be 'request' or 'app', got 'session'"),
    )
  })

  test('rejects eager on a request-scoped dependency', () => {
    expect(() => dependency({ eager: true }, () => 1)).toThrow(
      new TypeError('dependency: only app-scoped dependencies can be eager'),
    )
  })

  test('gives the value its type promises when a plain function returns a generator', () => {
    // The type is inferred from the return type (`Dependency<number>`), so the value must be 1,
    // not the generator object.
    function* open() {
      yield 1
    }
    const wrapped = dependency(() => open())
    const bound = dependency(open.bind(null))
    const container = createContainer()
    const result = container.plan({ wrapped, bound }).resolve(container.createScope())
    expect(result).toEqual({ wrapped: 1, bound: 1 })
  })
})

describe('fresh', () => {
  test('wraps a dependency as a use that skips the cache', () => {
    const nonce = dependency(() => Math.random())
    expect(fresh(nonce)).toEqual({ kind: 'fresh', dependency: nonce })
    expect(fresh(nonce).dependency).toBe(nonce)
  })
})

describe('isDependency', () => {
  test('recognises dependencies and nothing else', () => {
    const value = dependency(() => 1)
    expect(isDependency(value)).toBe(true)
    expect(isDependency(fresh(value))).toBe(false)
    expect(isDependency(() => 1)).toBe(false)
    expect(isDependency({})).toBe(false)
    expect(isDependency(null)).toBe(false)
    expect(isDependency(undefined)).toBe(false)
    expect(isDependency('dependency')).toBe(false)
  })
})
