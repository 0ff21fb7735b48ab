import { createDocument } from '@brisk/openapi'
import { beforeAll, describe, expect, it } from 'vitest'
import { briskApp, fixture } from '../test/helpers.ts'

describe('the OpenAPI document of an app using @brisk/auth', () => {
  let document: ReturnType<typeof createDocument>
  beforeAll(async () => {
    document = createDocument(briskApp(await fixture()), { info: { title: 't', version: '1' } })
  })

  it('lists every scheme, OAuth2 as a password flow with tokenUrl and scope descriptions', () => {
    expect(document.components.securitySchemes).toEqual({
      OAuth2: {
        type: 'oauth2',
        flows: {
          password: {
            tokenUrl: '/token',
            scopes: {
              'items:read': 'Read items',
              'items:write': 'Create items',
              admin: 'Administer',
            },
          },
        },
      },
      ApiKey: { type: 'apiKey', name: 'x-api-key', in: 'header' },
      ApiKeyQuery: { type: 'apiKey', name: 'api_key', in: 'query' },
      HTTPBasic: { type: 'http', scheme: 'basic' },
    })
  })

  it('puts on each operation exactly the requirements it enforces', () => {
    const security = (path: string, method = 'get') => document.paths[path]![method]!.security
    expect(security('/token', 'post')).toEqual([])
    expect(security('/health')).toEqual([])
    expect(security('/items', 'post')).toEqual([{ OAuth2: ['items:write'] }])
    expect(security('/me')).toEqual([{ OAuth2: [] }])
    expect(security('/items')).toEqual([{ OAuth2: ['items:write'] }])
    expect(security('/key')).toEqual([{ ApiKey: [] }])
    expect(security('/key-query')).toEqual([{ ApiKeyQuery: [] }])
    expect(security('/basic')).toEqual([{ HTTPBasic: [] }])
    expect(security('/either')).toEqual([{ ApiKey: [] }, { OAuth2: [] }])
  })
})
