import { createApp, dependency, get, HTTPException, post, router } from '@brisk/router'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { checkDocument } from '../test/support/check-document.ts'
import { createDocument } from './create-document.ts'

const Dimensions = v.object({ w: v.number(), h: v.number(), d: v.number() })
const Item = v.object({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(100), v.description('Display name')),
  price: v.pipe(v.number(), v.minValue(0)),
  tags: v.optional(v.array(v.string()), []),
  dimensions: Dimensions,
  created: v.pipe(
    v.string(),
    v.isoTimestamp(),
    v.transform((text) => new Date(text)),
  ),
})
const StoredItem = v.object({
  id: v.number(),
  name: v.string(),
  email: v.pipe(v.string(), v.email()),
})
type Tree = { value: number; children: Tree[] }
const Tree: v.GenericSchema<Tree> = v.object({
  value: v.number(),
  children: v.array(v.lazy(() => Tree)),
})

const apiKey = dependency(
  {
    name: 'apiKey',
    inputs: { headers: { x_api_key: v.string() } },
    security: {
      schemes: { ApiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
      requirements: [{ ApiKey: [] }],
      credentials: [{ in: 'headers', name: 'x-api-key' }],
    },
  },
  (_, { inputs }) => inputs.headers.x_api_key,
)

const app = createApp({
  routes: [
    router({ prefix: '/items', tags: ['items'] }, [
      get(
        '/{item_id}',
        {
          params: { item_id: v.pipe(v.number(), v.integer(), v.description('The item id')) },
          query: { tag: v.optional(v.array(v.string())), limit: v.optional(v.number(), 10) },
          response: StoredItem,
          responses: { 404: { description: 'No such item' } },
          summary: 'Read an item',
        },
        ({ params }) => {
          if (params.item_id > 1) throw new HTTPException(404)
          return { id: 1, name: 'a', email: 'a@b.co' }
        },
      ),
      post('', { body: Item, status: 201, response: StoredItem, deps: { apiKey } }, () => ({
        id: 1,
        name: 'a',
        email: 'a@b.co',
      })),
    ]),
    post(
      '/upload',
      {
        body: { file: v.pipe(v.file(), v.mimeType(['image/png'])), note: v.optional(v.string()) },
        bodyType: 'multipart',
      },
      () => ({ ok: true }),
    ),
    get('/tree', { response: Tree, deprecated: true }, () => ({ value: 1, children: [] })),
    get('/events', { stream: 'sse' }, async function* () {
      yield 1
    }),
  ],
})

const document = createDocument(app, {
  info: { title: 'Test', version: '1.0.0', description: 'A test API' },
  servers: [{ url: 'https://api.example.com' }],
  tags: [{ name: 'items', description: 'Things for sale' }],
  schemas: { Item, StoredItem, Tree, Dimensions },
})

describe('createDocument', () => {
  it('is valid OpenAPI 3.1 and passes the recommended lint rules', async () => {
    const check = await checkDocument(document)
    expect(check.schemaErrors).toBeUndefined()
    expect(check.lintErrors).toEqual([])
  })

  it('writes path, query and header parameters with their constraints', () => {
    const operation = document.paths['/items/{item_id}']!.get!
    expect(operation.operationId).toBe('get_items_item_id')
    expect(operation.tags).toEqual(['items'])
    expect(operation.parameters).toEqual([
      {
        name: 'item_id',
        in: 'path',
        required: true,
        description: 'The item id',
        schema: { type: 'integer' },
      },
      {
        name: 'tag',
        in: 'query',
        required: false,
        schema: { type: 'array', items: { type: 'string' } },
        style: 'form',
        explode: true,
      },
      { name: 'limit', in: 'query', required: false, schema: { type: 'number', default: 10 } },
    ])
  })

  it('refers to named schemas and splits them where input and output differ', () => {
    const body = document.paths['/items']!.post!.requestBody!
    expect(body.required).toBe(true)
    expect(body.content['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/ItemInput',
    })
    const schemas = document.components.schemas
    expect(schemas.ItemInput!.properties).toMatchObject({
      created: { type: 'string', format: 'date-time' },
      dimensions: { $ref: '#/components/schemas/Dimensions' },
    })
    expect(schemas.Item!.properties).toMatchObject({ created: {} })
    expect(schemas.StoredItemInput).toBeUndefined()
    expect(
      document.paths['/items']!.post!.responses['201']!.content!['application/json']!.schema,
    ).toEqual({
      $ref: '#/components/schemas/StoredItem',
    })
  })

  it('documents recursive schemas through $ref', () => {
    expect(document.components.schemas.Tree).toEqual({
      type: 'object',
      properties: {
        value: { type: 'number' },
        children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } },
      },
      required: ['value', 'children'],
    })
  })

  it('adds the validation, size and media-type errors the server really answers', () => {
    const post = document.paths['/items']!.post!
    expect(Object.keys(post.responses)).toEqual(['201', '401', '413', '415', '422'])
    expect(post.responses['422']!.content!['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/HTTPValidationError',
    })
    expect(Object.keys(document.paths['/tree']!.get!.responses)).toEqual(['200'])
  })

  it('puts security on the operations that use it, its credentials documented by the scheme', () => {
    const post = document.paths['/items']!.post!
    expect(post.parameters).toBeUndefined()
    expect(post.security).toEqual([{ ApiKey: [] }])
    expect(post.responses['401']!.description).toBe('Not authenticated, or invalid credentials')
    expect(document.components.securitySchemes).toEqual({
      ApiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
    })
    expect(document.paths['/tree']!.get!.security).toEqual([])
  })

  it('describes multipart uploads with files', () => {
    const body = document.paths['/upload']!.post!.requestBody!
    expect(Object.keys(body.content)).toEqual(['multipart/form-data'])
    expect(body.content['multipart/form-data']!.schema).toEqual({
      type: 'object',
      properties: {
        file: { type: 'string', contentMediaType: 'application/octet-stream' },
        note: { type: 'string' },
      },
      required: ['file'],
    })
  })

  it('documents streams by their media type, and info, servers and tags from configuration', () => {
    expect(Object.keys(document.paths['/events']!.get!.responses['200']!.content!)).toEqual([
      'text/event-stream',
    ])
    expect(document.paths['/tree']!.get!.deprecated).toBe(true)
    expect(document.servers).toEqual([{ url: 'https://api.example.com' }])
    expect(document.tags).toEqual([{ name: 'items', description: 'Things for sale' }])
    expect(document.openapi).toBe('3.1.1')
  })
})

