/** Tests of `locationEntries`: the location declarations it accepts, and how it refuses others. */
import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { createValidator } from './create-validator.ts'
import { locationEntries } from './location-entries.ts'

const id = v.pipe(v.string(), v.uuid())
const page = v.optional(v.number(), 1)

describe('locationEntries', () => {
  test('returns an object of field schemas as it is', () => {
    const fields = { id, page }
    expect(locationEntries(fields, 'query')).toBe(fields)
  })

  test.each([
    ['v.object', v.object({ id, page })],
    ['v.looseObject', v.looseObject({ id, page })],
    ['v.strictObject', v.strictObject({ id, page })],
    ['v.objectWithRest', v.objectWithRest({ id, page }, v.string())],
    [
      'a pipe',
      v.pipe(
        v.object({ id, page }),
        v.check(() => true),
      ),
    ],
    [
      'a pipe in a pipe',
      v.pipe(
        v.pipe(v.object({ id, page })),
        v.check(() => true),
      ),
    ],
    ['v.optional', v.optional(v.object({ id, page }))],
    ['v.nullable around a pipe', v.nullable(v.pipe(v.object({ id, page })))],
  ])('returns the entries of %s', (_, schema) => {
    const entries = locationEntries(schema, 'query')
    expect(Object.keys(entries)).toEqual(['id', 'page'])
    expect(entries.id).toBe(id)
    expect(entries.page).toBe(page)
  })

  test.each([
    ['a string schema', v.string()],
    ['an array schema', v.array(v.string())],
    ['a union of objects', v.union([v.object({ id })])],
    ['an array', [v.string()]],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'id'],
  ])('refuses %s, naming the label', (_, location) => {
    expect(() => locationEntries(location, 'route GET /x: query')).toThrow(
      new TypeError('route GET /x: query must be an object schema or an object of field schemas'),
    )
  })

  test('refuses a field that is not a Valibot schema, naming it', () => {
    expect(() => locationEntries({ id, n: 5 }, 'query')).toThrow(
      new TypeError('query.n is not a Valibot schema'),
    )
    expect(() => locationEntries({ n: { kind: 'schema' } }, 'query')).toThrow(
      new TypeError('query.n is not a Valibot schema'),
    )
  })

  test('refuses async schemas and reserved field names as createValidator does', () => {
    expect(() => locationEntries(v.objectAsync({ id }), 'query')).toThrow(
      new TypeError('query uses an async schema; use sync schemas'),
    )
    expect(() => locationEntries({ id: v.pipeAsync(v.string()) }, 'query')).toThrow(
      new TypeError('query.id is an async schema; use sync schemas'),
    )
    expect(() => locationEntries({ constructor: v.string() }, 'query')).toThrow(
      new TypeError('query.constructor is a reserved name; pick another field name'),
    )
  })

  test.each([
    ['an object of fields', { id }],
    ['an optional piped object schema', v.optional(v.pipe(v.object({ id })))],
    ['a string schema', v.string()],
    ['an object with a non-schema field', { id: 1 }],
    ['an async object schema', v.objectAsync({ id })],
  ])('agrees with createValidator on %s', (_, location) => {
    const accepted = (run: () => unknown) => {
      try {
        run()
        return true
      } catch {
        return false
      }
    }
    expect(accepted(() => locationEntries(location, 'query'))).toBe(
      accepted(() => createValidator({ query: location } as never)),
    )
  })
})
