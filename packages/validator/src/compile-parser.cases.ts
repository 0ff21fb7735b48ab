/**
 * The compiled parser's shared differential cases: for each schema and value, `compileParser`
 * must answer exactly what `v.safeParse` answers (its output, or `INVALID` when it fails).
 */
import * as v from 'valibot'

export interface ParserCase {
  readonly name: string
  readonly schema: v.GenericSchema
  /** Values valid and invalid, run through both. */
  readonly values: readonly unknown[]
}

/** An object mixing pipes, optional defaults, nullables and nested objects. */
export const Item = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1)),
  price: v.pipe(v.number(), v.minValue(0)),
  tags: v.optional(v.array(v.string())),
  size: v.optional(v.picklist(['s', 'm', 'l']), 'm'),
  owner: v.nullable(v.object({ id: v.number() })),
})

export const parserCases: readonly ParserCase[] = [
  {
    name: 'an object of pipes, defaults and nullables',
    schema: Item,
    values: [
      { name: '  desk ', price: 5, extra: true, owner: { id: 1, secret: 's' } },
      { name: 'a', price: 0, tags: ['x', 'y'], size: 's', owner: null },
      { price: 1, owner: null }, // a missing required key
      { name: 'a', price: 1, owner: { id: '1' } }, // a wrong type deep down
      { name: '   ', price: 1, owner: null }, // a failing pipe action
      { name: 'a', price: 1, size: 'xl', owner: null }, // an option outside the picklist
      { name: 'a', price: Number.NaN, owner: null },
      'desk', // not an object
    ],
  },
  {
    name: 'Valibot run inside a planned schema for nodes the plan leaves (date, tuple)',
    schema: v.object({ at: v.date(), pair: v.tuple([v.number(), v.string()]) }),
    values: [
      { at: new Date(0), pair: [1, 'a'], more: 1 },
      { at: 'x', pair: [1, 'a'] },
    ],
  },
  {
    name: 'minLength/maxLength on strings',
    schema: v.pipe(v.string(), v.minLength(2), v.maxLength(3)),
    values: ['a', 'ab', 'abc', 'abcd', ''],
  },
  {
    name: 'length and nonEmpty on arrays',
    schema: v.pipe(v.array(v.number()), v.nonEmpty(), v.length(2)),
    values: [[], [1], [1, 2], [1, 2, 3]],
  },
  {
    name: 'minValue/maxValue on numbers',
    schema: v.pipe(v.number(), v.minValue(0), v.maxValue(10)),
    values: [-1, 0, 10, 10.5, Infinity],
  },
  {
    name: 'gtValue/ltValue',
    schema: v.pipe(v.number(), v.gtValue(0), v.ltValue(1)),
    values: [0, 0.5, 1],
  },
  {
    name: 'integer, finite, safeInteger',
    schema: v.pipe(v.number(), v.finite(), v.integer(), v.safeInteger()),
    values: [1, 1.5, Infinity, 2 ** 60],
  },
  {
    name: 'regex, startsWith, endsWith',
    schema: v.pipe(v.string(), v.regex(/^a/), v.startsWith('ab'), v.endsWith('z')),
    values: ['abz', 'abc', 'az', 'xbz'],
  },
  { name: 'email', schema: v.pipe(v.string(), v.email()), values: ['a@b.co', 'not-an-email'] },
  {
    name: 'multipleOf on numbers and bigints',
    schema: v.object({
      n: v.pipe(v.number(), v.multipleOf(3)),
      b: v.pipe(v.bigint(), v.multipleOf(3n)),
    }),
    values: [
      { n: 6, b: 9n },
      { n: 7, b: 9n },
      { n: 6, b: 10n },
    ],
  },
  {
    name: 'minValue on dates',
    schema: v.object({ at: v.pipe(v.date(), v.minValue(new Date(1000))), n: v.number() }),
    values: [
      { at: new Date(999), n: 1 },
      { at: new Date(1000), n: 1 },
    ],
  },
  {
    name: 'a check, then a transform, then a check',
    schema: v.pipe(v.string(), v.minLength(1), v.trim(), v.minLength(2)),
    values: [' a ', ' ab ', ''],
  },
  {
    name: 'metadata and a nested pipe in a pipe',
    schema: v.pipe(v.pipe(v.number(), v.integer()), v.metadata({ sensitive: true }), v.minValue(1)),
    values: [0, 1, 1.5, '1'],
  },
  {
    name: 'a schema after a transform in a pipe',
    schema: v.pipe(v.string(), v.transform(Number), v.number(), v.minValue(0)),
    values: ['1', '-1', 'x'],
  },
  {
    name: 'unions answer with the first option that parses',
    schema: v.union([v.pipe(v.string(), v.trim()), v.number(), v.object({ a: v.string() })]),
    values: [' a ', 1, { a: 'x', b: 1 }, true, null],
  },
  {
    name: 'literals (NaN too), enums and picklists',
    schema: v.object({
      one: v.literal(1),
      nan: v.optional(v.literal(Number.NaN)),
      kind: v.enum({ A: 'a', B: 'b' }),
      size: v.picklist(['s', 0]),
    }),
    values: [
      { one: 1, nan: Number.NaN, kind: 'a', size: 0 },
      { one: 1, kind: 'b', size: 's' },
      { one: 2, kind: 'a', size: 's' },
      { one: 1, kind: 'A', size: 's' },
      { one: 1, kind: 'a', size: '0' },
    ],
  },
  {
    name: 'optional, nullish, undefinedable and exact optional keys, absent or present',
    schema: v.object({
      a: v.optional(v.string()),
      b: v.nullish(v.number(), 7),
      c: v.undefinedable(v.boolean()),
      d: v.exactOptional(v.string()),
    }),
    values: [
      {},
      { a: undefined, b: null, c: undefined },
      { a: 'x', b: 1, c: true, d: 'y' },
      { d: undefined },
      { b: 'x' },
    ],
  },
  {
    name: 'fallbacks and defaults for absent keys',
    schema: v.object({
      a: v.fallback(v.string(), 'fb'),
      b: v.optional(v.array(v.number()), () => [1]),
    }),
    values: [{}, { a: 1 }, { a: 'x', b: [2] }, { b: ['x'] }],
  },
  {
    name: 'arrays of objects, with a bad item anywhere',
    schema: v.array(v.object({ id: v.number() })),
    values: [[], [{ id: 1, x: 2 }], [{ id: 1 }, { id: '2' }], 'x'],
  },
]
