/**
 * A WebSocket route (`ws()`) in the OpenAPI document: OpenAPI has no word for messages, so the
 * `GET` upgrade is documented as it answers (101, or the JSON refusals before the upgrade), and its
 * messages go in an `x-websocket` extension on the operation. The AsyncAPI document says the same
 * in AsyncAPI's own terms.
 */
import type { WebSocketSpec } from '@brisk/router'
import type * as v from 'valibot'
import type { JsonSchema, ResponseObject } from '../types.ts'
import type { TypeMode } from './schema-converter.ts'

type Convert = (schema: v.GenericSchema, mode: TypeMode) => JsonSchema

const error = { 'application/json': { schema: { $ref: '#/components/schemas/HTTPError' } } }

/** What the upgrade request can be answered with, besides validation and security refusals. */
export const WEBSOCKET_RESPONSES: Record<string, ResponseObject> = {
  101: { description: 'Switching Protocols: the connection is now a WebSocket (see x-websocket)' },
  426: { description: 'Upgrade Required: the request was not a WebSocket upgrade', content: error },
  503: {
    description: 'Too many open WebSockets',
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
    content: error,
  },
}

/** The close codes the server uses, and why. */
export function closeCodesOf(spec: WebSocketSpec): Record<string, string> {
  return {
    1000: 'Normal closure',
    1001: 'Server shutting down',
    ...(spec.onInvalidMessage === 'close' && {
      1007: 'A message was not valid JSON or did not match the incoming schema',
    }),
    1009: 'A message was larger than maxMessageBytes',
    1011: 'The handler failed',
  }
}

/** The `x-websocket` extension: each direction's message schema, the size limit, the close codes. */
export function websocketExtension(
  spec: WebSocketSpec,
  maxMessageBytes: number,
  convert: Convert,
): JsonSchema {
  const reply = spec.incoming && spec.onInvalidMessage !== 'close'
  return {
    incoming: spec.incoming
      ? { contentType: 'application/json', schema: convert(spec.incoming, 'input') }
      : { description: 'Text or binary frames, as sent' },
    outgoing: spec.outgoing
      ? { contentType: 'application/json', schema: convert(spec.outgoing, 'output') }
      : { description: 'Text or binary frames, as the handler sends them' },
    ...(reply && {
      invalidMessage: {
        description: 'The answer to an invalid incoming message (the socket stays open)',
        contentType: 'application/json',
        schema: { $ref: '#/components/schemas/HTTPValidationError' },
      },
    }),
    maxMessageBytes,
    closeCodes: closeCodesOf(spec),
  }
}
