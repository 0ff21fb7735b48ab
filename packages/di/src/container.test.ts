import { describe, expect, test } from 'vitest'
import { createContainer } from './container.ts'
import { type DependencyContext, dependency, fresh } from './dependency.ts'

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((settle) => {
    resolve = settle
  })
  return { promise, resolve }
}

/** Narrows a resolution that must have been synchronous. */
function sync<TValue>(value: TValue | Promise<TValue>): TValue {
  if (value instanceof Promise) throw new Error('expected a synchronous resolution')
  return value
}

describe('plan.resolve', () => {
  test('passes each value to the dependencies that use it, under the name they chose', () => {
    const config = dependency(() => ({ greeting: 'hello' }))
    const name = dependency(() => 'ada')
    const message = dependency(
      { uses: { settings: config, who: name } },
      ({ settings, who }) => `${settings.greeting}, ${who}`,
    )
    const container = createContainer()
    const result = container.plan({ message, name }).resolve(container.createScope())
    expect(result).toEqual({ message: 'hello, ada', name: 'ada' })
  })

  test('returns a plain object, not a Promise, when every dependency is sync', () => {
    const base = dependency(() => 2)
    const generated = dependency({ uses: { base } }, function* ({ base }) {
      yield base * 10
    })
    const total = dependency(
      { uses: { base, generated } },
      ({ base, generated }) => base + generated,
    )
    const container = createContainer()
    const result = container.plan({ total }).resolve(container.createScope())
    expect(result).not.toBeInstanceOf(Promise)
    expect(result).toEqual({ total: 22 })
  })

  test('returns a Promise when a leaf dependency is async', async () => {
    const leaf = dependency(async () => 2)
    const doubled = dependency({ uses: { leaf } }, ({ leaf }) => leaf * 2)
    const container = createContainer()
    const result = container.plan({ doubled }).resolve(container.createScope())
    expect(result).toBeInstanceOf(Promise)
    expect(await result).toEqual({ doubled: 4 })
  })

  test('returns a Promise when only the last dependency is an async generator', async () => {
    const leaf = dependency(() => 2)
    const top = dependency({ uses: { leaf } }, async function* ({ leaf }) {
      yield leaf + 1
    })
    const container = createContainer()
    const result = container.plan({ leaf, top }).resolve(container.createScope())
    expect(result).toBeInstanceOf(Promise)
    expect(await result).toEqual({ leaf: 2, top: 3 })
  })

  test('returns a Promise when a dependency in the middle is async, and keeps values in order', async () => {
    const first = dependency(() => 'a')
    const middle = dependency({ uses: { first } }, async ({ first }) => `${first}b`)
    const last = dependency({ uses: { middle } }, ({ middle }) => `${middle}c`)
    const container = createContainer()
    const result = container.plan({ last, first }).resolve(container.createScope())
    expect(result).toBeInstanceOf(Promise)
    expect(await result).toEqual({ last: 'abc', first: 'a' })
  })

  test('throws synchronously when a sync dependency throws', () => {
    const error = new Error('no user')
    const user = dependency(() => {
      throw error
    })
    const container = createContainer()
    const plan = container.plan({ user })
    expect(() => plan.resolve(container.createScope())).toThrow(error)
  })

  test('rejects when an async dependency rejects', async () => {
    const error = new Error('no user')
    const user = dependency(async () => {
      throw error
    })
    const container = createContainer()
    await expect(container.plan({ user }).resolve(container.createScope())).rejects.toBe(error)
  })

  test('returns an empty object for a plan with no uses', () => {
    const container = createContainer()
    expect(container.plan({}).resolve(container.createScope())).toEqual({})
  })
})

