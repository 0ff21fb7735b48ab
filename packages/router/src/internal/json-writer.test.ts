import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { createApp } from '../create-app.ts'
import { respond } from '../respond.ts'
import { get } from '../route.ts'
import { compileJsonWriter } from './json-writer.ts'

/** What the writer must return: the JSON of Valibot's output, or `undefined` for an invalid value. */
function reference(schema: v.GenericSchema, value: unknown): string | undefined {
  const result = v.safeParse(schema, value)
  return result.success ? JSON.stringify(result.output) : undefined
}

function writerFor(schema: v.GenericSchema) {
  const writer = compileJsonWriter(schema)
  if (!writer) throw new Error('expected a writer for this schema')
  return writer
}

const Item = v.object({
  id: v.number(),
  name: v.string(),
  price: v.number(),
  in_stock: v.boolean(),
})

class Point {
  constructor(
    readonly x: number,
    readonly hidden: string,
  ) {}
  get y() {
    return this.x * 2
  }
  toJSON() {
    return 'point'
  }
}

const cases: [string, v.GenericSchema, unknown, string | undefined][] = [
  [
    'strips keys the schema does not list',
    v.array(Item),
    [{ id: 1, name: 'a', price: 10.25, in_stock: true, secret: 's' }],
    '[{"id":1,"name":"a","price":10.25,"in_stock":true}]',
  ],
  [
    'rejects a wrong type deep in a list',
    v.array(Item),
    [
      { id: 1, name: 'a', price: 1, in_stock: true },
      { id: 2, name: 'b', price: '1', in_stock: true },
    ],
    undefined,
  ],
  ['rejects a missing required key', Item, { id: 1, name: 'a', price: 1 }, undefined],
  ['rejects a non-object for an object', Item, 'x', undefined],
  ['rejects null for an object', Item, null, undefined],
  ['rejects NaN', v.number(), Number.NaN, undefined],
  ['writes Infinity as null', v.array(v.number()), [Infinity, -Infinity], '[null,null]'],
  ['writes -0 as 0', v.number(), -0, '0'],
  [
    'writes keys in schema order',
    v.object({ b: v.number(), a: v.number() }),
    { a: 1, b: 2 },
    '{"b":2,"a":1}',
  ],
  [
    'writes integer keys first, as JSON.stringify does',
    v.object({ b: v.number(), 2: v.number(), 1: v.number() }),
    { 1: 1, 2: 2, b: 3 },
    '{"1":1,"2":2,"b":3}',
  ],
  ['omits an absent optional key', v.object({ a: v.optional(v.string()) }), {}, '{}'],
  [
    'omits an undefined optional key',
    v.object({ a: v.optional(v.string()) }),
    { a: undefined },
    '{}',
  ],
  [
    'writes a present optional key',
    v.object({ a: v.optional(v.string()) }),
    { a: 'x' },
    '{"a":"x"}',
  ],
  ['rejects a wrong optional value', v.object({ a: v.optional(v.string()) }), { a: 1 }, undefined],
  [
    'writes undefined array items as null',
    v.array(v.optional(v.number())),
    [undefined, 1],
    '[null,1]',
  ],
  [
    'reads array holes as undefined',
    v.array(v.optional(v.number())),
    Object.assign([], { 1: 1 }),
    '[null,1]',
  ],
  [
    'rejects undefined for an exact optional',
    v.object({ a: v.exactOptional(v.string()) }),
    { a: undefined },
    undefined,
  ],
  ['omits an absent exact optional', v.object({ a: v.exactOptional(v.string()) }), {}, '{}'],
  ['writes null for nullable', v.object({ a: v.nullable(v.number()) }), { a: null }, '{"a":null}'],
  ['writes nullish', v.array(v.nullish(v.number())), [null, undefined, 3], '[null,null,3]'],
  ['rejects undefined for nullable', v.nullable(v.number()), undefined, undefined],
  [
    'escapes strings',
    v.string(),
    'a"b\\c\n\u0001\u2028😀',
    JSON.stringify('a"b\\c\n\u0001\u2028😀'),
  ],
  ['escapes a lone surrogate', v.string(), '\ud800x', '"\\ud800x"'],
  [
    'escapes keys',
    v.object({ 'naïve "key"\n': v.string() }),
    { 'naïve "key"\n': 'é' },
    '{"naïve \\"key\\"\\n":"é"}',
  ],
  ['accepts a literal', v.literal('on'), 'on', '"on"'],
  ['rejects another literal', v.literal('on'), 'off', undefined],
  ['accepts a picklist option', v.picklist(['a', 'b', 3]), 3, '3'],
  ['rejects a value outside the picklist', v.picklist(['a', 'b']), 'c', undefined],
  ['accepts an enum value', v.enum({ A: 'a', B: 'b' }), 'b', '"b"'],
  ['rejects an enum key', v.enum({ A: 'a', B: 'b' }), 'A', undefined],
  [
    'accepts a union option',
    v.union([v.number(), v.object({ k: v.string() })]),
    { k: 'x', z: 1 },
    '{"k":"x"}',
  ],
  ['rejects what no union option accepts', v.union([v.number(), v.string()]), true, undefined],
  ['runs pipe validations', v.pipe(v.string(), v.minLength(3)), 'abc', '"abc"'],
  ['rejects a failing pipe validation', v.pipe(v.string(), v.minLength(3)), 'ab', undefined],
  [
    'rejects a failing nested pipe',
    v.object({ n: v.pipe(v.number(), v.integer()) }),
    { n: 1.5 },
    undefined,
  ],
  [
    'runs object pipe checks on the stripped object',
    v.pipe(
      v.object({ a: v.number() }),
      v.check((o) => !('secret' in o)),
    ),
    { a: 1, secret: 's' },
    '{"a":1}',
  ],
  [
    'ignores brands and metadata',
    v.pipe(v.string(), v.brand('Id'), v.description('an id')),
    'x',
    '"x"',
  ],
  [
    'nests arrays of objects',
    v.object({ rows: v.array(v.object({ cells: v.array(v.object({ v: v.number() })) })) }),
    { rows: [{ cells: [{ v: 1, w: 2 }, { v: 3 }], x: 1 }, { cells: [] }] },
    '{"rows":[{"cells":[{"v":1},{"v":3}]},{"cells":[]}]}',
  ],
  [
    'builds a plain object: no toJSON of the input, prototype getters read',
    v.object({ x: v.number(), y: v.number() }),
    new Point(2, 'h'),
    '{"x":2,"y":4}',
  ],
  ['accepts an array for an object', v.object({ length: v.number() }), [7, 8], '{"length":2}'],
  [
    'writes any value as JSON.stringify does',
    v.object({ at: v.any() }),
    { at: new Date(0) },
    '{"at":"1970-01-01T00:00:00.000Z"}',
  ],
  [
    'hands toJSON its key under any',
    v.object({ k: v.unknown() }),
    { k: { toJSON: (key: string) => key } },
    '{"k":"k"}',
  ],
  [
    'omits a function under any',
    v.object({ f: v.any(), n: v.null() }),
    { f: () => 1, n: null },
    '{"n":null}',
  ],
  [
    'applies a transform nested in an object',
    v.object({
      at: v.pipe(
        v.date(),
        v.transform((d) => d.getTime()),
      ),
      n: v.number(),
    }),
    { at: new Date(5), n: 1 },
    '{"at":5,"n":1}',
  ],
  [
    'fills an absent key with its default',
    v.object({ a: v.optional(v.string(), 'd') }),
    {},
    '{"a":"d"}',
  ],
  [
    'fills a wrong value with its fallback',
    v.object({ a: v.fallback(v.string(), 'f') }),
    { a: 1 },
    '{"a":"f"}',
  ],
  [
    'fills an absent key with its fallback',
    v.object({ a: v.fallback(v.string(), 'f') }),
    {},
    '{"a":"f"}',
  ],
  [
    'rejects an extra key of a nested strict object',
    v.object({ s: v.strictObject({ a: v.number() }) }),
    { s: { a: 1, b: 2 } },
    undefined,
  ],
  [
    'keeps the rest of a nested loose object',
    v.object({ s: v.looseObject({ a: v.number() }) }),
    { s: { a: 1, b: 2 } },
    '{"s":{"a":1,"b":2}}',
  ],
  [
    'rejects a wrong nested tuple',
    v.object({ t: v.tuple([v.number(), v.string()]) }),
    { t: ['x', 1] },
    undefined,
  ],
  ['writes an empty object schema', v.object({}), { a: 1 }, '{}'],
]

