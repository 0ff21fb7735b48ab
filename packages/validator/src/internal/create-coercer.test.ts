import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { CoercionFailure } from './coercion-failure.ts'
import { createCoercer } from './create-coercer.ts'

function coerce(schema: v.GenericSchema, raw: string): unknown {
  const coercer = createCoercer(schema)
  return coercer === undefined ? raw : coercer(raw)
}

function failureType(schema: v.GenericSchema, raw: string): string | undefined {
  const result = coerce(schema, raw)
  return result instanceof CoercionFailure ? result.type : undefined
}

describe('createCoercer', () => {
  test.each([
    ['5', 5],
    ['-5', -5],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['-2.5E-1', -0.25],
  ])('parses the decimal %j as a number', (raw, expected) => {
    expect(coerce(v.number(), raw)).toBe(expected)
  })

  test.each([
    'NaN',
    'Infinity',
    '-Infinity',
    '0x10',
    '0b1',
    ' 5',
    '5 ',
    '',
    '+',
    '1e',
    '1_000',
    'abc',
    '1e400',
    '-1e400',
  ])('never parses %j as a number', (raw) => {
    expect(failureType(v.number(), raw)).toBe('float_parsing')
  })

  test('parses integer literals when the pipe has integer, and rejects fractions as int_parsing', () => {
    const schema = v.pipe(v.number(), v.integer())
    expect(coerce(schema, '42')).toBe(42)
    expect(coerce(schema, '-7')).toBe(-7)
    for (const raw of ['1.5', '1e3', '1.0', 'NaN', 'Infinity', '0x10', ' 1', '', '9'.repeat(400)]) {
      expect(failureType(schema, raw)).toBe('int_parsing')
    }
  })

  test('looks through optional, nullable, nullish and default wrappers', () => {
    expect(coerce(v.optional(v.pipe(v.number(), v.integer()), 3), '4')).toBe(4)
    expect(coerce(v.nullable(v.number()), '4.5')).toBe(4.5)
    expect(coerce(v.nullish(v.boolean()), 'on')).toBe(true)
    expect(coerce(v.exactOptional(v.number()), '1')).toBe(1)
    expect(coerce(v.undefinedable(v.number()), '2')).toBe(2)
    expect(coerce(v.nonOptional(v.optional(v.number())), '3')).toBe(3)
    expect(failureType(v.optional(v.pipe(v.number(), v.integer())), '1.5')).toBe('int_parsing')
  })

  test.each([
    ['true', true],
    ['FALSE', false],
    ['1', true],
    ['0', false],
    ['Yes', true],
    ['no', false],
    ['on', true],
    ['OFF', false],
  ])('parses %j as the boolean %j', (raw, expected) => {
    expect(coerce(v.boolean(), raw)).toBe(expected)
  })

  test('rejects other boolean spellings as bool_parsing', () => {
    for (const raw of ['', 't', '2', 'maybe', ' true'])
      expect(failureType(v.boolean(), raw)).toBe('bool_parsing')
  })

  test('parses strict integers as bigint', () => {
    expect(coerce(v.bigint(), '9007199254740993')).toBe(9007199254740993n)
    expect(failureType(v.bigint(), '1.5')).toBe('int_parsing')
    expect(failureType(v.bigint(), '0x1')).toBe('int_parsing')
  })

  test('maps picklist, enum and literal strings to numeric options', () => {
    expect(coerce(v.picklist([1, 2, 3]), '2')).toBe(2)
    expect(coerce(v.picklist([1, 2, 3]), '2.0')).toBe(2)
    expect(coerce(v.picklist([1, 2, 3]), '9')).toBe('9')
    expect(coerce(v.picklist(['a', 'b']), 'a')).toBe('a')
    enum Level {
      Low = 1,
      High = 2,
    }
    expect(coerce(v.enum(Level), '2')).toBe(2)
    expect(coerce(v.literal(42), '42')).toBe(42)
    expect(coerce(v.literal(true), 'true')).toBe(true)
  })

  test('parses ISO 8601 dates and datetimes, treating a missing offset as UTC', () => {
    expect(coerce(v.date(), '2024-05-01')).toEqual(new Date('2024-05-01T00:00:00.000Z'))
    expect(coerce(v.date(), '2024-05-01T10:20:30.5Z')).toEqual(new Date('2024-05-01T10:20:30.500Z'))
    expect(coerce(v.date(), '2024-05-01T10:20:30+02:00')).toEqual(
      new Date('2024-05-01T08:20:30.000Z'),
    )
    expect(coerce(v.date(), '2024-05-01 10:20')).toEqual(new Date('2024-05-01T10:20:00.000Z'))
    expect(coerce(v.date(), '2024-02-29')).toEqual(new Date('2024-02-29T00:00:00.000Z'))
  })

  test('rejects impossible dates as date_parsing and bad datetimes as datetime_parsing', () => {
    expect(failureType(v.date(), '2023-02-29')).toBe('date_parsing')
    expect(failureType(v.date(), '2024-13-01')).toBe('date_parsing')
    expect(failureType(v.date(), 'yesterday')).toBe('date_parsing')
    expect(failureType(v.date(), '2024-05-01T25:00')).toBe('datetime_parsing')
    expect(failureType(v.date(), '2024-05-01T10:00+24:00')).toBe('datetime_parsing')
  })

  test('keeps strings and unknown types as they are', () => {
    expect(createCoercer(v.string())).toBeUndefined()
    expect(createCoercer(v.pipe(v.string(), v.email()))).toBeUndefined()
    expect(coerce(v.any(), '5')).toBe('5')
  })

  test('takes the first union option whose coercion succeeds', () => {
    expect(coerce(v.union([v.number(), v.string()]), '5')).toBe(5)
    expect(coerce(v.union([v.number(), v.string()]), 'abc')).toBe('abc')
    expect(coerce(v.union([v.boolean(), v.number()]), '2')).toBe(2)
    expect(failureType(v.union([v.number(), v.boolean()]), 'abc')).toBe('float_parsing')
  })
})
