import { describe, expect, test } from 'vitest'
import { createContainer } from './container.ts'
import { dependency, fresh } from './dependency.ts'
import { DependencyError } from './dependency-error.ts'

interface Db {
  readonly query: (sql: string) => string
}

/** settings (app) → db → repo → service: a graph with the db deep inside. */
function graph() {
  const settings = dependency({ scope: 'app' }, function settings() {
    return { dsn: 'postgres://prod' }
  })
  const db = dependency({ uses: { settings } }, function db({ settings }): Db {
    return { query: (sql) => `${settings.dsn}: ${sql}` }
  })
  const repo = dependency({ uses: { db } }, function repo({ db }) {
    return { find: (id: number) => db.query(`select ${id}`) }
  })
  const service = dependency({ uses: { repo } }, function service({ repo }) {
    return repo.find(1)
  })
  const fakeDb = dependency(function fakeDb(): Db {
    return { query: (sql) => `fake: ${sql}` }
  })
  return { settings, db, repo, service, fakeDb }
}

describe('container.override', () => {
  test('replaces a dependency used deep in the graph, in plans made before and after', () => {
    const { db, service, fakeDb } = graph()
    const container = createContainer()
    const before = container.plan({ service })
    expect(before.resolve(container.createScope())).toEqual({
      service: 'postgres://prod: select 1',
    })
    container.override(db, fakeDb)
    const after = container.plan({ service })
    expect(before.resolve(container.createScope())).toEqual({ service: 'fake: select 1' })
    expect(after.resolve(container.createScope())).toEqual({ service: 'fake: select 1' })
  })

  test('restores the original when undone, and a second undo does nothing', () => {
    const { db, service, fakeDb } = graph()
    const container = createContainer()
    const plan = container.plan({ service })
    const undo = container.override(db, fakeDb)
    expect(plan.resolve(container.createScope())).toEqual({ service: 'fake: select 1' })
    undo()
    expect(plan.resolve(container.createScope())).toEqual({
      service: 'postgres://prod: select 1',
    })
    undo()
    expect(plan.resolve(container.createScope())).toEqual({
      service: 'postgres://prod: select 1',
    })
  })

  test('keeps a newer override of the same target when an older one is undone', () => {
    const { db, service, fakeDb } = graph()
    const otherDb = dependency((): Db => ({ query: (sql) => `other: ${sql}` }))
    const container = createContainer()
    const plan = container.plan({ service })
    const undoFirst = container.override(db, fakeDb)
    const undoSecond = container.override(db, otherDb)
    undoFirst()
    expect(plan.resolve(container.createScope())).toEqual({ service: 'other: select 1' })
    undoSecond()
    expect(plan.resolve(container.createScope())).toEqual({
      service: 'postgres://prod: select 1',
    })
  })

  test('removes every override with clearOverrides', () => {
    const { settings, db, service, fakeDb } = graph()
    const testSettings = dependency({ scope: 'app' }, () => ({ dsn: 'postgres://test' }))
    const container = createContainer()
    const plan = container.plan({ service, settings })
    container.override(db, fakeDb)
    container.override(settings, testSettings)
    expect(plan.resolve(container.createScope())).toEqual({
      service: 'fake: select 1',
      settings: { dsn: 'postgres://test' },
    })
    container.clearOverrides()
    expect(plan.resolve(container.createScope())).toEqual({
      service: 'postgres://prod: select 1',
      settings: { dsn: 'postgres://prod' },
    })
  })

  test('replaces an app-scoped dependency without ever making the original', () => {
    let originalRuns = 0
    let replacementRuns = 0
    const settings = dependency({ scope: 'app' }, () => {
      originalRuns++
      return { dsn: 'postgres://prod' }
    })
    const testSettings = dependency({ scope: 'app' }, () => {
      replacementRuns++
      return { dsn: 'postgres://test' }
    })
    const dsn = dependency({ uses: { settings } }, ({ settings }) => settings.dsn)
    const container = createContainer()
    const plan = container.plan({ dsn })
    const undo = container.override(settings, testSettings)
    expect(plan.resolve(container.createScope())).toEqual({ dsn: 'postgres://test' })
    expect(plan.resolve(container.createScope())).toEqual({ dsn: 'postgres://test' })
    expect([originalRuns, replacementRuns]).toEqual([0, 1])
    undo()
    expect(plan.resolve(container.createScope())).toEqual({ dsn: 'postgres://prod' })
    expect([originalRuns, replacementRuns]).toEqual([1, 1])
  })

  test('reaches the uses of app-scoped dependencies', () => {
    const settings = dependency({ scope: 'app' }, () => ({ dsn: 'postgres://prod' }))
    const testSettings = dependency({ scope: 'app' }, () => ({ dsn: 'postgres://test' }))
    const pool = dependency({ scope: 'app', uses: { settings } }, ({ settings }) => settings.dsn)
    const container = createContainer()
    container.override(settings, testSettings)
    expect(container.plan({ pool }).resolve(container.createScope())).toEqual({
      pool: 'postgres://test',
    })
  })

  test('applies to fresh() uses and run-list entries', () => {
    const log: string[] = []
    const audit = dependency(() => log.push('real audit'))
    const fakeAudit = dependency(() => log.push('fake audit'))
    const nonce = dependency(() => 'real')
    const fakeNonce = dependency(() => 'fake')
    const container = createContainer()
    container.override(audit, fakeAudit)
    container.override(nonce, fakeNonce)
    const plan = container.plan({ cached: nonce, again: fresh(nonce) }, [audit])
    expect(plan.resolve(container.createScope())).toEqual({ cached: 'fake', again: 'fake' })
    expect(log).toEqual(['fake audit'])
  })

  test("runs the replacement's teardown and never opens the original", async () => {
    const log: string[] = []
    const db = dependency(function* () {
      log.push('open real')
      try {
        yield 'real'
      } finally {
        log.push('close real')
      }
    })
    const fakeDb = dependency(async function* () {
      log.push('open fake')
      try {
        yield 'fake'
      } finally {
        log.push('close fake')
      }
    })
    const container = createContainer()
    container.override(db, fakeDb)
    const scope = container.createScope()
    expect(await container.plan({ db }).resolve(scope)).toEqual({ db: 'fake' })
    await scope.close()
    expect(log).toEqual(['open fake', 'close fake'])
  })

  test('makes the eager replacement on start, not the original', async () => {
    const made: string[] = []
    const pool = dependency({ scope: 'app', eager: true }, () => made.push('real'))
    const fakePool = dependency({ scope: 'app', eager: true }, () => made.push('fake'))
    const container = createContainer()
    container.override(pool, fakePool)
    container.plan({ pool })
    await container.start()
    expect(made).toEqual(['fake'])
  })

  test('checks the overridden graph when the override is set, and refuses one that breaks it', () => {
    const settings = dependency({ scope: 'app' }, function settings() {
      return 'app'
    })
    const perRequest = dependency(function perRequest() {
      return 'request'
    })
    const requestSettings = dependency({ uses: { perRequest } }, function requestSettings() {
      return 'request'
    })
    const pool = dependency({ scope: 'app', uses: { settings } }, function pool() {})
    const container = createContainer()
    const plan = container.plan({ pool })
    expect(() => container.override(settings, requestSettings)).toThrow(
      new DependencyError(
        'SCOPE',
        "App-scoped dependency 'pool' cannot use request-scoped 'requestSettings': 'pool' → 'requestSettings'",
      ),
    )
    // Refused, so undone: the plan keeps its valid graph.
    expect(plan.dependencies.map((used) => used.name)).toEqual(['pool'])
    expect(plan.resolve(container.createScope())).toEqual({ pool: undefined })
  })

  test('replaces a dependency derived from the overridden one, unless it is overridden itself', () => {
    const { db, service, fakeDb } = graph()
    const derivedDb = { ...db, name: 'derivedDb', origin: db }
    const derivedRepo = dependency({ uses: { db: derivedDb } }, function derivedRepo({ db }) {
      return db.query('select 2')
    })
    const container = createContainer()
    const plan = container.plan({ repo: derivedRepo })
    expect(plan.resolve(container.createScope())).toEqual({ repo: 'postgres://prod: select 2' })
    container.override(db, fakeDb)
    expect(plan.resolve(container.createScope())).toEqual({ repo: 'fake: select 2' })
    const ownFake = dependency((): Db => ({ query: (sql) => `own: ${sql}` }))
    container.override(derivedDb, ownFake)
    expect(plan.resolve(container.createScope())).toEqual({ repo: 'own: select 2' })
    // The origin itself keeps its own override.
    expect(container.plan({ service }).resolve(container.createScope())).toEqual({
      service: 'fake: select 1',
    })
  })

  test('is local to its container', () => {
    const { db, service, fakeDb } = graph()
    const overridden = createContainer()
    const untouched = createContainer()
    overridden.override(db, fakeDb)
    expect(overridden.plan({ service }).resolve(overridden.createScope())).toEqual({
      service: 'fake: select 1',
    })
    expect(untouched.plan({ service }).resolve(untouched.createScope())).toEqual({
      service: 'postgres://prod: select 1',
    })
  })
})

describe('plan.dependencies with overrides', () => {
  test('lists the replacement and its own uses in place of the original', () => {
    const { settings, db, repo, service, fakeDb } = graph()
    const container = createContainer()
    const plan = container.plan({ service })
    expect(plan.dependencies).toEqual([settings, db, repo, service])
    const undo = container.override(db, fakeDb)
    expect(plan.dependencies).toEqual([fakeDb, repo, service])
    expect(plan.dependencies[0]).toBe(fakeDb)
    undo()
    expect(plan.dependencies.map((step) => step.name)).toEqual([
      'settings',
      'db',
      'repo',
      'service',
    ])
  })
})
