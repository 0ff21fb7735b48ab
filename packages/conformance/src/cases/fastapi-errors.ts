/** Cases for 422 bodies that must match FastAPI's field for field (issue #11). */
import type { Case } from '../target.ts'
import { call, expectIssues, expectJson, jsonBody } from './http.ts'

export const fastapiErrorCases: Case[] = [
  {
    name: 'a path, query, header or cookie value that fails a constraint is echoed as sent',
    run: async (target) => {
      const response = await call(target, '/fastapi-errors/inputs/-1?price=100.50', {
        headers: { 'x-count': '04', cookie: 'size=0' },
      })
      await expectIssues(response, [
        {
          type: 'greater_than_equal',
          loc: ['path', 'id'],
          msg: 'Input should be greater than or equal to 0',
          input: '-1',
          ctx: { ge: 0 },
        },
        {
          type: 'less_than_equal',
          loc: ['query', 'price'],
          msg: 'Input should be less than or equal to 100',
          input: '100.50',
          ctx: { le: 100 },
        },
        { type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null },
        {
          type: 'less_than_equal',
          loc: ['header', 'x-count'],
          msg: 'Input should be less than or equal to 3',
          input: '04',
          ctx: { le: 3 },
        },
        {
          type: 'greater_than_equal',
          loc: ['cookie', 'size'],
          msg: 'Input should be greater than or equal to 1',
          input: '0',
          ctx: { ge: 1 },
        },
      ])
    },
  },
  {
    name: 'a field missing from a JSON object gives that object as input, nested too',
    run: async (target) => {
      const sent = { name: 'Foo', dimensions: { width: 2 } }
      await expectIssues(await call(target, '/fastapi-errors/items', jsonBody(sent)), [
        { type: 'missing', loc: ['body', 'price'], msg: 'Field required', input: sent },
        {
          type: 'missing',
          loc: ['body', 'dimensions', 'height'],
          msg: 'Field required',
          input: { width: 2 },
        },
      ])
      await expectIssues(await call(target, '/fastapi-errors/items', jsonBody({})), [
        { type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: {} },
        { type: 'missing', loc: ['body', 'price'], msg: 'Field required', input: {} },
      ])
    },
  },
  {
    name: 'malformed JSON gives the character offset and the reason Python would, on every runtime',
    run: async (target) => {
      const post = (body: BodyInit) =>
        call(target, '/fastapi-errors/items', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        })
      const invalid = (offset: number, error: string) => [
        {
          type: 'json_invalid',
          loc: ['body', offset],
          msg: 'JSON decode error',
          input: {},
          ctx: { error },
        },
      ]
      await expectIssues(
        await post("{'name': 'Foo'}"),
        invalid(1, 'Expecting property name enclosed in double quotes'),
      )
      // Characters, not UTF-16 units or bytes: 😀 is one.
      await expectIssues(
        await post('{"name": "😀 café", "price": 1,}'),
        invalid(29, 'Illegal trailing comma before end of object'),
      )
      await expectIssues(
        await post('{"name": "Foo" "price": 1}'),
        invalid(15, "Expecting ',' delimiter"),
      )
      await expectIssues(await post('{"price": NaN}'), invalid(10, 'Expecting value'))
      await expectIssues(await post('{"name": "a\\qb"}'), invalid(11, 'Invalid \\escape'))
      await expectIssues(await post('{} []'), invalid(3, 'Extra data'))
      await expectIssues(
        await post(new Uint8Array([0x7b, 0x22, 0xc3, 0xa9, 0xff, 0x22, 0x7d])),
        invalid(3, 'Invalid UTF-8'),
      )
    },
  },
  {
    name: 'an array sent where an object body is declared is 422 model_attributes_type',
    run: async (target) => {
      const refused = (input: unknown) => [
        {
          type: 'model_attributes_type',
          loc: ['body'],
          msg: 'Input should be a valid dictionary or object to extract fields from',
          input,
        },
      ]
      await expectIssues(
        await call(target, '/fastapi-errors/notes', jsonBody([1, 2])),
        refused([1, 2]),
      )
      await expectIssues(
        await call(target, '/fastapi-errors/notes', jsonBody('note')),
        refused('note'),
      )
      await expectIssues(await call(target, '/fastapi-errors/notes', jsonBody(null)), [
        { type: 'missing', loc: ['body'], msg: 'Field required', input: null },
      ])
      await expectJson(await call(target, '/fastapi-errors/notes', jsonBody({})), 200, {})
      await expectIssues(await call(target, '/fastapi-errors/weights', jsonBody([1])), [
        { type: 'dict_type', loc: ['body'], msg: 'Input should be a valid dictionary', input: [1] },
      ])
    },
  },
  {
    name: "a dict body's integer keys are coerced, and a bad key is reported at '[key]'",
    run: async (target) => {
      const weights = (body: unknown) => call(target, '/fastapi-errors/weights', jsonBody(body))
      await expectJson(await weights({ '1': 0.5, '02': 2 }), 200, { '1': 0.5, '2': 2 })
      await expectIssues(await weights({ foo: 1.5 }), [
        {
          type: 'int_parsing',
          loc: ['body', 'foo', '[key]'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'foo',
        },
      ])
      await expectIssues(await weights({ '3': 'heavy' }), [
        {
          type: 'float_type',
          loc: ['body', '3'],
          msg: 'Input should be a valid number',
          input: 'heavy',
        },
      ])
    },
  },
]
