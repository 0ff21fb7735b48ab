import * as v from 'valibot'
import { describe, expectTypeOf, test } from 'vitest'
import { createValidator } from './create-validator.ts'
import type { InferInputs, LocationSpec, ValidationResult } from './types.ts'

describe('InferInputs', () => {
  test('infers each declared location from field schemas', () => {
    type Inputs = InferInputs<{
      params: { id: v.NumberSchema<undefined> }
      query: { q: v.OptionalSchema<v.StringSchema<undefined>, undefined> }
      headers: { user_agent: v.StringSchema<undefined> }
      cookies: { session: v.StringSchema<undefined> }
      body: { name: v.StringSchema<undefined> }
    }>
    expectTypeOf<Inputs['params']>().toEqualTypeOf<{ id: number }>()
    expectTypeOf<Inputs['query']>().toEqualTypeOf<{ q?: string }>()
    expectTypeOf<Inputs['headers']>().toEqualTypeOf<{ user_agent: string }>()
    expectTypeOf<Inputs['cookies']>().toEqualTypeOf<{ session: string }>()
    expectTypeOf<Inputs['body']>().toEqualTypeOf<{ name: string }>()
  })

  test('gives empty records and an undefined body for undeclared locations', () => {
    type Inputs = InferInputs<{ query: { q: v.StringSchema<undefined> } }>
    expectTypeOf<Inputs['params']>().toEqualTypeOf<Record<string, never>>()
    expectTypeOf<Inputs['headers']>().toEqualTypeOf<Record<string, never>>()
    expectTypeOf<Inputs['cookies']>().toEqualTypeOf<Record<string, never>>()
    expectTypeOf<Inputs['body']>().toEqualTypeOf<undefined>()
  })
})

describe('createValidator', () => {
  test('infers outputs from an inline spec, with defaults making fields required', async () => {
    const check = createValidator({
      params: { id: v.pipe(v.number(), v.integer()) },
      query: { limit: v.optional(v.number(), 10), tag: v.optional(v.array(v.string())) },
      body: v.object({ name: v.string(), tags: v.array(v.string()) }),
    })
    const result = await check.validate(new Request('http://localhost/'))
    expectTypeOf(result).toEqualTypeOf<ValidationResult<InferInputs<typeof check.spec>>>()
    if (result.ok) {
      expectTypeOf(result.value.params.id).toEqualTypeOf<number>()
      expectTypeOf(result.value.query).toEqualTypeOf<{
        limit: number
        tag?: string[] | undefined
      }>()
      expectTypeOf(result.value.body).toEqualTypeOf<{ name: string; tags: string[] }>()
      expectTypeOf(result.value.headers).toEqualTypeOf<Record<string, never>>()
    } else {
      expectTypeOf(result.status).toEqualTypeOf<number>()
    }
  })

  test('accepts object, loose and strict object schemas as locations', () => {
    const check = createValidator({
      query: v.looseObject({ q: v.string() }),
      headers: v.strictObject({ host: v.string() }),
      cookies: v.object({ session: v.optional(v.string()) }),
    })
    type Inputs = InferInputs<typeof check.spec>
    expectTypeOf<Inputs['query']['q']>().toEqualTypeOf<string>()
    expectTypeOf<Inputs['headers']>().toEqualTypeOf<{ host: string }>()
    expectTypeOf<Inputs['cookies']>().toEqualTypeOf<{ session?: string }>()
  })

  test('types an optional body as possibly undefined', () => {
    const check = createValidator({ body: v.optional(v.object({ a: v.number() })) })
    expectTypeOf<InferInputs<typeof check.spec>['body']>().toEqualTypeOf<
      { a: number } | undefined
    >()
  })

  test('rejects specs that cannot work', () => {
    // @ts-expect-error a field must be a schema
    createValidator({ query: { n: 5 } })
    // @ts-expect-error a location must be an object schema or an object of field schemas
    createValidator({ query: v.string() })
    // @ts-expect-error unknown body type
    createValidator({ body: { a: v.string() }, bodyType: 'xml' })
    // @ts-expect-error errorStatus is 400 or 422
    createValidator({}, { errorStatus: 500 })
    // @ts-expect-error errorFormat is 'fastapi' or 'problem'
    createValidator({}, { errorFormat: 'xml' })
  })
})

describe('LocationSpec', () => {
  test('accepts the object schema types the router declares', () => {
    const object: LocationSpec = {} as v.ObjectSchema<any, any>
    const loose: LocationSpec = {} as v.LooseObjectSchema<any, any>
    const strict: LocationSpec = {} as v.StrictObjectSchema<any, any>
    const piped: LocationSpec = v.pipe(
      v.object({ a: v.string() }),
      v.check(() => true),
    )
    const fields: LocationSpec = { a: v.string() }
    expectTypeOf([object, loose, strict, piped, fields]).toBeArray()
    // @ts-expect-error a record has no entries
    const record: LocationSpec = v.record(v.string(), v.string())
    expectTypeOf(record).not.toBeAny()
  })
})