describe('per-request caching', () => {
  const counted = () => {
    const counter = { runs: 0 }
    const value = dependency(() => ++counter.runs)
    return { counter, value }
  }

  test('runs a dependency used by several others once per scope', () => {
    const { counter, value: shared } = counted()
    const left = dependency({ uses: { shared } }, ({ shared }) => shared)
    const right = dependency({ uses: { shared } }, ({ shared }) => shared)
    const both = dependency({ uses: { left, right } }, ({ left, right }) => [left, right])
    const container = createContainer()
    const result = container.plan({ both, left, shared }).resolve(container.createScope())
    expect(result).toEqual({ both: [1, 1], left: 1, shared: 1 })
    expect(counter.runs).toBe(1)
  })

  test('runs it again in a new scope', () => {
    const { counter, value: shared } = counted()
    const user = dependency({ uses: { shared } }, ({ shared }) => shared)
    const container = createContainer()
    const plan = container.plan({ user, shared })
    expect(plan.resolve(container.createScope())).toEqual({ user: 1, shared: 1 })
    expect(plan.resolve(container.createScope())).toEqual({ user: 2, shared: 2 })
    expect(counter.runs).toBe(2)
  })

  test('hands out the same object to every user within a scope', () => {
    const session = dependency(() => ({ id: 'session' }))
    const a = dependency({ uses: { session } }, ({ session }) => session)
    const b = dependency({ uses: { session } }, ({ session }) => session)
    const container = createContainer()
    const result = sync(container.plan({ a, b }).resolve(container.createScope()))
    expect(result.a).toBe(result.b)
  })

  test('runs a dependency again for a fresh() use, and only for that use', () => {
    const { counter, value: nonce } = counted()
    const pair = dependency({ uses: { cached: nonce, again: fresh(nonce) } }, (deps) => deps)
    const other = dependency({ uses: { nonce } }, ({ nonce }) => nonce)
    const container = createContainer()
    const result = container.plan({ pair, other }).resolve(container.createScope())
    expect(result).toEqual({ pair: { cached: 1, again: 2 }, other: 1 })
    expect(counter.runs).toBe(2)
  })

  test('runs each fresh() use separately', () => {
    const { counter, value: nonce } = counted()
    const container = createContainer()
    const plan = container.plan({ a: fresh(nonce), b: fresh(nonce), c: nonce })
    expect(plan.resolve(container.createScope())).toEqual({ a: 1, b: 2, c: 3 })
    expect(counter.runs).toBe(3)
  })

  test('reuses the sub-dependencies of a fresh() use from the cache', () => {
    const { counter, value: seed } = counted()
    const derived = dependency({ uses: { seed } }, ({ seed }) => ({ seed }))
    const container = createContainer()
    const plan = container.plan({ seed, cached: derived, again: fresh(derived) })
    const result = sync(plan.resolve(container.createScope()))
    expect(result).toEqual({ seed: 1, cached: { seed: 1 }, again: { seed: 1 } })
    expect(result.cached).not.toBe(result.again)
    expect(counter.runs).toBe(1)
  })

  test('resolving twice in the same scope runs each request dependency once', () => {
    // DependencyPlan documents "resolving it runs each dependency once per scope".
    const { counter, value: shared } = counted()
    const container = createContainer()
    const scope = container.createScope()
    expect(container.plan({ shared }).resolve(scope)).toEqual({ shared: 1 })
    expect(container.plan({ again: shared }).resolve(scope)).toEqual({ again: 1 })
    expect(counter.runs).toBe(1)
  })
  test('runs a generator once and tears it down once when two plans share a scope', async () => {
    let opened = 0
    let closed = 0
    const connection = dependency(function* () {
      opened++
      try {
        yield { id: opened }
      } finally {
        closed++
      }
    })
    const user = dependency({ uses: { connection } }, ({ connection }) => connection)
    const container = createContainer()
    const scope = container.createScope()
    const first = sync(container.plan({ connection }).resolve(scope))
    const second = sync(container.plan({ user }).resolve(scope))
    expect(second.user).toBe(first.connection)
    expect(opened).toBe(1)
    expect(scope.pendingCleanups).toBe(1)
    await scope.close()
    expect(closed).toBe(1)
  })

  test('runs an async dependency once when two plans resolve it concurrently in one scope', async () => {
    const gate = deferred()
    let runs = 0
    const user = dependency(async () => {
      runs++
      await gate.promise
      return { run: runs }
    })
    const container = createContainer()
    const scope = container.createScope()
    const first = container.plan({ user }).resolve(scope)
    const second = container.plan({ again: user }).resolve(scope)
    gate.resolve()
    const [a, b] = await Promise.all([first, second])
    expect(runs).toBe(1)
    expect(b.again).toBe(a.user)
  })
})

