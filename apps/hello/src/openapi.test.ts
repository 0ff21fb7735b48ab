import { describe, expect, it } from 'vitest'
import { checkDocument } from '../../../packages/openapi/test/support/check-document.ts'
import { app } from './app.ts'

describe('hello app OpenAPI document', () => {
  it('is served at /openapi.json, valid OpenAPI 3.1, and passes the recommended lint rules', async () => {
    const res = await app.request('/openapi.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const document = (await res.json()) as { paths: Record<string, unknown> }
    expect(Object.keys(document.paths)).toEqual([
      '/',
      '/token',
      '/me',
      '/items/{item_id}',
      '/items',
      '/search',
      '/users/{user_id}',
      '/generate',
    ])
    const createItem = (
      document as { paths: Record<string, Record<string, { parameters?: unknown }>> }
    ).paths['/items']!.post!
    // Declared by the requestId dependency, documented on the route that uses it.
    expect(createItem.parameters).toEqual([
      {
        name: 'x-request-id',
        in: 'header',
        required: false,
        schema: { type: 'string', maxLength: 64 },
      },
    ])
    const check = await checkDocument(document)
    expect(check.schemaErrors).toBeUndefined()
    expect(check.lintErrors).toEqual([])
  })
})
