import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { createValidator } from './create-validator.ts'
import type { InputSpec, ValidationResult, ValidatorOptions } from './types.ts'

type Result = ValidationResult<{ body: unknown }>

async function run(spec: InputSpec, request: Request, options?: ValidatorOptions): Promise<Result> {
  return (await createValidator(spec, options).validate(request)) as Result
}

function urlencoded(text: string): Request {
  return new Request('http://localhost/', {
    method: 'POST',
    body: text,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
}

function multipart(entries: [string, string | File][]): Request {
  const form = new FormData()
  for (const [key, value] of entries) form.append(key, value)
  return new Request('http://localhost/', { method: 'POST', body: form })
}

const login = {
  username: v.string(),
  remember: v.optional(v.boolean(), false),
  age: v.optional(v.number()),
}

describe('createValidator form bodies', () => {
  test('coerces urlencoded fields by their schemas', async () => {
    const result = await run(
      { body: login, bodyType: 'form' },
      urlencoded('username=ann+lee&remember=on&age=30'),
    )
    expect(result).toMatchObject({
      ok: true,
      value: { body: { username: 'ann lee', remember: true, age: 30 } },
    })
  })

  test('accepts multipart for bodyType form', async () => {
    const result = await run(
      { body: login, bodyType: 'form' },
      multipart([
        ['username', 'ann'],
        ['age', '4'],
      ]),
    )
    expect(result).toMatchObject({
      ok: true,
      value: { body: { username: 'ann', remember: false, age: 4 } },
    })
  })

  test('treats an empty form value as not sent, like FastAPI', async () => {
    const result = await run({ body: login, bodyType: 'form' }, urlencoded('username=ann&age='))
    expect(result.ok && result.value.body).toEqual({ username: 'ann', remember: false })
    expect(await run({ body: login, bodyType: 'form' }, urlencoded('username='))).toEqual({
      ok: false,
      status: 422,
      issues: [{ type: 'missing', loc: ['body', 'username'], msg: 'Field required', input: null }],
    })
  })

  test('fills array fields from repeated keys and rejects repeated scalars', async () => {
    const spec = { body: { tag: v.array(v.string()), n: v.number() }, bodyType: 'form' } as const
    expect(await run(spec, urlencoded('tag=a&n=1&tag=b'))).toMatchObject({
      ok: true,
      value: { body: { tag: ['a', 'b'], n: 1 } },
    })
    expect(await run(spec, urlencoded('tag=a&n=1&n=2'))).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'multiple_values',
          loc: ['body', 'n'],
          msg: 'Expected a single value, got 2',
          input: ['1', '2'],
        },
      ],
    })
  })

  test('never lets prototype keys into a loose form object', async () => {
    const spec = { body: v.looseObject({ a: v.string() }), bodyType: 'form' } as const
    const result = await run(spec, urlencoded('a=1&__proto__=x&constructor=y&b=2'))
    expect(result.ok && JSON.stringify(result.value.body)).toBe('{"a":"1","b":"2"}')
  })

  test('rejects a JSON body for a form with 415', async () => {
    const request = new Request('http://localhost/', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    })
    expect(await run({ body: login, bodyType: 'form' }, request)).toEqual({
      ok: false,
      status: 415,
      issues: [],
      detail:
        'Unsupported Media Type: expected application/x-www-form-urlencoded or multipart/form-data',
    })
  })

  test('rejects more fields than maxParts', async () => {
    const spec = { body: { a: v.optional(v.string()) }, bodyType: 'form' } as const
    const expected = {
      ok: false,
      status: 422,
      issues: [
        {
          type: 'too_many_parts',
          loc: ['body'],
          msg: 'Form has more than the limit of 2 fields',
          input: null,
          ctx: { max_parts: 2 },
        },
      ],
    }
    expect(await run(spec, urlencoded('a=1&b=2&c=3'), { limits: { maxParts: 2 } })).toEqual(
      expected,
    )
    const parts: [string, string][] = [
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
    ]
    expect(await run(spec, multipart(parts), { limits: { maxParts: 2 } })).toEqual(expected)
  })
})

describe('createValidator multipart bodies', () => {
  const upload = {
    body: {
      title: v.string(),
      file: v.pipe(v.file(), v.mimeType(['image/png', 'image/jpeg']), v.maxSize(8)),
    },
    bodyType: 'multipart',
  } as const

  test('passes files through to the schema', async () => {
    const file = new File(['png!'], 'a.png', { type: 'image/png' })
    const result = await run(
      upload,
      multipart([
        ['title', 'pic'],
        ['file', file],
      ]),
    )
    expect(result.ok).toBe(true)
    const body = result.ok ? (result.value.body as { title: string; file: File }) : undefined
    expect(body?.title).toBe('pic')
    expect(body?.file).toBeInstanceOf(File)
    expect(body?.file.name).toBe('a.png')
    expect(await body?.file.text()).toBe('png!')
  })

  test('reports a file that is too large or of the wrong type', async () => {
    const big = new File(['0123456789'], 'big.png', { type: 'image/png' })
    const text = new File(['hi'], 'a.txt', { type: 'text/plain' })
    expect(
      await run(
        upload,
        multipart([
          ['title', 'a'],
          ['file', big],
        ]),
      ),
    ).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'max_size',
          loc: ['body', 'file'],
          msg: 'File should be at most 8 bytes',
          input: { filename: 'big.png', content_type: 'image/png', size: 10 },
          ctx: { max_size: 8 },
        },
      ],
    })
    expect(
      await run(
        upload,
        multipart([
          ['title', 'a'],
          ['file', text],
        ]),
      ),
    ).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'mime_type',
          loc: ['body', 'file'],
          msg: "File type should be 'image/png' or 'image/jpeg'",
          input: { filename: 'a.txt', content_type: 'text/plain', size: 2 },
          ctx: { expected: "'image/png' or 'image/jpeg'" },
        },
      ],
    })
  })

  test('reports a string where a file is expected as file_type', async () => {
    expect(
      await run(
        upload,
        multipart([
          ['title', 'a'],
          ['file', 'not a file'],
        ]),
      ),
    ).toEqual({
      ok: false,
      status: 422,
      issues: [
        {
          type: 'file_type',
          loc: ['body', 'file'],
          msg: 'Input should be a valid file',
          input: 'not a file',
        },
      ],
    })
  })

  test('collects repeated files into an array field', async () => {
    const spec = { body: { files: v.array(v.file()) }, bodyType: 'multipart' } as const
    const a = new File(['a'], 'a.txt')
    const b = new File(['b'], 'b.txt')
    const result = await run(
      spec,
      multipart([
        ['files', a],
        ['files', b],
      ]),
    )
    const files = result.ok ? (result.value.body as { files: File[] }).files : []
    expect(files.map((file) => file.name)).toEqual(['a.txt', 'b.txt'])
  })

  test('rejects urlencoded bodies with 415 when multipart is required', async () => {
    expect(await run(upload, urlencoded('title=a'))).toEqual({
      ok: false,
      status: 415,
      issues: [],
      detail: 'Unsupported Media Type: expected multipart/form-data',
    })
  })

  test('reports malformed multipart as form_invalid', async () => {
    const request = new Request('http://localhost/', {
      method: 'POST',
      body: 'this is not multipart',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
    })
    const result = await run(upload, request)
    expect(result).toMatchObject({
      ok: false,
      status: 422,
      issues: [
        { type: 'form_invalid', loc: ['body'], msg: 'Form data could not be parsed', input: {} },
      ],
    })
  })
})