describe('models that name themselves', () => {
  const Tag = v.pipe(v.object({ label: v.string() }), v.title('Tag'))
  const Pet = v.pipe(v.object({ name: v.string(), tags: v.array(Tag) }), v.title('Pet'))

  it('publishes a titled object schema as a component by its title, and refers to it', () => {
    const app = createApp({
      routes: [
        post('/pets', { body: Pet, response: Pet, status: 201 }, ({ body }) => body),
        get('/labels', { query: { q: v.pipe(v.string(), v.title('Query')) } }, () => []),
      ],
    })
    const document = createDocument(app, { info: { title: 'T', version: '1' } })
    const pets = document.paths['/pets']!.post!
    expect(pets.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Pet',
    })
    expect(pets.responses[201]?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Pet',
    })
    expect(document.components.schemas.Pet).toMatchObject({
      title: 'Pet',
      properties: { tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } } },
    })
    expect(document.components.schemas.Tag).toMatchObject({ title: 'Tag', type: 'object' })
    // Only objects are models: a titled string stays a titled parameter.
    expect(document.components.schemas.Query).toBeUndefined()
    expect(document.paths['/labels']!.get!.parameters![0]!.schema).toEqual({
      type: 'string',
      title: 'Query',
    })
  })

  it('lets a listed name win for its own schema, and refuses two schemas under one name', () => {
    const routes = [post('/pets', { body: Pet }, () => 1)]
    const listed = createDocument(createApp({ routes }), {
      info: { title: 'T', version: '1' },
      schemas: { Animal: Pet },
    })
    expect(Object.keys(listed.components.schemas)).toContain('Animal')
    expect(Object.keys(listed.components.schemas)).not.toContain('Pet')
    const Other = v.pipe(v.object({ id: v.number() }), v.title('Pet'))
    const clash = createApp({ routes: [...routes, post('/other', { body: Other }, () => 1)] })
    expect(() => createDocument(clash, { info: { title: 'T', version: '1' } })).toThrow(
      /Two different schemas are both named 'Pet'/,
    )
  })
})

describe("operationIds: 'fastapi'", () => {
  it('names operations as FastAPI does: handler name + path + method', () => {
    function read_item({ params }: { params: { item_id: number } }) {
      return params.item_id
    }
    const app = createApp({
      routes: [
        get('/items/{item_id}', { params: { item_id: v.number() } }, read_item),
        post('/items/', {}, function create_item() {
          return 1
        }),
        get('/users/me', { operationId: 'whoami' }, function read_me() {
          return 1
        }),
        get('/health', {}, () => 'ok'),
      ],
    })
    const document = createDocument(app, {
      info: { title: 'T', version: '1' },
      operationIds: 'fastapi',
    })
    const ids = Object.values(document.paths).flatMap((methods) =>
      Object.values(methods).map((operation) => [operation.operationId, operation.summary]),
    )
    expect(ids).toEqual([
      ['read_item_items__item_id__get', 'Read Item'],
      ['create_item_items__post', 'Create Item'],
      ['whoami', 'Whoami'], // an explicit id stays
      ['get_health', 'Get Health'], // no handler name: Brisk's id
    ])
  })
})