describe('compileJsonWriter', () => {
  it.each(cases)('%s', (_name, schema, value, expected) => {
    const writer = writerFor(schema)
    expect(writer(value)).toBe(expected)
    expect(writer(value)).toBe(reference(schema, value))
  })

  it('matches Valibot for keys Valibot assigns specially (__proto__, toJSON)', () => {
    const proto = '__proto__' // computed, so the entry is a key and not the entries' prototype
    const schema = v.object({ [proto]: v.any(), toJSON: v.any(), a: v.number() })
    const values = [
      { a: 1 },
      { a: 1, toJSON: () => 'replaced' },
      JSON.parse('{"a":1,"__proto__":{"b":2}}'),
    ]
    for (const value of values) expect(writerFor(schema)(value)).toBe(reference(schema, value))
  })

  it('runs pipe transforms as Valibot does', () => {
    const length = v.pipe(
      v.string(),
      v.transform((s) => s.length),
      v.minValue(2),
    )
    expect(writerFor(length)('abc')).toBe('3')
    expect(writerFor(length)('a')).toBeUndefined()
    expect(writerFor(length)(3)).toBeUndefined()
  })

  it('leaves schemas with nothing to gain to safeParse', () => {
    expect(compileJsonWriter(v.strictObject({ a: v.number() }))).toBeUndefined()
    expect(compileJsonWriter(v.lazy(() => v.string()))).toBeUndefined()
    expect(compileJsonWriter(v.date())).toBeUndefined()
    expect(compileJsonWriter(v.fallback(v.string(), 'f'))).toBeUndefined()
    const async = v.objectAsync({ a: v.string() }) as unknown as v.GenericSchema
    expect(compileJsonWriter(async)).toBeUndefined()
  })

  it('returns undefined for a valid value that has no JSON, as JSON.stringify does', () => {
    expect(writerFor(v.optional(v.string()))(undefined)).toBeUndefined()
    expect(writerFor(v.optional(v.string()))('a')).toBe('"a"')
  })

  it('agrees with safeParse + JSON.stringify on random schemas and values', () => {
    fc.assert(
      fc.property(schemaArbitrary, valueArbitrary, (schema, value) => {
        const writer = compileJsonWriter(schema)
        if (writer) expect(writer(value)).toBe(reference(schema, value))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('a route with a response schema', () => {
  it('sends the same headers and body as c.json', async () => {
    const secretless = v.object({ id: v.number() })
    const app = createApp({
      routes: [
        get('/plain', { response: secretless }, () => ({ id: 1, secret: 's' })),
        get('/headers', { response: secretless }, () =>
          respond(200, { id: 2, secret: 's' }, { 'x-a': 'b' }),
        ),
        get('/hono', ({ c }) => c.json({ id: 1 }, 200, { 'x-a': 'b' })),
      ],
    })
    const plain = await app.request('/plain')
    expect(plain.status).toBe(200)
    expect([...plain.headers]).toEqual([['content-type', 'application/json']])
    expect(await plain.text()).toBe('{"id":1}')
    const withHeaders = await app.request('/headers')
    const hono = await app.request('/hono')
    expect([...withHeaders.headers]).toEqual([...hono.headers])
    expect(await withHeaders.text()).toBe('{"id":2}')
  })
})

// Random schemas from the planned vocabulary (plus a transform, left to Valibot), over keys and
// values drawn from small pools so that objects often match and often do not.
const keyArbitrary = fc.constantFrom('a', 'b', 'c', 'secret')

const { schema: schemaArbitrary } = fc.letrec<{ schema: v.GenericSchema }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<v.GenericSchema>(
      v.string(),
      v.number(),
      v.boolean(),
      v.null(),
      v.any(),
      v.literal('a'),
      v.picklist(['a', 'b', 1]),
      v.pipe(v.number(), v.integer()),
      v.pipe(
        v.string(),
        v.transform((s) => s.toUpperCase()),
      ),
    ),
    tie('schema').map((inner) => v.optional(inner)),
    tie('schema').map((inner) => v.nullable(inner)),
    tie('schema').map((inner) => v.nullish(inner)),
    tie('schema').map((inner) => v.array(inner)),
    fc.array(tie('schema'), { minLength: 1, maxLength: 3 }).map((options) => v.union(options)),
    fc
      .dictionary(fc.constantFrom('a', 'b', 'c'), tie('schema'), { maxKeys: 3 })
      .map((entries) => v.object(entries)),
  ),
}))

const { value: valueArbitrary } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<unknown>(undefined, null, 'a', 'b', 1, -0, Number.NaN, Infinity, true),
    fc.string({ unit: 'binary' }),
    fc.double(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(keyArbitrary, tie('value'), { maxKeys: 4 }),
  ),
}))
