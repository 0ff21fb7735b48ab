import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { createValidator } from './create-validator.ts'
import type { InputSpec, ValidationResult } from './types.ts'

const int = () => v.pipe(v.number(), v.integer())

function run<TSpec extends InputSpec>(
  spec: TSpec,
  url: string,
  init?: RequestInit & { params?: Record<string, string> },
) {
  const check = createValidator(spec)
  return check.validate(
    new Request(`http://localhost${url}`, init),
    init?.params,
  ) as ValidationResult<Record<string, unknown>>
}

describe('createValidator without a body', () => {
  test('validates synchronously and returns every location, undeclared ones empty', () => {
    const result = run({ query: { page: int() } }, '/items?page=2')
    expect(result).toEqual({
      ok: true,
      value: { params: {}, query: { page: 2 }, headers: {}, cookies: {}, body: undefined },
    })
  })

  test('reports readsBody and the resolved options', () => {
    const check = createValidator({ query: { q: v.string() } }, { errorStatus: 400 })
    expect(check.readsBody).toBe(false)
    expect(check.options).toEqual({
      bodyLimit: 1_048_576,
      errorStatus: 400,
      errorFormat: 'fastapi',
      limits: { maxDepth: 64, maxNodes: 100_000, maxParts: 1_000, maxIssues: 100 },
      lax: false,
    })
    expect(createValidator({ body: { a: v.string() } }).readsBody).toBe(true)
  })

  test('coerces already-decoded path params and reports them under path', () => {
    const spec = { params: { id: v.pipe(int(), v.minValue(1)), slug: v.string() } }
    expect(run(spec, '/', { params: { id: '7', slug: 'a b' } })).toMatchObject({
      ok: true,
      value: { params: { id: 7, slug: 'a b' } },
    })
    expect(run(spec, '/', { params: { id: '1.5', slug: 'x' } })).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'int_parsing',
          loc: ['path', 'id'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: '1.5',
        },
      ],
    })
  })

  test('reports a missing required field as missing with a null input', () => {
    expect(run({ query: { q: v.string() } }, '/')).toEqual({
      ok: false,
      status: 422,
      issues: [{ type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null }],
    })
  })

  test('leaves missing optional fields to their defaults, which makes them present', () => {
    const spec = { query: { limit: v.optional(int(), 10), q: v.optional(v.string()) } }
    expect(run(spec, '/?other=1')).toMatchObject({ ok: true, value: { query: { limit: 10 } } })
    const result = run(spec, '/') as unknown as { value: { query: object } }
    expect(result.value.query).toEqual({ limit: 10 })
    expect(Object.hasOwn(result.value.query, 'q')).toBe(false)
  })

  test('fills array fields from repeated keys, coercing each item', () => {
    const spec = { query: { id: v.array(int()), tag: v.optional(v.array(v.string())) } }
    expect(run(spec, '/?id=1&tag=a&id=2&tag=b')).toMatchObject({
      ok: true,
      value: { query: { id: [1, 2], tag: ['a', 'b'] } },
    })
    expect(run(spec, '/?id=3')).toMatchObject({ ok: true, value: { query: { id: [3] } } })
    expect(run(spec, '/?id=1&id=x')).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'int_parsing',
          loc: ['query', 'id', 1],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'x',
        },
      ],
    })
  })

  test('rejects a scalar field given twice', () => {
    expect(run({ query: { q: v.string() } }, '/?q=a&q=b')).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'multiple_values',
          loc: ['query', 'q'],
          msg: 'Expected a single value, got 2',
          input: ['a', 'b'],
        },
      ],
    })
  })

  test('decodes the query string safely: plus is a space, bad escapes stay as sent', () => {
    const spec = { query: { q: v.string(), r: v.string() } }
    expect(run(spec, '/?q=a+b%21&r=%E0%A4%A')).toMatchObject({
      ok: true,
      value: { query: { q: 'a b!', r: '%E0%A4%A' } },
    })
  })

  test('ignores undeclared query keys with a plain object and keeps them with looseObject', () => {
    expect(run({ query: { a: v.string() } }, '/?a=1&b=2')).toMatchObject({
      value: { query: { a: '1' } },
    })
    expect(run({ query: v.looseObject({ a: v.number() }) }, '/?a=1&b=2&b=3')).toMatchObject({
      value: { query: { a: 1, b: ['2', '3'] } },
    })
  })

  test('reports undeclared query keys as extra_forbidden with strictObject', () => {
    expect(run({ query: v.strictObject({ a: v.string() }) }, '/?a=1&b=2')).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'extra_forbidden',
          loc: ['query', 'b'],
          msg: 'Extra inputs are not permitted',
          input: '2',
        },
      ],
    })
  })

  test('coerces literal, picklist, bigint, boolean and date query values', () => {
    const spec = {
      query: {
        size: v.picklist([10, 20]),
        mode: v.literal('fast'),
        big: v.bigint(),
        flag: v.boolean(),
        since: v.date(),
      },
    }
    expect(
      run(spec, '/?size=20&mode=fast&big=12345678901234567890&flag=no&since=2024-01-31'),
    ).toEqual({
      ok: true,
      value: {
        params: {},
        query: {
          size: 20,
          mode: 'fast',
          big: 12345678901234567890n,
          flag: false,
          since: new Date('2024-01-31T00:00:00.000Z'),
        },
        headers: {},
        cookies: {},
        body: undefined,
      },
    })
  })
})

