import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { alias } from './alias.ts'
import { createValidator } from './create-validator.ts'
import { recordKey } from './record-key.ts'
import type { InputSpec, RawRequest, ValidationResult, ValidatorOptions } from './types.ts'

type Result = ValidationResult<{ body: unknown; query: unknown }>

function post(body: BodyInit | null, headers: Record<string, string> = {}, url = '/'): Request {
  return new Request(`http://localhost${url}`, { method: 'POST', body, headers })
}

function json(value: unknown, contentType = 'application/json'): Request {
  return post(JSON.stringify(value), { 'content-type': contentType })
}

async function run(spec: InputSpec, request: Request, options?: ValidatorOptions): Promise<Result> {
  return (await createValidator(spec, options).validate(request)) as Result
}

const item = v.object({ name: v.string(), price: v.number() })

describe('createValidator JSON bodies', () => {
  test('validates a JSON body and returns a Promise', async () => {
    const pending = createValidator({ body: item }).validate(json({ name: 'a', price: 1 }))
    expect(pending).toBeInstanceOf(Promise)
    expect(await pending).toMatchObject({ ok: true, value: { body: { name: 'a', price: 1 } } })
  })

  test('wraps field schemas in an object and strips undeclared keys', async () => {
    const result = await run({ body: { name: v.string() } }, json({ name: 'a', extra: 1 }))
    expect(result).toMatchObject({ ok: true, value: { body: { name: 'a' } } })
    expect(result.ok && result.value.body).toEqual({ name: 'a' })
  })

  test('an invalid body stops being checked once maxIssues issues exist (#12 defect 5)', async () => {
    // Before, every item was checked and every issue built, only for the first 100 to be kept.
    let checked = 0
    const counted = v.pipe(
      v.number(),
      v.check((n) => {
        checked += 1
        return n >= 0
      }),
    )
    const values = Array.from({ length: 20_000 }, () => -1)
    const result = await run({ body: { values: v.array(counted) } }, json({ values }))
    expect(result.ok ? [] : result.issues).toHaveLength(100)
    expect(result.ok ? undefined : result.issues[99]?.loc).toEqual(['body', 'values', 99])
    // The compiled parser stops at the first invalid item; Valibot's run then at the 100th.
    expect(checked).toBeLessThanOrEqual(101)
  })

  test('accepts any JSON schema, such as an array', async () => {
    const result = await run({ body: v.array(v.number()) }, json([1, 2]))
    expect(result).toMatchObject({ ok: true, value: { body: [1, 2] } })
  })

  test('accepts a Content-Type with parameters, any case, and +json types', async () => {
    const body = JSON.stringify({ name: 'a', price: 1 })
    for (const type of [
      'Application/JSON; charset=utf-8',
      ' application/json ',
      'application/merge-patch+json',
    ]) {
      expect(await run({ body: item }, post(body, { 'content-type': type }))).toMatchObject({
        ok: true,
      })
    }
  })

  test.each(['application/jsonx', 'text/plain', 'application/x-www-form-urlencoded'])(
    'rejects a %s body with 415',
    async (type) => {
      expect(await run({ body: item }, post('{}', { 'content-type': type }))).toEqual({
        ok: false,
        status: 415,
        issues: [],
        detail: 'Unsupported Media Type: expected application/json',
      })
    },
  )

  test('rejects a missing body with 415 when the body is required, never validating it as {}', async () => {
    expect(await run({ body: v.object({}) }, post(null))).toEqual({
      ok: false,
      status: 415,
      issues: [],
      detail: 'Unsupported Media Type: expected application/json',
    })
  })

  test('gives undefined, or the default, for a missing optional body', async () => {
    expect(await run({ body: v.optional(item) }, post(null))).toMatchObject({
      ok: true,
      value: { body: undefined },
    })
    const fallback = { name: 'default', price: 0 }
    expect(await run({ body: v.optional(item, fallback) }, post(null))).toMatchObject({
      ok: true,
      value: { body: fallback },
    })
  })

  test('gives a missing field the object that should have held it, as pydantic does', async () => {
    const spec = {
      body: {
        name: v.string(),
        price: v.number(),
        dimensions: v.object({ width: v.number(), height: v.number() }),
      },
    }
    const result = await run(spec, json({ name: 'Foo', dimensions: { width: 2 } }))
    expect(result).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'missing',
          loc: ['body', 'price'],
          msg: 'Field required',
          input: { name: 'Foo', dimensions: { width: 2 } },
        },
        {
          type: 'missing',
          loc: ['body', 'dimensions', 'height'],
          msg: 'Field required',
          input: { width: 2 },
        },
      ],
    })
    expect(await run(spec, json({}))).toMatchObject({
      issues: [{ loc: ['body', 'name'], input: {} }, { input: {} }, { input: {} }],
    })
  })

  test('never echoes a sensitive JSON field, alone or in the object a missing field is from', async () => {
    const secret = v.pipe(v.string(), v.minLength(8), v.metadata({ sensitive: true }))
    const spec = { body: { username: v.string(), password: secret, owner: v.object({ secret }) } }
    const result = await run(spec, json({ password: 'hunter2', owner: { secret: 'hunter2' } }))
    expect(!result.ok && result.issues.map(({ loc, input }) => ({ loc, input }))).toEqual([
      { loc: ['body', 'username'], input: { password: null, owner: { secret: null } } },
      { loc: ['body', 'password'], input: null },
      { loc: ['body', 'owner', 'secret'], input: null },
    ])
  })

  test('gives an aliased body the object as sent, wire keys and all, sensitive values hidden', async () => {
    const spec = {
      body: {
        itemName: v.pipe(v.string(), alias('item-name')),
        secret: v.pipe(v.string(), alias('api-secret'), v.metadata({ sensitive: true })),
        price: v.number(),
      },
    }
    const result = await run(spec, json({ 'item-name': 'Foo', 'api-secret': 's3cret' }))
    expect(!result.ok && result.issues).toEqual([
      {
        type: 'missing',
        loc: ['body', 'price'],
        msg: 'Field required',
        input: { 'item-name': 'Foo', 'api-secret': null },
      },
    ])
  })

  test('refuses an array (or any non-object) where an object body is declared', async () => {
    const notes = { body: { note: v.optional(v.string()), tags: v.optional(v.array(v.string())) } }
    const refused = (input: unknown) => ({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'model_attributes_type',
          loc: ['body'],
          msg: 'Input should be a valid dictionary or object to extract fields from',
          input,
        },
      ],
    })
    expect(await run(notes, json([1, 2]))).toEqual(refused([1, 2]))
    expect(await run(notes, json('note'))).toEqual(refused('note'))
    expect(await run(notes, json({}))).toMatchObject({ ok: true, value: { body: {} } })
    const nested = await run(
      { body: { owner: v.object({ name: v.optional(v.string()) }) } },
      json({ owner: [] }),
    )
    expect(!nested.ok && nested.issues[0]).toMatchObject({
      type: 'model_attributes_type',
      loc: ['body', 'owner'],
    })
  })

  test('reads JSON null where a body is required as a missing body, as FastAPI does', async () => {
    expect(await run({ body: item }, json(null))).toEqual({
      ok: false,
      status: 422,
      issues: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }],
    })
    expect(await run({ body: v.nullable(item) }, json(null))).toMatchObject({ ok: true })
  })

  test("coerces a dict body's keys to their schema and reports a bad key at '[key]'", async () => {
    const integer = v.pipe(v.number(), v.integer())
    const spec = { body: v.record(recordKey(integer), v.number()) }
    expect(await run(spec, json({ '1': 0.5, '2': 3 }))).toMatchObject({
      ok: true,
      value: { body: { '1': 0.5, '2': 3 } },
    })
    expect(await run({ body: { weights: spec.body } }, json({ weights: { foo: 1 } }))).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'int_parsing',
          loc: ['body', 'weights', 'foo', '[key]'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'foo',
        },
      ],
    })
    const positive = { body: v.record(recordKey(v.pipe(integer, v.minValue(1))), v.number()) }
    expect(await run(positive, json({ '0': 1 }))).toMatchObject({
      issues: [{ type: 'greater_than_equal', loc: ['body', '0', '[key]'], input: '0' }],
    })
  })

  test('reports an empty JSON body as a missing required body', async () => {
    expect(await run({ body: item }, post('', { 'content-type': 'application/json' }))).toEqual({
      ok: false,
      status: 422,
      issues: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }],
    })
  })

  test('reports malformed JSON as json_invalid at the offset of the first bad character', async () => {
    const result = await run(
      { body: item },
      post("{'name': 'Foo'}", { 'content-type': 'application/json' }),
    )
    expect(result).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'json_invalid',
          loc: ['body', 1],
          msg: 'JSON decode error',
          input: {},
          ctx: { error: 'Expecting property name enclosed in double quotes' },
        },
      ],
    })
    const cut = await run(
      { body: item },
      post('{"név": "😀",', { 'content-type': 'application/json' }),
    )
    expect(!cut.ok && cut.issues[0]).toMatchObject({ loc: ['body', 12] })
  })

  test('reports a body that is not UTF-8 as json_invalid at the first bad byte', async () => {
    const bytes = new Uint8Array([0x22, 0xc3, 0xa9, 0xff, 0xfe, 0x22])
    expect(
      await run({ body: v.string() }, post(bytes, { 'content-type': 'application/json' })),
    ).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'json_invalid',
          loc: ['body', 2],
          msg: 'JSON decode error',
          input: {},
          ctx: { error: 'Invalid UTF-8' },
        },
      ],
    })
  })

  test('deletes __proto__, constructor and prototype keys at any depth', async () => {
    const text =
      '{"a":{"__proto__":{"polluted":true},"b":[{"constructor":{"prototype":{"x":1}},"ok":1}]},"prototype":1}'
    // v.unknown() passes the parsed value through untouched: only the walk protects it.
    const spec = { body: v.unknown() }
    const result = await run(spec, post(text, { 'content-type': 'application/json' }))
    expect(result.ok).toBe(true)
    const body = result.ok ? (result.value.body as Record<string, any>) : {}
    expect(JSON.stringify(body)).toBe('{"a":{"b":[{"ok":1}]}}')
    expect(Object.hasOwn(body.a, '__proto__')).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  test('rejects JSON nested deeper than maxDepth', async () => {
    const deep = `${'['.repeat(6)}${']'.repeat(6)}`
    const request = post(deep, { 'content-type': 'application/json' })
    expect(await run({ body: v.unknown() }, request, { limits: { maxDepth: 5 } })).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'too_deep',
          loc: ['body'],
          msg: 'JSON body is nested deeper than the limit of 5 levels',
          input: null,
          ctx: { max_depth: 5 },
        },
      ],
    })
    const ok = post(`${'['.repeat(5)}${']'.repeat(5)}`, { 'content-type': 'application/json' })
    expect(await run({ body: v.unknown() }, ok, { limits: { maxDepth: 5 } })).toMatchObject({
      ok: true,
    })
  })

  test('rejects JSON with more values than maxNodes', async () => {
    const request = json({ a: [1, 2, 3], b: 'x' })
    expect(await run({ body: v.unknown() }, request, { limits: { maxNodes: 5 } })).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'too_many_values',
          loc: ['body'],
          msg: 'JSON body has more than the limit of 5 values',
          input: null,
          ctx: { max_values: 5 },
        },
      ],
    })
    expect(
      await run({ body: v.unknown() }, json({ a: [1, 2], b: 'x' }), { limits: { maxNodes: 5 } }),
    ).toMatchObject({
      ok: true,
    })
  })

  test('locates issues deep inside the body', async () => {
    const spec = {
      body: v.object({ variants: v.array(v.object({ stock: v.pipe(v.number(), v.integer()) })) }),
    }
    const variants = [{ stock: 1 }, { stock: 2 }, { stock: 3 }, { stock: 'many' }, { stock: 1.5 }]
    expect(await run(spec, json({ variants }))).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'int_type',
          loc: ['body', 'variants', 3, 'stock'],
          msg: 'Input should be a valid integer',
          input: 'many',
        },
        {
          type: 'int_from_float',
          loc: ['body', 'variants', 4, 'stock'],
          msg: 'Input should be a valid integer, got a number with a fractional part',
          input: 1.5,
        },
      ],
    })
  })
})

