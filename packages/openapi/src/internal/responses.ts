import { HTTPException, type Operation } from '@brisk/router'
import type * as v from 'valibot'
import type { JsonSchema, ResponseObject } from '../types.ts'
import type { TypeMode } from './schema-converter.ts'

type Convert = (schema: v.GenericSchema, mode: TypeMode) => JsonSchema

const STREAM_MEDIA = {
  sse: ['text/event-stream', 'Server-Sent Events: one event per item, its `data` JSON'],
  ndjson: ['application/x-ndjson', 'Newline-delimited JSON: one item per line'],
} as const

function describe(status: number): string {
  if (status >= 200 && status < 300) return status === 201 ? 'Created' : 'Successful Response'
  return String(new HTTPException(status).detail) // the reason phrase the server answers with
}

/** The operation's declared responses, with the default status always present. */
export function responsesOf(
  operation: Operation,
  convert: Convert,
): Record<string, ResponseObject> {
  const responses: Record<string, ResponseObject> = {}
  for (const [code, spec] of Object.entries(operation.responses)) {
    const status = Number(code)
    const response: ResponseObject = { description: spec.description ?? describe(status) }
    if (spec.schema) {
      const mediaType = spec.contentType ?? 'application/json'
      response.content = { [mediaType]: { schema: convert(spec.schema, 'output') } }
    }
    if (spec.headers) {
      response.headers = {}
      for (const [name, header] of Object.entries(spec.headers)) {
        response.headers[name] = {
          ...(header.description ? { description: header.description } : {}),
          schema: header.schema ? convert(header.schema, 'output') : { type: 'string' },
        }
      }
    }
    responses[code] = response
  }
  const status = String(operation.status)
  if (!responses[status]) {
    const stream = operation.stream
    if (stream) {
      const [mediaType, description] = STREAM_MEDIA[stream.format]
      const item = stream.item ? convert(stream.item, 'output') : undefined
      responses[status] = {
        description,
        content: {
          [mediaType]: { schema: { type: 'string', ...(item ? { 'x-item': item } : {}) } },
        },
      }
    } else {
      responses[status] = {
        description: describe(operation.status),
        content: { 'application/json': { schema: {} } },
      }
    }
  }
  return responses
}
