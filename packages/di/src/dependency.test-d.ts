import { describe, expectTypeOf, test } from 'vitest'
import {
  type Dependency,
  type DependencyContext,
  dependency,
  type Fresh,
  fresh,
  type Resolved,
  type Unwrap,
  type ValueOf,
} from './dependency.ts'

interface User {
  readonly id: number
  readonly name: string
}

describe('dependency value types', () => {
  test('infers the value of a sync function', () => {
    expectTypeOf(dependency(() => 42)).toEqualTypeOf<Dependency<number>>()
    expectTypeOf(dependency((): User => ({ id: 1, name: 'ada' }))).toEqualTypeOf<Dependency<User>>()
  })

  test('infers the awaited value of an async function', () => {
    expectTypeOf(dependency(async () => 'token')).toEqualTypeOf<Dependency<string>>()
    expectTypeOf(dependency(async (): Promise<User> => ({ id: 1, name: 'ada' }))).toEqualTypeOf<
      Dependency<User>
    >()
  })

  test("infers a generator's yielded value, not the generator", () => {
    const db = dependency(function* () {
      try {
        yield { query: (sql: string) => sql.length }
      } finally {
        // teardown
      }
    })
    expectTypeOf(db).toEqualTypeOf<Dependency<{ query: (sql: string) => number }>>()
  })

  test("infers an async generator's yielded value", () => {
    const session = dependency(async function* () {
      await Promise.resolve()
      yield new Map<string, User>()
    })
    expectTypeOf(session).toEqualTypeOf<Dependency<Map<string, User>>>()
  })

  test('infers the same value type with options as without', () => {
    const settings = dependency({ scope: 'app', eager: true, name: 's' }, () => ({ port: 8000 }))
    expectTypeOf(settings).toEqualTypeOf<Dependency<{ port: number }>>()
  })

  test('unwraps factory results by the same rules', () => {
    expectTypeOf<Unwrap<Promise<number>>>().toEqualTypeOf<number>()
    expectTypeOf<Unwrap<Generator<string, void, unknown>>>().toEqualTypeOf<string>()
    expectTypeOf<Unwrap<AsyncGenerator<User, void, unknown>>>().toEqualTypeOf<User>()
    expectTypeOf<Unwrap<boolean>>().toEqualTypeOf<boolean>()
  })
})

describe('sub-dependency types', () => {
  test('gives the factory the values of its uses, by name', () => {
    const count = dependency(() => 3)
    const user = dependency(async (): Promise<User> => ({ id: 1, name: 'ada' }))
    const nonce = dependency(function* () {
      yield Symbol('nonce')
    })
    dependency({ uses: { count, current: user, again: fresh(nonce) } }, (deps) => {
      expectTypeOf(deps).toEqualTypeOf<{
        readonly count: number
        readonly current: User
        readonly again: symbol
      }>()
    })
  })

  test('flows values through a chain of dependencies', () => {
    const settings = dependency({ scope: 'app' }, () => ({ dsn: 'memory:' }))
    const db = dependency({ uses: { settings } }, async function* ({ settings }) {
      yield { dsn: settings.dsn, rows: [] as User[] }
    })
    const names = dependency({ uses: { db } }, ({ db }) => db.rows.map((row) => row.name))
    expectTypeOf(names).toEqualTypeOf<Dependency<string[]>>()
  })

  test('computes Resolved and ValueOf for plain and fresh uses', () => {
    type Uses = { readonly user: Dependency<User>; readonly nonce: Fresh<number> }
    expectTypeOf<Resolved<Uses>>().toEqualTypeOf<{
      readonly user: User
      readonly nonce: number
    }>()
    expectTypeOf<ValueOf<Dependency<string>>>().toEqualTypeOf<string>()
    expectTypeOf<ValueOf<Fresh<string>>>().toEqualTypeOf<string>()
    expectTypeOf(fresh(dependency(() => 1))).toEqualTypeOf<Fresh<number>>()
  })

  test('rejects reading a value that is not among the uses', () => {
    const count = dependency(() => 3)
    // @ts-expect-error `missing` is not a use
    dependency({ uses: { count } }, ({ missing }) => missing)
    // @ts-expect-error a bare factory has no uses
    dependency(({ count }) => count)
  })

  test('gives a factory whose options declare no uses no values to read', () => {
    // @ts-expect-error no uses are declared, so `missing` does not exist
    dependency({ scope: 'app' }, ({ missing }) => missing)
  })

  test('rejects uses that are not dependencies', () => {
    // @ts-expect-error 42 is not a dependency
    dependency({ uses: { count: 42 } }, () => 1)
    // @ts-expect-error a function is not a dependency until wrapped
    dependency({ uses: { count: () => 42 } }, () => 1)
  })

  test('rejects an unknown scope', () => {
    // @ts-expect-error 'session' is not a scope
    dependency({ scope: 'session' }, () => 1)
  })
})

describe('context types', () => {
  test('types inputs as unknown unless the factory declares them', () => {
    dependency((_, context) => {
      expectTypeOf(context.inputs).toBeUnknown()
      expectTypeOf(context.onCleanup).toEqualTypeOf<
        (cleanup: (failure?: { readonly error: unknown }) => unknown) => void
      >()
    })
    dependency((_, { inputs }: DependencyContext<{ params: { id: number } }>) => {
      expectTypeOf(inputs.params.id).toEqualTypeOf<number>()
    })
  })
})