describe('createValidator body size limit', () => {
  const limited = { bodyLimit: 16 }
  const tooLarge = {
    ok: false,
    status: 413,
    issues: [],
    detail: 'Request body is larger than the limit of 16 bytes',
  }

  test('rejects a numeric Content-Length over the limit without reading the body', async () => {
    const request = post('x'.repeat(100), {
      'content-type': 'application/json',
      'content-length': '100',
    })
    expect(await run({ body: v.string() }, request, limited)).toEqual(tooLarge)
    expect(request.bodyUsed).toBe(false)
  })

  test('counts the bytes of a chunked body and cancels the stream past the limit', async () => {
    let pulls = 0
    let cancelled = false
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++
        controller.enqueue(new TextEncoder().encode('"abcdefgh'))
      },
      cancel() {
        cancelled = true
      },
    })
    const request = new Request('http://localhost/', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit)
    expect(await run({ body: v.string() }, request, limited)).toEqual(tooLarge)
    expect(cancelled).toBe(true)
    expect(pulls).toBeLessThan(5)
  })

  test('does not trust a small, lying Content-Length', async () => {
    const request = post(JSON.stringify('x'.repeat(100)), {
      'content-type': 'application/json',
      'content-length': '3',
    })
    expect(await run({ body: v.string() }, request, limited)).toEqual(tooLarge)
  })

  test('ignores a non-numeric Content-Length and still counts bytes', async () => {
    const body = JSON.stringify('x'.repeat(100))
    const request = post(body, { 'content-type': 'application/json', 'content-length': 'abc' })
    expect(await run({ body: v.string() }, request, limited)).toEqual(tooLarge)
    const small = post('"ok"', { 'content-type': 'application/json', 'content-length': 'abc' })
    expect(await run({ body: v.string() }, small, limited)).toMatchObject({
      ok: true,
      value: { body: 'ok' },
    })
  })

  test('accepts a body exactly at the limit', async () => {
    const body = JSON.stringify('x'.repeat(14))
    expect(body).toHaveLength(16)
    expect(await run({ body: v.string() }, json('x'.repeat(14)), limited)).toMatchObject({
      ok: true,
    })
  })
})

