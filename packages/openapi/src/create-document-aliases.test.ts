import { createApp, post } from '@brisk/router'
import { alias } from '@brisk/validator'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { checkDocument } from '../test/support/check-document.ts'
import { createDocument } from './create-document.ts'

const Item = v.object({
  itemName: v.pipe(v.string(), v.description('Display name'), alias('item-name')),
  price: v.optional(v.pipe(v.number(), alias('unit_price'))),
  parts: v.optional(v.array(v.object({ partNo: v.pipe(v.string(), alias('part-no')) }))),
})

const app = createApp({
  routes: [
    post(
      '/items',
      {
        query: { q: v.optional(v.pipe(v.string(), alias('item-query'))) },
        headers: {
          strange_header: v.optional(v.pipe(v.string(), alias('strange_header'))),
          x_trace: v.optional(v.string()),
          token: v.pipe(v.string(), alias('X-Token')),
        },
        cookies: { sid: v.optional(v.pipe(v.string(), alias('session-id'))) },
        body: Item,
        response: Item,
      },
      ({ body }) => body,
    ),
    post(
      '/forms',
      { body: { fullName: v.pipe(v.string(), alias('full-name')) }, bodyType: 'form' },
      () => ({ ok: true }),
    ),
  ],
})

const document = createDocument(app, {
  info: { title: 'Aliases', version: '1.0.0', description: 'Aliased fields' },
  servers: [{ url: 'https://api.example.com' }],
  schemas: { Item },
})

describe('createDocument with aliased fields', () => {
  it('is valid OpenAPI 3.1 and passes the recommended lint rules', async () => {
    const check = await checkDocument(document)
    expect(check.schemaErrors).toBeUndefined()
    expect(check.lintErrors).toEqual([])
  })

  it('names parameters as they are sent: the alias as written, headers literally', () => {
    const parameters = document.paths['/items']!.post!.parameters!
    expect(parameters.map(({ name, in: where, required }) => [name, where, required])).toEqual([
      ['item-query', 'query', false],
      ['strange_header', 'header', false],
      ['x-trace', 'header', false],
      ['X-Token', 'header', true],
      ['session-id', 'cookie', false],
    ])
    expect(parameters.every((parameter) => !('alias' in parameter.schema))).toBe(true)
  })

  it('names request body properties and required fields by alias, nested ones too', () => {
    const schemas = document.components.schemas
    expect(schemas.ItemInput).toEqual({
      type: 'object',
      properties: {
        'item-name': { type: 'string', description: 'Display name' },
        unit_price: { type: 'number' },
        parts: {
          type: 'array',
          items: {
            type: 'object',
            properties: { 'part-no': { type: 'string' } },
            required: ['part-no'],
          },
        },
      },
      required: ['item-name'],
    })
  })

  it('keeps the handler keys in responses, which the router serializes by key', () => {
    expect(document.components.schemas.Item!.properties).toEqual({
      itemName: { type: 'string', description: 'Display name' },
      price: { type: 'number' },
      parts: expect.objectContaining({ type: 'array' }),
    })
  })

  it('names form fields by alias', () => {
    const body = document.paths['/forms']!.post!.requestBody!
    expect(body.content['application/x-www-form-urlencoded']!.schema).toMatchObject({
      properties: { 'full-name': { type: 'string' } },
      required: ['full-name'],
    })
  })
})
