import { describe, expect, test } from 'vitest'
import type { ValidationFailure } from './types.ts'
import { validationErrorResponse } from './validation-error-response.ts'

const issue = { type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null }
const failure: ValidationFailure = { ok: false, status: 422, issues: [issue] }

describe('validationErrorResponse', () => {
  test('renders issues as {"detail":[...]} JSON by default', async () => {
    const response = validationErrorResponse(failure)
    expect(response.status).toBe(422)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.text()).toBe(
      '{"detail":[{"type":"missing","loc":["query","q"],"msg":"Field required","input":null}]}',
    )
  })

  test('keeps the status of the failure, e.g. 400', async () => {
    const response = validationErrorResponse({ ...failure, status: 400 })
    expect(response.status).toBe(400)
  })

  test('renders RFC 9457 problem details with errorFormat problem', async () => {
    const response = validationErrorResponse(failure, { errorFormat: 'problem' })
    expect(response.status).toBe(422)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'Request validation failed',
      errors: [issue],
    })
  })

  test('renders 413 and 415 as a detail sentence', async () => {
    const response = validationErrorResponse({
      ok: false,
      status: 415,
      issues: [],
      detail: 'Unsupported Media Type: expected application/json',
    })
    expect(response.status).toBe(415)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({
      detail: 'Unsupported Media Type: expected application/json',
    })
  })

  test('renders 413 as a problem with the sentence as detail in problem format', async () => {
    const detail = 'Request body is larger than the limit of 10 bytes'
    const response = validationErrorResponse(
      { ok: false, status: 413, issues: [], detail },
      { errorFormat: 'problem' },
    )
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: 'Content Too Large',
      status: 413,
      detail,
    })
  })
})
