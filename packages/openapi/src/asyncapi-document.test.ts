import { schemas } from '@asyncapi/specs'
import { createApp, dependency, get, ws } from '@brisk/router'
import Ajv from 'ajv'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { checkDocument } from '../test/support/check-document.ts'
import { asyncApiOf, createAsyncApiDocument } from './asyncapi-document.ts'
import { createDocument } from './create-document.ts'
import { openapi } from './openapi.ts'

const info = { title: 'Chat', version: '1.0.0' }

const ticket = dependency(
  {
    name: 'ticket',
    inputs: { query: { ticket: v.string() } },
    security: {
      schemes: { Ticket: { type: 'apiKey', in: 'query', name: 'ticket' } },
      requirements: [{ Ticket: [] }],
      credentials: [{ in: 'query', name: 'ticket' }],
    },
  },
  (_, { inputs }) => inputs.query.ticket,
)
const oauth = dependency(
  {
    name: 'oauth',
    inputs: { headers: { authorization: v.string() } },
    security: {
      schemes: {
        OAuth2: {
          type: 'oauth2',
          flows: { password: { tokenUrl: '/token', scopes: { 'chat:read': 'Read rooms' } } },
        },
      },
      requirements: [{ OAuth2: ['chat:read'] }],
      credentials: [{ in: 'headers', name: 'authorization' }],
    },
  },
  () => 'user',
)

const Said = v.object({ text: v.pipe(v.string(), v.minLength(1)) })
const Line = v.object({ from: v.string(), text: v.string() })

const app = createApp({
  routes: [
    get('/health', {}, () => 'ok'),
    ws(
      '/rooms/{room}',
      {
        params: { room: v.picklist(['general', 'random']) },
        query: { name: v.pipe(v.string(), v.description('Shown to others')) },
        headers: { x_client: v.optional(v.string()) },
        deps: { ticket },
        incoming: Said,
        outgoing: Line,
        summary: 'Chat in a room',
        tags: ['chat'],
      },
      ({ query }) => ({ message: (socket, said) => socket.send({ from: query.name, ...said }) }),
    ),
    ws(
      '/raw',
      {
        maxMessageBytes: 64,
        onInvalidMessage: 'close',
        deps: { oauth },
        responses: { 429: { description: 'Too many sessions for this user' } },
      },
      () => ({}),
    ),
  ],
  websockets: { maxMessageBytes: 4096 },
})

describe('WebSocket routes in the OpenAPI document', () => {
  const document = createDocument(app, { info, schemas: { Line } })
  const room = document.paths['/rooms/{room}']!.get!

  it('documents the upgrade as it answers: 101, validation, security, 426 and 503', () => {
    expect(Object.keys(room.responses)).toEqual(['101', '401', '422', '426', '503'])
    expect(room.responses[200]).toBeUndefined()
    // Declared refusals before the upgrade are documented beside them.
    const raw = document.paths['/raw']!.get!
    expect(Object.keys(raw.responses)).toEqual(['101', '401', '403', '426', '429', '503'])
    expect(raw.responses[429]).toEqual({ description: 'Too many sessions for this user' })
    expect(room.parameters?.map((parameter) => `${parameter.in}:${parameter.name}`)).toEqual([
      'path:room',
      'query:name',
      'header:x-client',
    ]) // the ticket is documented by its security scheme, as on any route
  })

  it('puts the messages, the size limit and the close codes in x-websocket', () => {
    expect(room['x-websocket']).toEqual({
      incoming: {
        contentType: 'application/json',
        schema: {
          type: 'object',
          properties: { text: { type: 'string', minLength: 1 } },
          required: ['text'],
        },
      },
      outgoing: { contentType: 'application/json', schema: { $ref: '#/components/schemas/Line' } },
      invalidMessage: expect.objectContaining({
        schema: { $ref: '#/components/schemas/HTTPValidationError' },
      }),
      maxMessageBytes: 4096,
      closeCodes: expect.objectContaining({ 1001: expect.any(String), 1009: expect.any(String) }),
    })
    const raw = document.paths['/raw']!.get!['x-websocket']!
    expect(raw.maxMessageBytes).toBe(64)
    expect(raw.invalidMessage).toBeUndefined()
    expect(Object.keys(raw.closeCodes as object)).toContain('1007')
  })

  it('stays a valid OpenAPI 3.1 document', async () => {
    const check = await checkDocument(document)
    expect(check.schemaErrors).toBeUndefined()
    expect(check.lintErrors).toEqual([])
  })
})

