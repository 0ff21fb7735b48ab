/** Cases for query-string coercion, written as a table: one route per target type. */
import type { Case } from '../target.ts'
import { call, expectIssues, expectJson, issue } from './http.ts'

interface Accepted {
  kind: string
  query: string
  type: string
  value: unknown
}

interface Rejected {
  kind: string
  query: string
  type: string
  loc?: (string | number)[]
  input: unknown
}

const accepted: Accepted[] = [
  { kind: 'int', query: 'value=42', type: 'number', value: 42 },
  { kind: 'int', query: 'value=-7', type: 'number', value: -7 },
  { kind: 'float', query: 'value=2.5', type: 'number', value: 2.5 },
  { kind: 'float', query: 'value=-0.125', type: 'number', value: -0.125 },
  { kind: 'bool', query: 'value=true', type: 'boolean', value: true },
  { kind: 'bool', query: 'value=false', type: 'boolean', value: false },
  { kind: 'bool', query: 'value=1', type: 'boolean', value: true },
  { kind: 'bool', query: 'value=0', type: 'boolean', value: false },
  { kind: 'bigint', query: 'value=9007199254740993', type: 'bigint', value: '9007199254740993' },
  { kind: 'enum', query: 'value=green', type: 'string', value: 'green' },
  {
    kind: 'date',
    query: 'value=2024-02-29T12:30:00Z',
    type: 'date',
    value: '2024-02-29T12:30:00.000Z',
  },
  { kind: 'string', query: 'value=a%26b%3Dc+d', type: 'string', value: 'a&b=c d' },
]

const rejected: Rejected[] = [
  { kind: 'int', query: 'value=4.5', type: 'int_parsing', input: '4.5' },
  { kind: 'int', query: 'value=0x10', type: 'int_parsing', input: '0x10' },
  { kind: 'int', query: 'value=%205', type: 'int_parsing', input: ' 5' },
  { kind: 'int', query: 'value=', type: 'int_parsing', input: '' },
  { kind: 'float', query: 'value=NaN', type: 'float_parsing', input: 'NaN' },
  { kind: 'float', query: 'value=Infinity', type: 'float_parsing', input: 'Infinity' },
  { kind: 'float', query: 'value=1e400', type: 'float_parsing', input: '1e400' },
  { kind: 'bool', query: 'value=maybe', type: 'bool_parsing', input: 'maybe' },
  { kind: 'bigint', query: 'value=1.5', type: 'int_parsing', input: '1.5' },
  { kind: 'enum', query: 'value=purple', type: 'enum', input: 'purple' },
  { kind: 'date', query: 'value=yesterday', type: 'date_parsing', input: 'yesterday' },
  { kind: 'int', query: 'value=1&value=2', type: 'multiple_values', input: ['1', '2'] },
  {
    kind: 'array',
    query: 'value=1&value=x',
    type: 'int_parsing',
    loc: ['query', 'value', 1],
    input: 'x',
  },
]

export const coercionCases: Case[] = [
  ...accepted.map(
    ({ kind, query, type, value }): Case => ({
      name: `query ${kind} accepts ${query} as ${type} ${JSON.stringify(value)}`,
      run: async (target) => {
        await expectJson(await call(target, `/coerce/${kind}?${query}`), 200, { type, value })
      },
    }),
  ),
  ...rejected.map(
    ({ kind, query, type, loc, input }): Case => ({
      name: `query ${kind} rejects ${query} with 422 ${type}`,
      run: async (target) => {
        await expectIssues(await call(target, `/coerce/${kind}?${query}`), [
          issue(type, loc ?? ['query', 'value'], input),
        ])
      },
    }),
  ),
  {
    name: 'a missing query parameter is 422 missing with input null',
    run: async (target) => {
      await expectIssues(await call(target, '/coerce/int'), [
        issue('missing', ['query', 'value'], null),
      ])
    },
  },
  {
    name: 'repeated query keys fill an array, each item coerced',
    run: async (target) => {
      const response = await call(target, '/coerce/array?value=1&value=2&value=3')
      await expectJson(response, 200, {
        type: 'array',
        value: [1, 2, 3].map((value) => ({ type: 'number', value })),
      })
    },
  },
  {
    name: 'a single query key fills a one-item array',
    run: async (target) => {
      await expectJson(await call(target, '/coerce/array?value=5'), 200, {
        type: 'array',
        value: [{ type: 'number', value: 5 }],
      })
    },
  },
]
