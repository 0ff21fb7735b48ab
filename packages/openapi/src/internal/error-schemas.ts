import type { JsonSchema, ResponseObject } from '../types.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

/** The error bodies Brisk answers with, as components (FastAPI's names where it has them). */
export const ERROR_SCHEMAS: Record<string, JsonSchema> = {
  ValidationError: {
    title: 'ValidationError',
    type: 'object',
    properties: {
      type: { type: 'string', description: 'Machine-readable kind, e.g. `missing`, `int_parsing`' },
      loc: {
        type: 'array',
        items: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
        description: 'Where: the location (`path`, `query`, `header`, `cookie`, `body`) then keys',
      },
      msg: { type: 'string' },
      input: { description: 'The offending value, truncated' },
      ctx: { type: 'object', description: 'Parameters of the failed rule' },
    },
    required: ['type', 'loc', 'msg'],
  },
  HTTPValidationError: {
    title: 'HTTPValidationError',
    type: 'object',
    properties: { detail: { type: 'array', items: ref('ValidationError') } },
    required: ['detail'],
  },
  ValidationProblem: {
    title: 'ValidationProblem',
    description: 'RFC 9457 problem details listing every validation issue',
    type: 'object',
    properties: {
      type: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      errors: { type: 'array', items: ref('ValidationError') },
    },
    required: ['title', 'status', 'errors'],
  },
  HTTPError: {
    title: 'HTTPError',
    type: 'object',
    properties: { detail: { description: 'What went wrong' } },
    required: ['detail'],
  },
}

/** The responses every validating operation can give, in the app's configured shape. */
export function validationResponses(
  status: 400 | 422,
  format: 'fastapi' | 'problem',
  readsBody: boolean,
): Record<string, ResponseObject> {
  const problem = format === 'problem'
  const media = problem ? 'application/problem+json' : 'application/json'
  const responses: Record<string, ResponseObject> = {
    [status]: {
      description: 'Validation Error',
      content: { [media]: { schema: ref(problem ? 'ValidationProblem' : 'HTTPValidationError') } },
    },
  }
  if (readsBody) {
    const error = { [media]: { schema: ref('HTTPError') } }
    responses[413] = { description: 'Request body too large', content: error }
    responses[415] = { description: 'Unsupported Media Type', content: error }
  }
  return responses
}
