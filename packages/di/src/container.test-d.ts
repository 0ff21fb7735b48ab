import { describe, expectTypeOf, test } from 'vitest'
import { createContainer } from './container.ts'
import { type Dependency, dependency, fresh } from './dependency.ts'

interface User {
  readonly id: number
}

const container = createContainer()

describe('plan types', () => {
  test('resolves to the values of the named uses, maybe synchronously', () => {
    const count = dependency(() => 1)
    const user = dependency(async (): Promise<User> => ({ id: 1 }))
    const plan = container.plan({ count, user, again: fresh(count) })
    type Values = { readonly count: number; readonly user: User; readonly again: number }
    expectTypeOf(plan.resolve(container.createScope())).toEqualTypeOf<Values | Promise<Values>>()
    expectTypeOf(plan.dependencies).toEqualTypeOf<readonly Dependency[]>()
  })

  test('gives the awaited values their types', async () => {
    const name = dependency(async function* () {
      yield 'ada'
    })
    const { name: value } = await container.plan({ name }).resolve(container.createScope())
    expectTypeOf(value).toEqualTypeOf<string>()
  })

  test('rejects a plan use or run-list entry that is not a dependency', () => {
    // @ts-expect-error 42 is not a dependency
    container.plan({ count: 42 })
    // @ts-expect-error a run-list entry must be a dependency
    container.plan({}, ['audit'])
  })
})

describe('override types', () => {
  test('rejects a replacement with an incompatible value type', () => {
    const port = dependency(() => 8000)
    const text = dependency(() => 'eight thousand')
    // @ts-expect-error Dependency<string> cannot replace Dependency<number>
    container.override(port, text)
    const user = dependency((): User => ({ id: 1 }))
    const anonymous = dependency(() => ({ name: 'ada' }))
    // @ts-expect-error the replacement's value lacks `id`
    container.override(user, anonymous)
  })

  test('accepts a replacement whose value is a subtype', () => {
    const user = dependency((): User => ({ id: 1 }))
    const admin = dependency(async () => ({ id: 0, admin: true as const }))
    const undo = container.override(user, admin)
    expectTypeOf(undo).toEqualTypeOf<() => void>()
    const id = dependency((): number | string => 1)
    container.override(
      id,
      dependency(() => 7),
    )
    const never = dependency((): never => {
      throw new Error('unreachable in this test')
    })
    container.override(user, never)
  })
})

describe('scope and partial-run types', () => {
  test('close resolves to the failure as the generators left it', () => {
    const scope = container.createScope()
    expectTypeOf(scope.close({ error: new Error('failed') })).toEqualTypeOf<
      Promise<{ readonly error: unknown } | undefined>
    >()
  })

  test('runWhere takes a predicate over dependencies and resolves to nothing', () => {
    const plan = container.plan({ one: dependency(() => 1) })
    expectTypeOf(plan.runWhere).parameter(1).toEqualTypeOf<(dependency: Dependency) => boolean>()
    expectTypeOf(plan.runWhere(container.createScope(), () => true)).toEqualTypeOf<Promise<void>>()
    // @ts-expect-error the predicate answers whether a dependency may run
    plan.runWhere(container.createScope(), () => 'yes')
  })
})
