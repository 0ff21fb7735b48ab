/** Tests `plan.runWhere`: running the part of a graph whose dependencies may run, for effect. */
import { describe, expect, test } from 'vitest'
import { createContainer } from './container.ts'
import { type Dependency, dependency } from './dependency.ts'

function graph() {
  const log: string[] = []
  const track = (name: string, uses = {}) =>
    dependency({ name, uses }, async () => {
      log.push(name)
      return name
    })
  const first = track('first')
  const blocked = track('blocked')
  const usesBlocked = track('usesBlocked', { blocked })
  const last = track('last', { first })
  return { log, first, blocked, usesBlocked, last }
}

describe('plan.runWhere', () => {
  test('runs the accepted dependencies in plan order, skipping the rejected ones and their users', async () => {
    const { log, first, blocked, usesBlocked, last } = graph()
    const container = createContainer()
    const plan = container.plan({ usesBlocked, last }, [first])
    await plan.runWhere(container.createScope(), (dep: Dependency) => dep !== blocked)
    expect(log).toEqual(['first', 'last'])
  })

  test('rejects with the first error a dependency throws, and later ones do not run', async () => {
    const log: string[] = []
    const failing = dependency({ name: 'failing' }, () => {
      throw new Error('Not allowed')
    })
    const later = dependency({ name: 'later' }, () => log.push('later'))
    const container = createContainer()
    const plan = container.plan({ later }, [failing])
    await expect(plan.runWhere(container.createScope(), () => true)).rejects.toThrow('Not allowed')
    expect(log).toEqual([])
  })

  test('reuses values the scope already made, and tears down what it made on close', async () => {
    const log: string[] = []
    let runs = 0
    const shared = dependency({ name: 'shared' }, async function* () {
      runs++
      yield 'shared'
      log.push('close shared')
    })
    const user = dependency({ name: 'user', uses: { shared } }, ({ shared }) => shared)
    const container = createContainer()
    const scope = container.createScope()
    await container.plan({ shared }).resolve(scope)
    await container.plan({ user }).runWhere(scope, () => true)
    expect(runs).toBe(1)
    await scope.close()
    expect(log).toEqual(['close shared'])
  })

  test('runs app-scoped dependencies whatever canRun says', async () => {
    const log: string[] = []
    const settings = dependency({ scope: 'app', name: 'settings' }, () => log.push('settings'))
    const container = createContainer()
    await container.plan({ settings }).runWhere(container.createScope(), () => false)
    expect(log).toEqual(['settings'])
  })
})