describe('the AsyncAPI 3 document', () => {
  const document = createAsyncApiDocument(app, { info, schemas: { Line } })

  it('is valid against the AsyncAPI 3.0.0 JSON Schema', () => {
    // The spec's schema embeds its own draft-07 meta-schema: Ajv must not add another.
    const ajv = new Ajv({ meta: false, validateSchema: false, strict: false, logger: false })
    const validate = ajv.compile(schemas['3.0.0'] as object)
    expect(validate(document) ? [] : validate.errors).toEqual([])
    // …and the check can fail: an operation that neither sends nor receives is refused.
    const broken = structuredClone(document)
    broken.operations.get_raw_send!.action = 'publish'
    expect(validate(broken)).toBe(false)
  })

  it('has one channel per WebSocket route, with its address, parameters and binding', () => {
    expect(Object.keys(document.channels)).toEqual(['get_rooms_room', 'get_raw'])
    expect(document.channels.get_rooms_room).toMatchObject({
      address: '/rooms/{room}',
      title: 'Chat in a room',
      parameters: { room: { enum: ['general', 'random'] } },
      bindings: {
        ws: {
          method: 'GET',
          query: {
            type: 'object',
            properties: {
              name: { type: 'string', description: 'Shown to others' },
            },
            required: ['name'],
          },
          headers: { properties: { 'x-client': { type: 'string' } }, required: [] },
          bindingVersion: '0.1.0',
        },
      },
    })
  })

  it('says who sends what: the server receives incoming, sends outgoing and error replies', () => {
    expect(document.operations.get_rooms_room_receive).toMatchObject({
      action: 'receive',
      channel: { $ref: '#/channels/get_rooms_room' },
      messages: [{ $ref: '#/channels/get_rooms_room/messages/incoming' }],
      tags: [{ name: 'chat' }],
      security: [{ $ref: '#/components/securitySchemes/Ticket' }],
    })
    expect(document.operations.get_rooms_room_send!.messages).toEqual([
      { $ref: '#/channels/get_rooms_room/messages/outgoing' },
      { $ref: '#/channels/get_rooms_room/messages/invalidMessage' },
    ])
  })

  it('translates security schemes, scopes on an inline OAuth scheme', () => {
    expect(document.components.securitySchemes).toEqual({
      Ticket: { type: 'httpApiKey', name: 'ticket', in: 'query' },
      OAuth2: {
        type: 'oauth2',
        flows: { password: { tokenUrl: '/token', availableScopes: { 'chat:read': 'Read rooms' } } },
        scopes: [],
      },
    })
    expect(document.operations.get_raw_receive!.security).toEqual([
      expect.objectContaining({ type: 'oauth2', scopes: ['chat:read'] }),
    ])
  })

  it('carries only the component schemas its messages reach', () => {
    expect(Object.keys(document.components.schemas ?? {}).sort()).toEqual([
      'HTTPValidationError',
      'Line',
      'ValidationError',
    ])
  })

  it('is empty of channels for an app without WebSocket routes', () => {
    const plain = createApp({ routes: [get('/a', {}, () => 1)] })
    expect(asyncApiOf(createDocument(plain, { info }))).toMatchObject({
      channels: {},
      operations: {},
    })
  })
})

describe('openapi() serving both', () => {
  it('serves /asyncapi.json beside /openapi.json when the app has WebSocket routes', async () => {
    const served = createApp({ routes: [ws('/echo', {}, () => ({}))] })
    const spec = openapi(served, { info })
    const res = await served.request('/asyncapi.json')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(spec.asyncapi())
  })

  it('serves no AsyncAPI document without WebSocket routes, or when told not to', async () => {
    const plain = createApp({ routes: [get('/a', {}, () => 1)] })
    openapi(plain, { info })
    expect((await plain.request('/asyncapi.json')).status).toBe(404)
    const off = createApp({ routes: [ws('/echo', {}, () => ({}))] })
    openapi(off, { info, asyncapiPath: false })
    expect((await off.request('/asyncapi.json')).status).toBe(404)
  })
})
