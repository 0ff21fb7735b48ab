/** Cases for what handlers return and throw: schemas, statuses, exceptions, passthrough. */
import { expect } from 'vitest'
import type { Case, Target } from '../target.ts'
import { call, expectJson, jsonBody } from './http.ts'

async function lastReportedError(target: Target): Promise<unknown> {
  const response = await call(target, '/reported-errors')
  return ((await response.json()) as { last: unknown }).last
}

export const responseCases: Case[] = [
  {
    name: 'the response schema strips undeclared keys such as password_hash',
    run: async (target) => {
      await expectJson(await call(target, '/users/7'), 200, { id: 7, name: 'Ada' })
    },
  },
  {
    name: 'a response failing its schema is 500 with no detail leaked, and reported to onError',
    run: async (target) => {
      const response = await call(target, '/broken-response')
      const text = await response.clone().text()
      expect(text).not.toMatch(/password|not a number|pbkdf2/)
      await expectJson(response, 500, { detail: 'Internal Server Error' })
      expect(await lastReportedError(target)).toBe('ResponseValidationError')
    },
  },
  {
    name: 'the declared default status is used and its schema filters the body',
    run: async (target) => {
      await expectJson(await call(target, '/items', jsonBody({ name: 'shelf' })), 201, {
        id: 1,
        name: 'shelf',
      })
    },
  },
  {
    name: 'respond() sends another declared status through its own schema, with headers',
    run: async (target) => {
      const response = await call(target, '/items', jsonBody({ name: 'missing' }))
      expect(response.headers.get('x-shelf')).toBe('7')
      await expectJson(response, 404, { message: 'no such shelf' })
    },
  },
  {
    name: 'HTTPException renders {"detail"} with its status and headers',
    run: async (target) => {
      const response = await call(target, '/http-exception')
      expect(response.headers.get('x-reason')).toBe('gone')
      await expectJson(response, 404, { detail: 'Not here' })
    },
  },
  {
    name: 'a registered exception handler renders its error class',
    run: async (target) => {
      await expectJson(await call(target, '/teapot'), 418, { detail: 'short and stout' })
    },
  },
  {
    name: 'an unexpected error is a bare 500 that leaks no message, reported to onError',
    run: async (target) => {
      const response = await call(target, '/crash')
      const text = await response.clone().text()
      expect(text).not.toMatch(/hunter2|postgres|stack|at /)
      await expectJson(response, 500, { detail: 'Internal Server Error' })
      expect(await lastReportedError(target)).toBe('Error')
    },
  },
  {
    name: 'returning undefined is 204 with an empty body',
    run: async (target) => {
      const response = await call(target, '/items/3', { method: 'DELETE' })
      expect(response.status).toBe(204)
      expect(await response.text()).toBe('')
    },
  },
  {
    name: 'a returned Response passes through untouched',
    run: async (target) => {
      const response = await call(target, '/raw')
      expect(response.status).toBe(202)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('x-raw')).toBe('yes')
      expect(await response.text()).toBe('raw <body>')
    },
  },
  {
    name: 'a Response made by Response.json() passes through too',
    run: async (target) => {
      await expectJson(await call(target, '/raw-json'), 203, { made: 'by Response.json' })
    },
  },
]
