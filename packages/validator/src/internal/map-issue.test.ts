import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import type { ValidationIssue } from '../types.ts'
import { mapIssue } from './map-issue.ts'

function issuesOf(schema: v.GenericSchema, input: unknown): ValidationIssue[] {
  const result = v.safeParse(schema, input)
  return (result.issues ?? []).map((issue) => mapIssue(issue, 'body', schema))
}

function first(schema: v.GenericSchema, input: unknown): ValidationIssue {
  return issuesOf(schema, input)[0]!
}

describe('mapIssue', () => {
  test.each([
    [v.string(), 1, 'string_type', 'Input should be a valid string'],
    [v.number(), 'x', 'float_type', 'Input should be a valid number'],
    [v.pipe(v.number(), v.integer()), 'x', 'int_type', 'Input should be a valid integer'],
    [v.boolean(), 'x', 'bool_type', 'Input should be a valid boolean'],
    [v.array(v.string()), 'x', 'list_type', 'Input should be a valid list'],
    [
      v.object({}),
      'x',
      'model_attributes_type',
      'Input should be a valid dictionary or object to extract fields from',
    ],
    [v.record(v.string(), v.number()), 'x', 'dict_type', 'Input should be a valid dictionary'],
    [v.pipe(v.string(), v.email()), 'x', 'value_error', 'value is not a valid email address'],
    [v.pipe(v.string(), v.url()), 'x', 'url_parsing', 'Input should be a valid URL'],
    [v.pipe(v.string(), v.uuid()), 'x', 'uuid_parsing', 'Input should be a valid UUID'],
  ])('names a %o failure on %j as %s', (schema, input, type, msg) => {
    expect(first(schema as v.GenericSchema, input)).toMatchObject({
      type,
      loc: ['body'],
      msg,
      input,
    })
  })

  test('reports lengths with pydantic wording and ctx', () => {
    expect(first(v.pipe(v.string(), v.minLength(3)), 'ab')).toEqual({
      type: 'string_too_short',
      loc: ['body'],
      msg: 'String should have at least 3 characters',
      input: 'ab',
      ctx: { min_length: 3 },
    })
    expect(first(v.pipe(v.string(), v.maxLength(1)), 'ab')).toMatchObject({
      type: 'string_too_long',
      msg: 'String should have at most 1 character',
      ctx: { max_length: 1 },
    })
    expect(first(v.pipe(v.array(v.number()), v.minLength(2)), [1])).toEqual({
      type: 'too_short',
      loc: ['body'],
      msg: 'List should have at least 2 items after validation, not 1',
      input: [1],
      ctx: { field_type: 'List', min_length: 2, actual_length: 1 },
    })
    expect(first(v.pipe(v.array(v.number()), v.maxLength(1)), [1, 2])).toMatchObject({
      type: 'too_long',
      msg: 'List should have at most 1 item after validation, not 2',
    })
  })

  test('reports bounds as greater_than_equal, less_than_equal, greater_than and less_than', () => {
    expect(first(v.pipe(v.number(), v.minValue(1)), 0)).toEqual({
      type: 'greater_than_equal',
      loc: ['body'],
      msg: 'Input should be greater than or equal to 1',
      input: 0,
      ctx: { ge: 1 },
    })
    expect(first(v.pipe(v.number(), v.maxValue(5)), 6)).toMatchObject({
      type: 'less_than_equal',
      ctx: { le: 5 },
    })
    expect(first(v.pipe(v.number(), v.gtValue(0)), 0)).toMatchObject({
      type: 'greater_than',
      msg: 'Input should be greater than 0',
      ctx: { gt: 0 },
    })
    expect(first(v.pipe(v.number(), v.ltValue(0)), 1)).toMatchObject({
      type: 'less_than',
      ctx: { lt: 0 },
    })
    expect(first(v.pipe(v.bigint(), v.minValue(10n)), 1n)).toEqual({
      type: 'greater_than_equal',
      loc: ['body'],
      msg: "Input should be greater than or equal to '10'",
      input: '1',
      ctx: { ge: '10' },
    })
  })

  test('reports regex, picklist, enum and literal mismatches with ctx', () => {
    expect(first(v.pipe(v.string(), v.regex(/^[a-z]+$/)), 'A1')).toEqual({
      type: 'string_pattern_mismatch',
      loc: ['body'],
      msg: "String should match pattern '^[a-z]+$'",
      input: 'A1',
      ctx: { pattern: '^[a-z]+$' },
    })
    expect(first(v.picklist(['a', 'b', 'c']), 'd')).toEqual({
      type: 'enum',
      loc: ['body'],
      msg: "Input should be 'a', 'b' or 'c'",
      input: 'd',
      ctx: { expected: "'a', 'b' or 'c'" },
    })
    expect(first(v.object({ n: v.picklist([1, 2]) }), { n: 3 })).toMatchObject({
      type: 'enum',
      loc: ['body', 'n'],
      msg: 'Input should be 1 or 2',
    })
    expect(first(v.literal('on'), 'off')).toMatchObject({
      type: 'literal_error',
      msg: "Input should be 'on'",
    })
  })

  test('reports missing keys as missing and extra keys of strict objects as extra_forbidden', () => {
    expect(issuesOf(v.strictObject({ a: v.string() }), { b: 1 })).toEqual([
      { type: 'missing', loc: ['body', 'a'], msg: 'Field required', input: null },
      {
        type: 'extra_forbidden',
        loc: ['body', 'b'],
        msg: 'Extra inputs are not permitted',
        input: 1,
      },
    ])
  })

  test("gives a JSON body's missing field the object it is missing from", () => {
    const schema = v.object({ a: v.array(v.object({ b: v.string(), c: v.number() })) })
    const found = v.safeParse(schema, { a: [{ c: 1 }] }).issues ?? []
    expect(found.map((issue) => mapIssue(issue, 'body', schema, true))).toEqual([
      { type: 'missing', loc: ['body', 'a', 0, 'b'], msg: 'Field required', input: { c: 1 } },
    ])
    expect(found.map((issue) => mapIssue(issue, 'query', schema).input)).toEqual([null])
  })

  test('keeps a custom message written on the schema', () => {
    expect(first(v.pipe(v.string(), v.minLength(3, 'Too short!')), 'a')).toMatchObject({
      type: 'string_too_short',
      msg: 'Too short!',
    })
    const check = v.pipe(
      v.string(),
      v.check((value) => value === 'yes', 'Say yes'),
    )
    expect(first(check, 'no')).toEqual({
      type: 'value_error',
      loc: ['body'],
      msg: 'Say yes',
      input: 'no',
    })
  })

  test("falls back to Valibot's type and message when pydantic has no equivalent", () => {
    expect(first(v.pipe(v.string(), v.startsWith('x')), 'abc')).toEqual({
      type: 'starts_with',
      loc: ['body'],
      msg: 'Invalid start: Expected "x" but received "a"',
      input: 'abc',
    })
  })

  test('truncates large inputs', () => {
    const long = 'y'.repeat(1000)
    expect(first(v.pipe(v.string(), v.maxLength(3)), long).input).toBe(`${'y'.repeat(256)}...`)
    const list = Array.from({ length: 50 }, (_, index) => index)
    expect(first(v.pipe(v.array(v.number()), v.maxLength(3)), list).input).toHaveLength(11)
  })
})
