import * as v from 'valibot'
import { describe, expectTypeOf, test } from 'vitest'
import { type BriskApp, createApp } from './create-app.ts'
import type { Dependency } from './index.ts'
import { currentRequest, executionContext, type RequestExecution } from './request-context.ts'
import { runtimeEnv } from './runtime-env.ts'
import { settings } from './settings.ts'

describe('runtime context types', () => {
  test('runtimeEnv is typed as declared; environment variables by default', () => {
    expectTypeOf(runtimeEnv<{ DB: { prepare(sql: string): unknown } }>()).toEqualTypeOf<
      Dependency<{ DB: { prepare(sql: string): unknown } }>
    >()
    expectTypeOf(runtimeEnv()).toEqualTypeOf<
      Dependency<Readonly<Record<string, string | undefined>>>
    >()
  })

  test('currentRequest and executionContext', () => {
    expectTypeOf(currentRequest).toEqualTypeOf<Dependency<Request>>()
    expectTypeOf(executionContext).toEqualTypeOf<Dependency<RequestExecution>>()
  })

  test('settings are inferred from their schemas, defaults making fields required', () => {
    const config = settings({ PORT: v.optional(v.number(), 8000), KEY: v.optional(v.string()) })
    expectTypeOf(config).toEqualTypeOf<Dependency<{ PORT: number; KEY?: string | undefined }>>()
  })

  test("createApp's Env types c.env, and any such app is a BriskApp", () => {
    const app = createApp<{ Bindings: { DB: string } }>({ routes: [] })
    app.get('/raw', (c) => {
      expectTypeOf(c.env.DB).toEqualTypeOf<string>()
      return c.text(c.env.DB)
    })
    expectTypeOf(app).toExtend<BriskApp>()
    // @ts-expect-error an undeclared binding
    app.get('/missing', (c) => c.text(c.env.KV))
  })
})