describe('createValidator issue order with a body', () => {
  test('reports query issues before body issues, all in one response', async () => {
    const spec = { query: { page: v.number() }, body: item }
    const request = new Request('http://localhost/?page=x', {
      method: 'POST',
      body: JSON.stringify({ name: 1, price: 2 }),
      headers: { 'content-type': 'application/json' },
    })
    const result = await run(spec, request)
    expect(!result.ok && result.issues.map((issue) => [issue.type, issue.loc])).toEqual([
      ['float_parsing', ['query', 'page']],
      ['string_type', ['body', 'name']],
    ])
  })
})

describe('a raw request from a runtime adapter', () => {
  /** An adapter's view: headers as it has them, the body in chunks, the limit honoured. */
  function raw(
    headers: Record<string, string>,
    ...parts: string[]
  ): RawRequest & { reads: number } {
    const state = { reads: 0 }
    return Object.assign(state, {
      headers: new Headers(headers),
      async read(limit: number) {
        state.reads++
        const bytes = new TextEncoder().encode(parts.join(''))
        return bytes.byteLength > limit ? undefined : bytes
      },
    })
  }
  const spec = { body: v.object({ n: v.number() }), headers: { x_tag: v.optional(v.string()) } }
  // The web Request says nothing: what counts is what the adapter reports.
  const bare = new Request('http://x/', { method: 'POST' })

  test('reads the headers and bytes from the adapter instead of the Request', async () => {
    const headers = { 'content-type': 'application/json', 'content-length': '7', 'x-tag': 'a, b' }
    const source = raw(headers, '{"n":', '1}')
    const result = await createValidator(spec).validate(bare, undefined, source)
    expect(result).toEqual({
      ok: true,
      value: { params: {}, query: {}, headers: { x_tag: 'a, b' }, cookies: {}, body: { n: 1 } },
    })
    expect(source.reads).toBe(1)
  })

  test('reads header inputs from the adapter, never building the Request headers', async () => {
    const request = new Request('http://x/')
    Object.defineProperty(request, 'headers', {
      get: () => expect.unreachable('request.headers was read'),
    })
    const result = createValidator({ headers: { x_tag: v.string() } }).validate(
      request,
      undefined,
      raw({ 'x-tag': 'from-adapter' }),
    )
    expect(result).toMatchObject({ ok: true, value: { headers: { x_tag: 'from-adapter' } } })
  })

  test('still enforces the limit on the bytes read', async () => {
    const source = raw(
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      '{"n":',
      '12345678}',
    )
    const result = await createValidator(spec, { bodyLimit: 8 }).validate(bare, undefined, source)
    expect(result).toMatchObject({ ok: false, status: 413 })
  })

  test('takes HTTP framing for whether there is a body', async () => {
    const source = raw({ 'content-type': 'application/json', 'content-length': '0' })
    const result = await createValidator(spec).validate(bare, undefined, source)
    // Content-Length: 0 of the right type: a missing body (422), as on runtimes with an empty
    // stream — the socket is not read.
    expect(result).toMatchObject({
      ok: false,
      status: 422,
      issues: [{ type: 'missing', loc: ['body'] }],
    })
    expect(source.reads).toBe(0)
  })

  test('answers 400 when the adapter cannot read the body', async () => {
    const source = {
      headers: new Headers({ 'content-type': 'application/json', 'content-length': '9' }),
      read: () => Promise.reject(new Error('aborted')),
    }
    const result = await createValidator(spec).validate(bare, undefined, source)
    expect(result).toEqual({
      ok: false,
      status: 400,
      issues: [],
      detail: 'The request body could not be read',
    })
  })
})