describe('createValidator headers', () => {
  test('maps snake_case and camelCase fields to dashed header names, case-insensitively', () => {
    const spec = {
      headers: { user_agent: v.string(), xRequestId: v.string(), 'X-Api-Key': v.string() },
    }
    const headers = { 'User-Agent': 'curl', 'X-REQUEST-ID': 'r1', 'x-api-key': 'k' }
    expect(run(spec, '/', { headers })).toMatchObject({
      ok: true,
      value: { headers: { user_agent: 'curl', xRequestId: 'r1', 'X-Api-Key': 'k' } },
    })
  })

  test('reports header issues under the header name, as FastAPI does', () => {
    expect(
      run({ headers: { x_count: v.number() } }, '/', { headers: { 'x-count': 'ten' } }),
    ).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'float_parsing',
          loc: ['header', 'x-count'],
          msg: 'Input should be a valid number, unable to parse string as a number',
          input: 'ten',
        },
      ],
    })
    expect(run({ headers: { user_agent: v.string() } }, '/')).toMatchObject({
      issues: [{ type: 'missing', loc: ['header', 'user-agent'] }],
    })
  })

  test('splits a combined header value on commas for array fields', () => {
    const spec = { headers: { x_ids: v.array(int()) } }
    expect(run(spec, '/', { headers: { 'x-ids': '1, 2,3' } })).toMatchObject({
      value: { headers: { x_ids: [1, 2, 3] } },
    })
  })
})

describe('createValidator cookies', () => {
  test('reads declared cookies, decoding percent escapes and quotes', () => {
    const spec = { cookies: { session: v.string(), theme: v.optional(v.string()), n: v.number() } }
    const headers = { cookie: 'other=1; session=a%20b; theme="dark"; n=3' }
    expect(run(spec, '/', { headers })).toMatchObject({
      ok: true,
      value: { cookies: { session: 'a b', theme: 'dark', n: 3 } },
    })
  })

  test('takes the first of repeated cookies and reports missing ones under cookie', () => {
    const spec = { cookies: { session: v.string() } }
    expect(run(spec, '/', { headers: { cookie: 'session=a; session=b' } })).toMatchObject({
      value: { cookies: { session: 'a' } },
    })
    expect(run(spec, '/')).toEqual({
      ok: false,
      status: 422,
      issues: [{ type: 'missing', loc: ['cookie', 'session'], msg: 'Field required', input: null }],
    })
  })
})

