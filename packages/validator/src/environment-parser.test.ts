import * as v from 'valibot'
import { describe, expect, expectTypeOf, test } from 'vitest'
import { environmentParser } from './environment-parser.ts'

const parse = environmentParser({
  PORT: v.optional(v.pipe(v.number(), v.integer()), 8000),
  DEBUG: v.optional(v.boolean(), false),
  MODE: v.picklist(['development', 'production']),
  JWT_SECRET: v.pipe(v.string(), v.minLength(32)),
})

describe('environmentParser', () => {
  test('coerces the declared variables from their text and applies defaults', () => {
    const result = parse({
      MODE: 'production',
      JWT_SECRET: 'x'.repeat(32),
      DEBUG: 'true',
      UNRELATED: 'ignored',
    })
    expect(result).toEqual({
      ok: true,
      value: { PORT: 8000, DEBUG: true, MODE: 'production', JWT_SECRET: 'x'.repeat(32) },
    })
    if (result.ok) {
      expectTypeOf(result.value).toEqualTypeOf<{
        PORT: number
        DEBUG: boolean
        MODE: 'development' | 'production'
        JWT_SECRET: string
      }>()
    }
  })

  test('names every missing or bad variable under env, never echoing a value', () => {
    const result = parse({ PORT: 'eighty', JWT_SECRET: 'short-secret' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((issue) => [issue.loc, issue.type, issue.input])).toEqual([
      [['env', 'PORT'], 'int_parsing', null],
      [['env', 'MODE'], 'missing', null],
      [['env', 'JWT_SECRET'], 'string_too_short', null],
    ])
    expect(JSON.stringify(result.issues)).not.toContain('short-secret')
  })

  test('passes non-string values (a Worker binding) to their schema as they are', () => {
    const binding = { prepare: () => undefined }
    const withBinding = environmentParser({ DB: v.object({ prepare: v.function() }) })
    expect(withBinding({ DB: binding })).toEqual({ ok: true, value: { DB: binding } })
  })

  test('reads an absent environment as empty', () => {
    expect(environmentParser({ A: v.optional(v.string(), 'a') })(undefined)).toEqual({
      ok: true,
      value: { A: 'a' },
    })
  })
})