describe('a body that cannot be read', () => {
  test('is a 400, not a server failure, when the stream errors mid-body', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"n":'))
        controller.error(new Error('connection reset'))
      },
    })
    const request = new Request('http://x/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit)
    const result = await createValidator({ body: v.object({ n: v.number() }) }).validate(request)
    expect(result).toEqual({
      ok: false,
      status: 400,
      issues: [],
      detail: 'The request body could not be read',
    })
  })
})

describe('createValidator lax mode (pydantic lax, opt-in)', () => {
  const Offer = v.object({
    price: v.number(),
    quantity: v.pipe(v.number(), v.integer()),
    gift: v.optional(v.boolean()),
    tags: v.optional(v.set(v.string())),
  })
  const lax = { lax: true } as const

  test('strict by default: a numeric string in JSON is not a number', async () => {
    const result = await run({ body: Offer }, json({ price: '50.5', quantity: 1 }))
    expect(result.ok ? [] : result.issues.map((issue) => issue.loc)).toEqual([['body', 'price']])
  })

  test('lax coerces strings, booleans and sets as pydantic does', async () => {
    const result = await run(
      { body: Offer },
      json({ price: '50.5', quantity: ' 7 ', gift: 't', tags: ['a', 'a', 'b'] }),
      lax,
    )
    expect(result.ok && result.value.body).toEqual({
      price: 50.5,
      quantity: 7,
      gift: true,
      tags: new Set(['a', 'b']),
    })
  })

  test('a string that does not parse is float_parsing / int_parsing with the string sent', async () => {
    const result = await run({ body: Offer }, json({ price: 'free', quantity: '1.5' }), lax)
    expect(result.ok ? [] : result.issues).toEqual([
      {
        type: 'float_parsing',
        loc: ['body', 'price'],
        msg: 'Input should be a valid number, unable to parse string as a number',
        input: 'free',
      },
      {
        type: 'int_parsing',
        loc: ['body', 'quantity'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: '1.5',
      },
    ])
  })
})
