import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { alias, fieldAlias } from './alias.ts'
import { createValidator } from './create-validator.ts'
import type { InputSpec, ValidationResult } from './types.ts'

async function run(spec: InputSpec, url: string, init?: RequestInit) {
  const check = createValidator(spec)
  return (await check.validate(new Request(`http://localhost${url}`, init))) as ValidationResult<
    Record<string, unknown>
  >
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

describe('fieldAlias', () => {
  test('reads the alias through pipes, nested pipes and optional wrappers', () => {
    expect(fieldAlias(v.pipe(v.string(), alias('a')))).toBe('a')
    expect(fieldAlias(v.optional(v.pipe(v.string(), alias('b'))))).toBe('b')
    expect(fieldAlias(v.pipe(v.optional(v.string()), alias('c')))).toBe('c')
    expect(fieldAlias(v.pipe(v.pipe(v.string(), alias('d')), v.minLength(1)))).toBe('d')
    expect(fieldAlias(v.pipe(v.string(), v.metadata({ alias: 'e' })))).toBe('e')
    expect(fieldAlias(v.string())).toBeUndefined()
  })

  test('does not take an alias from inside an object field', () => {
    expect(fieldAlias(v.object({ a: v.pipe(v.string(), alias('x')) }))).toBeUndefined()
  })

  test('refuses an empty name', () => {
    expect(() => alias('')).toThrow('alias() needs a non-empty name')
  })
})

describe('aliases in string locations', () => {
  const spec = {
    query: { q: v.optional(v.pipe(v.string(), v.minLength(3), alias('item-query'))) },
    headers: { token: v.pipe(v.string(), alias('X-Token')) },
    cookies: { sid: v.optional(v.pipe(v.string(), alias('session-id'))) },
  }

  test('reads each field by its alias and hands it over under its key', async () => {
    const result = await run(spec, '/?item-query=foo', {
      headers: { 'x-token': 't', cookie: 'session-id=s1' },
    })
    expect(result).toMatchObject({
      ok: true,
      value: { query: { q: 'foo' }, headers: { token: 't' }, cookies: { sid: 's1' } },
    })
  })

  test('never reads a field by its key when it has an alias', async () => {
    const result = await run(spec, '/?q=foo', { headers: { token: 't', cookie: 'sid=s1' } })
    expect(result).toEqual({
      ok: false,
      status: 422,
      issues: [{ type: 'missing', loc: ['header', 'X-Token'], msg: 'Field required', input: null }],
    })
  })

  test('reports issues under the alias', async () => {
    const result = await run(spec, '/?item-query=ab', { headers: { 'x-token': 't' } })
    expect(result).toMatchObject({
      ok: false,
      issues: [{ type: 'string_too_short', loc: ['query', 'item-query'], input: 'ab' }],
    })
  })

  test('reads an aliased form field', async () => {
    const form = {
      body: { name: v.pipe(v.string(), alias('full-name')) },
      bodyType: 'form' as const,
    }
    const init = (body: string): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    })
    expect(await run(form, '/', init('full-name=Ada'))).toMatchObject({
      ok: true,
      value: { body: { name: 'Ada' } },
    })
    expect(await run(form, '/', init('name=Ada'))).toMatchObject({
      ok: false,
      issues: [{ type: 'missing', loc: ['body', 'full-name'] }],
    })
  })

  test('refuses two fields on one name, and names no header can have', () => {
    expect(() =>
      createValidator({ query: { a: v.string(), b: v.pipe(v.string(), alias('a')) } }),
    ).toThrow("query.a and query.b both read 'a'")
    expect(() => createValidator({ headers: { a: v.pipe(v.string(), alias('x y')) } })).toThrow(
      "headers.a has alias 'x y', not a valid name",
    )
    expect(() => createValidator({ query: { a: v.pipe(v.string(), alias('__proto__')) } })).toThrow(
      "query.a has the reserved alias '__proto__'",
    )
  })
})

