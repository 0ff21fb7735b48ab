import { describe, expect, it } from 'vitest'
import { createApp } from '../create-app.ts'
import { dependency } from '../dependency.ts'
import { get } from '../route.ts'

describe('app shutdown', () => {
  it('a failing shutdown hook does not skip the other hooks or the app-scoped teardown', async () => {
    const events: string[] = []
    const pool = dependency({ scope: 'app' }, async function* () {
      yield 'pool'
      events.push('pool closed')
    })
    const app = createApp({
      onShutdown: [
        () => {
          events.push('first hook')
          throw new Error('flush failed')
        },
        () => events.push('second hook'),
      ],
      routes: [get('/', { deps: { pool } }, ({ deps }) => deps.pool)],
    })
    await app.request('/')
    await expect(app.shutdown()).rejects.toThrow('flush failed')
    expect(events).toEqual(['first hook', 'second hook', 'pool closed'])
  })

  it('several failures are thrown together, each kept', async () => {
    const app = createApp({
      onShutdown: [
        () => {
          throw new Error('one')
        },
        () => {
          throw new Error('two')
        },
      ],
      routes: [get('/', () => 'ok')],
    })
    await app.request('/')
    const failure = await app.shutdown().then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(AggregateError)
    expect((failure as AggregateError).errors.map((error: Error) => error.message)).toEqual([
      'one',
      'two',
    ])
  })
})
