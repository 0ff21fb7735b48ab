import * as v from 'valibot'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from './create-app.ts'
import { dependency } from './dependency.ts'
import { currentRequest, executionContext } from './request-context.ts'
import { get } from './route.ts'
import { runtimeEnv } from './runtime-env.ts'
import { SettingsError, settings } from './settings.ts'

function deferred() {
  let resolve!: () => void
  let reject!: (error: unknown) => void
  const promise = new Promise<void>((settle, fail) => {
    resolve = settle
    reject = fail
  })
  return { promise, resolve, reject }
}

describe('runtimeEnv', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('is the process environment on Node, read by app- and request-scoped dependencies', async () => {
    vi.stubEnv('BRISK_TEST_REGION', 'eu-west')
    const env = runtimeEnv<{ BRISK_TEST_REGION?: string }>()
    const region = dependency({ scope: 'app', uses: { env } }, ({ env }) => env.BRISK_TEST_REGION)
    const perRequest = dependency({ uses: { env } }, ({ env }) => env.BRISK_TEST_REGION)
    const app = createApp({
      routes: [get('/region', { deps: { region, perRequest } }, ({ deps }) => deps)],
    })
    expect(await (await app.request('/region')).json()).toEqual({
      region: 'eu-west',
      perRequest: 'eu-west',
    })
  })

  it('is one dependency, so a test overrides the environment for everything that reads it', async () => {
    const env = runtimeEnv<{ DB: string }>()
    const database = dependency({ scope: 'app', uses: { env } }, ({ env }) => `db:${env.DB}`)
    const app = createApp({ routes: [get('/db', { deps: { database } }, ({ deps }) => deps)] })
    app.override(
      runtimeEnv<{ DB: string }>(),
      dependency({ scope: 'app' }, () => ({ DB: 'memory' })),
    )
    expect(await (await app.request('/db')).json()).toEqual({ database: 'db:memory' })
  })
})

describe('currentRequest', () => {
  it('is the web-standard Request being served', async () => {
    const path = dependency({ uses: { request: currentRequest } }, ({ request }) => {
      const url = new URL(request.url)
      return `${request.method} ${url.pathname}${url.search}`
    })
    const app = createApp({ routes: [get('/where', { deps: { path } }, ({ deps }) => deps)] })
    expect(await (await app.request('/where?x=1')).json()).toEqual({ path: 'GET /where?x=1' })
  })
})

describe('executionContext', () => {
  it("hands work to the runtime's own waitUntil where there is one (Workers)", async () => {
    const handed: Promise<unknown>[] = []
    const workersContext = {
      waitUntil: (promise: Promise<unknown>) => handed.push(promise),
      passThroughOnException: () => {},
      props: {},
    }
    const later = dependency({ uses: { execution: executionContext } }, ({ execution }) => {
      execution.waitUntil(Promise.resolve('audit'))
      return 'scheduled'
    })
    const app = createApp({ routes: [get('/w', { deps: { later } }, ({ deps }) => deps.later)] })
    const res = await app.request('/w', {}, {}, workersContext)
    expect(await res.json()).toBe('scheduled')
    expect(await Promise.all(handed)).toEqual(['audit'])
  })

  it('elsewhere keeps the work until shutdown and reports its failure to onError', async () => {
    const work = deferred()
    const onError = vi.fn()
    const later = dependency({ uses: { execution: executionContext } }, ({ execution }) => {
      execution.waitUntil(work.promise)
      execution.waitUntil(Promise.reject(new Error('audit failed')))
      return 'scheduled'
    })
    const app = createApp({
      onError,
      routes: [get('/w', { deps: { later } }, ({ deps }) => deps.later)],
    })
    expect(await (await app.request('/w')).json()).toBe('scheduled')
    let shutDown = false
    const shutdown = app.shutdown().then(() => {
      shutDown = true
    })
    await Promise.resolve()
    expect(shutDown).toBe(false) // still waiting for `work`
    work.resolve()
    await shutdown
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]![0]).toEqual(new Error('audit failed'))
  })
})

describe('settings', () => {
  afterEach(() => vi.unstubAllEnvs())

  const config = settings({
    BRISK_TEST_PORT: v.optional(v.pipe(v.number(), v.integer()), 8000),
    BRISK_TEST_SECRET: v.pipe(v.string(), v.minLength(16)),
    BRISK_TEST_MODE: v.optional(v.picklist(['development', 'production']), 'development'),
  })
  const appWithConfig = () =>
    createApp({ routes: [get('/config', { deps: { config } }, ({ deps }) => deps.config)] })

  it('reads typed values with defaults from the environment', async () => {
    vi.stubEnv('BRISK_TEST_SECRET', 'a-secret-of-16-bytes')
    vi.stubEnv('BRISK_TEST_PORT', '9000')
    const app = appWithConfig()
    await app.startup()
    expect(await (await app.request('/config')).json()).toEqual({
      BRISK_TEST_PORT: 9000,
      BRISK_TEST_SECRET: 'a-secret-of-16-bytes',
      BRISK_TEST_MODE: 'development',
    })
    await app.shutdown()
  })

  it('fails startup naming every missing or bad variable, without their values', async () => {
    vi.stubEnv('BRISK_TEST_PORT', '80.5')
    vi.stubEnv('BRISK_TEST_MODE', 'staging-secret-value')
    const app = appWithConfig()
    const failure = await app.startup().then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(SettingsError)
    const error = failure as SettingsError
    expect(error.code).toBe('BRISK_SETTINGS')
    expect(error.issues.map((issue) => issue.loc)).toEqual([
      ['env', 'BRISK_TEST_PORT'],
      ['env', 'BRISK_TEST_SECRET'],
      ['env', 'BRISK_TEST_MODE'],
    ])
    expect(error.message).toMatch(
      /^Invalid settings \(environment variables\):\n {2}BRISK_TEST_PORT: /,
    )
    expect(error.message).toContain('BRISK_TEST_SECRET: Field required')
    expect(error.message).not.toContain('staging-secret-value')
  })

  it('is replaced in tests like any dependency', async () => {
    const app = appWithConfig()
    app.override(
      config,
      dependency({ scope: 'app' }, () => ({
        BRISK_TEST_PORT: 1,
        BRISK_TEST_SECRET: 'test',
        BRISK_TEST_MODE: 'production' as const,
      })),
    )
    expect(await (await app.request('/config')).json()).toMatchObject({ BRISK_TEST_PORT: 1 })
  })
})
