/**
 * Requests drawn from an operation's documented parameters and body, and built the way an
 * OpenAPI client would send them: path values percent-encoded, query values as `form` with
 * `explode`, headers as text, the body as JSON.
 */
import fc from 'fast-check'
import type { JsonSchema, OpenAPIDocument, OperationObject } from '../../src/types.ts'
import { type ArbitraryContext, arbitraryOf } from './arbitrary.ts'

export interface OperationCase {
  readonly method: string
  readonly path: string
  readonly operation: OperationObject
}

/** What one request carries: parameter values keyed `in:name`, and the body (if any). */
export interface RequestValues {
  readonly parameters: Readonly<Record<string, unknown>>
  readonly body?: unknown
}

/** Header values are HTTP field values: visible ASCII, which `Headers` neither trims nor rejects. */
const HEADER_CHAR = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code))

export function operationsOf(document: OpenAPIDocument): OperationCase[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method, path, operation })),
  )
}

/** The JSON body schema of an operation, if it reads one. */
export function bodySchemaOf(operation: OperationObject): JsonSchema | undefined {
  return operation.requestBody?.content['application/json']?.schema
}

/** Every request the document allows for the operation (optional values sometimes left out). */
export function requestValues(
  operation: OperationObject,
  context: ArbitraryContext,
): fc.Arbitrary<RequestValues> {
  const parameters: Record<string, fc.Arbitrary<unknown>> = {}
  const required: string[] = []
  for (const parameter of operation.parameters ?? []) {
    const key = `${parameter.in}:${parameter.name}`
    const char = parameter.in === 'header' ? HEADER_CHAR : context.char
    parameters[key] = arbitraryOf(parameter.schema, { ...context, ...(char ? { char } : {}) })
    if (parameter.required) required.push(key)
  }
  const record = fc.record(parameters, { requiredKeys: required })
  const schema = bodySchemaOf(operation)
  if (!schema) return record.map((values) => ({ parameters: values }))
  return fc
    .tuple(record, arbitraryOf(schema, context))
    .map(([values, body]) => ({ parameters: values, body }))
}

function text(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  throw new Error(`No text form for parameter value ${JSON.stringify(value)}`)
}

/** The HTTP request for those values. */
export function buildRequest({ method, path, operation }: OperationCase, values: RequestValues) {
  let url = path
  const query: string[] = []
  const headers = new Headers()
  for (const parameter of operation.parameters ?? []) {
    const value = values.parameters[`${parameter.in}:${parameter.name}`]
    if (value === undefined) continue
    const name = parameter.name
    if (parameter.in === 'path') url = url.replace(`{${name}}`, encodeURIComponent(text(value)))
    else if (parameter.in === 'header') headers.set(name, text(value))
    else if (parameter.in === 'query') {
      // style: form, explode: true — one `name=value` pair per array item.
      for (const item of Array.isArray(value) ? value : [value]) {
        query.push(`${encodeURIComponent(name)}=${encodeURIComponent(text(item))}`)
      }
    } else throw new Error(`Unsupported parameter location ${parameter.in}`)
  }
  const init: RequestInit = { method: method.toUpperCase(), headers }
  if ('body' in values) {
    headers.set('content-type', 'application/json')
    init.body = JSON.stringify(values.body)
  }
  const search = query.length > 0 ? `?${query.join('&')}` : ''
  return new Request(`http://localhost${url}${search}`, init)
}