describe('header names taken literally', () => {
  const literal = { strange_header: v.optional(v.pipe(v.string(), alias('strange_header'))) }

  test('an alias with an underscore reads only the header of that name', async () => {
    expect(
      await run({ headers: literal }, '/', { headers: { strange_header: 'a' } }),
    ).toMatchObject({ ok: true, value: { headers: { strange_header: 'a' } } })
    expect(
      await run({ headers: literal }, '/', { headers: { 'strange-header': 'a' } }),
    ).toMatchObject({ ok: true, value: { headers: {} } })
  })

  test('is validated and reported under the literal name', async () => {
    const spec = { headers: { strange_header: v.pipe(v.number(), alias('strange_header')) } }
    expect(await run(spec, '/', { headers: { strange_header: 'x' } })).toMatchObject({
      ok: false,
      issues: [{ type: 'float_parsing', loc: ['header', 'strange_header'], input: 'x' }],
    })
  })

  test('the default mapping still reads strange-header for a field strange_header', async () => {
    const spec = { headers: { strange_header: v.optional(v.string()) } }
    expect(await run(spec, '/', { headers: { 'strange-header': 'a' } })).toMatchObject({
      value: { headers: { strange_header: 'a' } },
    })
    expect(await run(spec, '/', { headers: { strange_header: 'a' } })).toMatchObject({
      value: { headers: {} },
    })
  })

  test('a loose header object does not give a field the raw header named like its key', async () => {
    const spec = { headers: v.looseObject({ strange_header: v.optional(v.string()) }) }
    const result = await run(spec, '/', { headers: { strange_header: 'raw', other: 'o' } })
    expect(result.ok && result.value.headers).toEqual({ other: 'o' })
  })

  test('a loose query object does not give an aliased field the value sent under its key', async () => {
    const spec = {
      query: v.looseObject({ q: v.optional(v.pipe(v.string(), alias('item-query'))) }),
    }
    const result = await run(spec, '/?q=raw&x=1')
    expect(result.ok && result.value.query).toEqual({ x: '1' })
  })
})

describe('aliases in a JSON body', () => {
  const Item = v.object({
    itemName: v.pipe(v.string(), alias('item-name')),
    price: v.optional(v.pipe(v.number(), v.minValue(0), alias('unit_price'))),
  })
  const spec = { body: v.object({ items: v.array(Item), note: v.optional(v.string()) }) }

  test('maps wire keys to handler keys in nested objects and arrays', async () => {
    const body = { items: [{ 'item-name': 'a', unit_price: 2 }, { 'item-name': 'b' }], note: 'n' }
    expect(await run(spec, '/', json(body))).toMatchObject({
      ok: true,
      value: { body: { items: [{ itemName: 'a', price: 2 }, { itemName: 'b' }], note: 'n' } },
    })
  })

  test('reports missing and invalid fields under their wire names', async () => {
    const body = { items: [{ itemName: 'a', unit_price: -1 }] }
    const result = await run(spec, '/', json(body))
    expect(result).toMatchObject({
      ok: false,
      issues: [
        { type: 'missing', loc: ['body', 'items', 0, 'item-name'] },
        { type: 'greater_than_equal', loc: ['body', 'items', 0, 'unit_price'], input: -1 },
      ],
    })
  })

  test('keeps a loose object’s other keys and drops a field’s own key', async () => {
    const loose = { body: v.looseObject({ a: v.pipe(v.string(), alias('A')) }) }
    expect(await run(loose, '/', json({ A: '1', a: 'x', other: 2 }))).toMatchObject({
      ok: true,
      value: { body: { a: '1', other: 2 } },
    })
  })

  test('refuses an alias where it cannot be applied, and two fields on one wire name', () => {
    const inUnion = v.union([v.object({ a: v.pipe(v.string(), alias('A')) }), v.string()])
    expect(() => createValidator({ body: { u: inUnion } })).toThrow(
      'body.u has an alias inside a union schema',
    )
    expect(() =>
      createValidator({ body: { a: v.pipe(v.string(), alias('b')), b: v.string() } }),
    ).toThrow("body.a and body.b are both 'b' on the wire")
  })
})