describe('createValidator issue collection', () => {
  test('collects issues from every location in path, query, header, cookie order', () => {
    const spec = {
      cookies: { c: v.string() },
      headers: { h: v.number() },
      query: { b: v.string(), a: v.number() },
      params: { id: v.number() },
    }
    const result = run(spec, '/?a=x', { params: { id: 'y' }, headers: { h: 'z' } })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.issues.map((issue) => issue.loc)).toEqual([
      ['path', 'id'],
      ['query', 'b'],
      ['query', 'a'],
      ['header', 'h'],
      ['cookie', 'c'],
    ])
  })

  test('gives a value that fails a constraint as the string that was sent, as FastAPI does', () => {
    const spec = {
      params: { id: v.pipe(int(), v.minValue(0)) },
      query: {
        price: v.pipe(v.number(), v.maxValue(3)),
        tags: v.pipe(v.array(v.pipe(int(), v.minValue(5))), v.minLength(3)),
        q: v.string(),
      },
      headers: { x_retries: v.pipe(int(), v.maxValue(2)) },
      cookies: { size: v.pipe(int(), v.minValue(1)) },
    }
    const result = run(spec, '/?price=10.50&tags=1&tags=07', {
      params: { id: '-1' },
      headers: { 'x-retries': '003', cookie: 'size=00' },
    })
    expect(!result.ok && result.issues.map(({ loc, input }) => ({ loc, input }))).toEqual([
      { loc: ['path', 'id'], input: '-1' },
      { loc: ['query', 'price'], input: '10.50' },
      { loc: ['query', 'tags', 0], input: '1' },
      { loc: ['query', 'tags'], input: ['1', '07'] },
      { loc: ['query', 'q'], input: null },
      { loc: ['header', 'x-retries'], input: '003' },
      { loc: ['cookie', 'size'], input: '00' },
    ])
  })

  test('keeps a sensitive value out of a constraint issue', () => {
    const pin = v.pipe(int(), v.minValue(1000), v.metadata({ sensitive: true }))
    const result = run({ query: { pin } }, '/?pin=0042')
    expect(!result.ok && result.issues[0]).toMatchObject({
      type: 'greater_than_equal',
      input: null,
    })
  })

  test('caps the number of issues at maxIssues', () => {
    const fields = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, v.string()]))
    const check = createValidator({ query: fields }, { limits: { maxIssues: 3 } })
    const result = check.validate(new Request('http://localhost/'))
    expect(!(result instanceof Promise) && !result.ok && result.issues).toHaveLength(3)
  })

  test('uses errorStatus for validation failures', () => {
    const check = createValidator({ query: { q: v.string() } }, { errorStatus: 400 })
    expect(check.validate(new Request('http://localhost/'))).toMatchObject({
      ok: false,
      status: 400,
    })
  })
})

describe('createValidator misconfiguration', () => {
  test('throws at creation when a field is not a schema', () => {
    expect(() => createValidator({ query: { n: 5 } } as never)).toThrow(
      '@brisk/validator: query.n is not a Valibot schema',
    )
  })

  test('throws at creation for a non-object location schema or a bad bodyType', () => {
    expect(() => createValidator({ query: v.string() } as never)).toThrow(
      '@brisk/validator: query must be an object schema or an object of field schemas',
    )
    expect(() => createValidator({ body: { a: v.string() }, bodyType: 'xml' } as never)).toThrow(
      "@brisk/validator: bodyType must be 'json', 'form' or 'multipart', got xml",
    )
    expect(() => createValidator({ body: v.array(v.string()), bodyType: 'form' })).toThrow(
      '@brisk/validator: body must be an object schema or an object of field schemas',
    )
  })

  test('throws at creation for async schemas and bad options', () => {
    expect(() => createValidator({ body: v.objectAsync({}) } as never)).toThrow(/async schema/)
    expect(() => createValidator({}, { bodyLimit: -1 })).toThrow(
      '@brisk/validator: bodyLimit must be an integer >= 0, got -1',
    )
  })
})

describe('hostile scalar values', () => {
  test('refuses a long run of digits with a bad end in linear time', () => {
    const spec = { query: { n: v.number() } }
    const result = createValidator(spec).validate(
      new Request(`http://x/?n=${'1'.repeat(200_000)}x`),
    )
    expect(result).toMatchObject({
      ok: false,
      issues: [{ type: 'float_parsing', loc: ['query', 'n'] }],
    })
  })

  test('never echoes a sensitive field in an issue', () => {
    const secret = v.optional(v.pipe(v.string(), v.metadata({ sensitive: true })))
    const result = createValidator({ query: { api_key: secret } }).validate(
      new Request('http://x/?api_key=s3cret&api_key=other'),
    )
    expect(result).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'multiple_values',
          loc: ['query', 'api_key'],
          msg: 'Expected a single value, got 2',
          input: null,
        },
      ],
    })
  })
})
