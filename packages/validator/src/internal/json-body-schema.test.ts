import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { compileParser, INVALID } from '../compile-parser.ts'
import { recordKey } from '../record-key.ts'
import { jsonBodySchema } from './json-body-schema.ts'

const integer = v.pipe(v.number(), v.integer())

function issuesOf(schema: v.GenericSchema, value: unknown) {
  const result = v.safeParse(jsonBodySchema(schema), value)
  return result.success
    ? []
    : result.issues.map(({ type, input, path }) => ({
        type,
        input,
        path: path?.map((item) => item.key),
      }))
}

describe('jsonBodySchema', () => {
  test('an object schema refuses an array as it refuses any non-object', () => {
    const schema = v.object({ note: v.optional(v.string()) })
    expect(v.parse(schema, [1, 2])).toEqual({}) // Valibot's own: an array is an object
    expect(issuesOf(schema, [1, 2])).toEqual([{ type: 'object', input: [1, 2], path: undefined }])
    expect(v.parse(jsonBodySchema(schema), { note: 'a' })).toEqual({ note: 'a' })
  })

  test('refuses arrays in objects at any depth, through pipes, wrappers, unions and lazy', () => {
    const inner = v.object({ a: v.optional(v.string()) })
    const tree: v.GenericSchema = v.lazy(() => v.object({ next: v.optional(tree) }))
    const cases: [v.GenericSchema, unknown, (string | number)[] | undefined][] = [
      [
        v.pipe(
          inner,
          v.check(() => true),
        ),
        [],
        undefined,
      ],
      [v.object({ item: v.nullable(inner) }), { item: [] }, ['item']],
      [v.array(inner), [{}, []], [1]],
      [v.union([inner, v.string()]), [], undefined],
      [v.tuple([inner]), [[]], [0]],
      [v.looseObject({ a: v.optional(inner) }), { a: [] }, ['a']],
      [v.objectWithRest({}, inner), { b: [] }, ['b']],
      [v.record(v.string(), inner), { k: [] }, ['k']],
      [tree, { next: { next: [] } }, ['next', 'next']],
    ]
    for (const [schema, value, path] of cases) {
      expect(v.safeParse(schema, value).success).toBe(true)
      const found = issuesOf(schema, value)
      expect(found.length).toBeGreaterThan(0)
      if (path) expect(found.some((issue) => String(issue.path) === String(path))).toBe(true)
    }
  })

  test('a record refuses an array too', () => {
    expect(issuesOf(v.record(v.string(), v.number()), [1])).toEqual([
      { type: 'record', input: [1], path: undefined },
    ])
  })

  test('copies what it changes and leaves the rest, and the given schema, as they are', () => {
    const plain = v.array(v.pipe(v.string(), v.minLength(1)))
    expect(jsonBodySchema(plain)).toBe(plain)
    const schema = v.object({ tags: plain })
    const adapted = jsonBodySchema(schema) as unknown as { entries: { tags: unknown } }
    expect(adapted).not.toBe(schema)
    expect(adapted.entries.tags).toBe(plain)
    expect(jsonBodySchema(schema)).toBe(adapted)
    const optional = v.object({ n: v.optional(v.number()) })
    jsonBodySchema(optional)
    expect(v.safeParse(optional, []).success).toBe(true)
  })

  test("coerces a record's string keys to a numeric key schema, as pydantic's dict[int, float]", () => {
    const weights = jsonBodySchema(v.record(recordKey(integer), v.number()))
    expect(v.parse(weights, { '1': 0.5, '02': 2 })).toEqual({ '1': 0.5, '2': 2 })
    expect(issuesOf(v.record(recordKey(integer), v.number()), { foo: 1, '1.5': 2 })).toEqual([
      { type: 'int_parsing', input: 'foo', path: ['foo'] },
      { type: 'int_parsing', input: '1.5', path: ['1.5'] },
    ])
    expect(
      v.parse(jsonBodySchema(v.record(recordKey(v.number()), v.number())), { '1.5': 1 }),
    ).toEqual({
      '1.5': 1,
    })
    // A key that fails a rule of the key schema is reported as sent.
    const positive = v.record(recordKey(v.pipe(integer, v.minValue(1))), v.number())
    expect(issuesOf(positive, { '0': 1 })).toEqual([{ type: 'min_value', input: '0', path: ['0'] }])
    // String keys need nothing: the key schema is the one given.
    const byName = v.record(v.pipe(v.string(), v.minLength(2)), v.number())
    expect(issuesOf(byName, { a: 1 })).toEqual([{ type: 'min_length', input: 'a', path: ['a'] }])
  })

  test('compiles to a parser that agrees with Valibot on the adapted schema', () => {
    const schemas = [
      v.object({ a: v.optional(v.string()) }),
      v.object({ inner: v.object({ n: v.optional(v.number()) }), list: v.array(v.object({})) }),
      v.object({ weights: v.record(recordKey(integer), v.number()) }),
    ]
    const values = [{}, [], [1], { a: 'x' }, { inner: [] }, { inner: {}, list: [[]] }, null, 'x']
    for (const schema of schemas) {
      const adapted = jsonBodySchema(schema)
      const parse = compileParser(adapted)
      for (const value of [...values, { inner: {}, list: [{}], weights: { '7': 1 } }]) {
        const expected = v.safeParse(adapted, value)
        const output = parse ? parse(value) : INVALID
        if (parse) expect(output).toEqual(expected.success ? expected.output : INVALID)
      }
    }
  })
})
