import { describe, expect, test } from 'vitest'
import { createContainer } from './container.ts'
import { dependency } from './dependency.ts'

describe('the runtime environment a scope carries', () => {
  test('reaches request-scoped dependencies as context.env, per scope', () => {
    const region = dependency((_, { env }) => (env as { REGION: string }).REGION)
    const container = createContainer()
    const plan = container.plan({ region })
    expect(plan.resolve(container.createScope(undefined, { REGION: 'eu' }))).toEqual({
      region: 'eu',
    })
    expect(plan.resolve(container.createScope(undefined, { REGION: 'us' }))).toEqual({
      region: 'us',
    })
  })

  test('reaches an app-scoped value (and what it uses) from the scope that first needs it', () => {
    const seen: unknown[] = []
    const binding = dependency({ scope: 'app' }, (_, { env }) => {
      seen.push(env)
      return (env as { DB: string }).DB
    })
    const client = dependency({ scope: 'app', uses: { binding } }, ({ binding }, { env }) => ({
      binding,
      env,
    }))
    const container = createContainer()
    const plan = container.plan({ client })
    const first = { DB: 'first' }
    expect(plan.resolve(container.createScope(undefined, first))).toEqual({
      client: { binding: 'first', env: first },
    })
    // Made once: a later scope's environment does not remake it.
    expect(plan.resolve(container.createScope(undefined, { DB: 'second' }))).toEqual({
      client: { binding: 'first', env: first },
    })
    expect(seen).toEqual([first])
  })

  test('reaches eager app-scoped values from start(env); none given is undefined', async () => {
    const seen: unknown[] = []
    const eager = dependency({ scope: 'app', eager: true }, (_, { env }) => seen.push(env))
    const container = createContainer()
    container.plan({ eager })
    await container.start({ MODE: 'test' })
    await container.dispose()
    await container.start()
    expect(seen).toEqual([{ MODE: 'test' }, undefined])
  })
})