describe('plan run list', () => {
  test('runs the run list first for its effect and returns only the named uses', () => {
    const log: string[] = []
    const user = dependency(function user() {
      log.push('user')
      return 'ada'
    })
    const audit = dependency({ uses: { user } }, function audit({ user }) {
      log.push(`audit ${user}`)
    })
    const greeting = dependency({ uses: { user } }, function greeting({ user }) {
      log.push('greeting')
      return `hi ${user}`
    })
    const container = createContainer()
    const plan = container.plan({ greeting }, [audit])
    expect(plan.dependencies.map((step) => step.name)).toEqual(['user', 'audit', 'greeting'])
    expect(plan.resolve(container.createScope())).toEqual({ greeting: 'hi ada' })
    expect(log).toEqual(['user', 'audit ada', 'greeting'])
  })
})

describe('plan.dependencies', () => {
  test('lists every dependency once, each after what it uses, app-scoped ones included', () => {
    const settings = dependency({ scope: 'app' }, function settings() {})
    const db = dependency({ uses: { settings } }, function db() {})
    const user = dependency({ uses: { db, settings } }, function user() {})
    const posts = dependency({ uses: { db, user } }, function posts() {})
    const container = createContainer()
    const plan = container.plan({ posts, user })
    expect(plan.dependencies).toEqual([settings, db, user, posts])
    expect(plan.dependencies[0]).toBe(settings)
  })

  test('lists a dependency again for each fresh() use', () => {
    const nonce = dependency(function nonce() {})
    const container = createContainer()
    const plan = container.plan({ a: nonce, b: fresh(nonce) })
    expect(plan.dependencies.map((step) => step.name)).toEqual(['nonce', 'nonce'])
  })
})

describe('context.inputs', () => {
  test('reaches every request-scoped dependency, deep in the graph', () => {
    type Inputs = { params: { id: number } }
    const leaf = dependency((_, { inputs }: DependencyContext<Inputs>) => inputs.params.id)
    const mid = dependency(
      { uses: { leaf } },
      ({ leaf }, { inputs }: DependencyContext<Inputs>) => [leaf, inputs],
    )
    const container = createContainer()
    const inputs: Inputs = { params: { id: 7 } }
    const scope = container.createScope(inputs)
    expect(scope.inputs).toBe(inputs)
    const result = sync(container.plan({ mid }).resolve(scope))
    expect(result.mid).toEqual([7, inputs])
    expect(result.mid[1]).toBe(inputs)
  })

  test('is undefined for a scope created without inputs', () => {
    const seen = dependency((_, { inputs }) => inputs)
    const container = createContainer()
    const scope = container.createScope()
    expect(scope.inputs).toBeUndefined()
    expect(container.plan({ seen }).resolve(scope)).toEqual({ seen: undefined })
  })

  test('is undefined for app-scoped dependencies, which outlive any request', () => {
    const seen = dependency({ scope: 'app' }, (_, { inputs }) => ({ inputs }))
    const container = createContainer()
    const result = container.plan({ seen }).resolve(container.createScope({ id: 1 }))
    expect(result).toEqual({ seen: { inputs: undefined } })
  })

  test('differs per scope for the same plan', () => {
    const id = dependency((_, { inputs }: DependencyContext<number>) => inputs)
    const container = createContainer()
    const plan = container.plan({ id })
    expect(plan.resolve(container.createScope(1))).toEqual({ id: 1 })
    expect(plan.resolve(container.createScope(2))).toEqual({ id: 2 })
  })
})
