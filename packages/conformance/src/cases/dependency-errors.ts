/**
 * Cases for how dependencies meet errors, as in FastAPI: a yield dependency answers the handler's
 * error, and a dependency with valid inputs answers before the request's 422.
 */
import { expect } from 'vitest'
import type { Case } from '../target.ts'
import { call, expectIssues, expectJson, issue } from './http.ts'

export const dependencyErrorCases: Case[] = [
  {
    name: 'a yield dependency turns the error it catches into its HTTPException: Owner error: Rick',
    run: async (target) => {
      await expectJson(await call(target, '/yield/items/plumbus'), 400, {
        detail: 'Owner error: Rick',
      })
      await expectJson(await call(target, '/yield/items/nothing'), 404, {
        detail: 'Item not found',
      })
      await expectJson(await call(target, '/yield/items/portal-gun'), 200, {
        description: 'Gun to create portals',
        owner: 'Rick',
      })
    },
  },
  {
    name: 'a yield dependency that swallows the request error makes it a reported 500',
    run: async (target) => {
      await expectJson(await call(target, '/yield/swallowed'), 500, {
        detail: 'Internal Server Error',
      })
      await expectJson(await call(target, '/reported-errors'), 200, { last: 'DependencyError' })
    },
  },
  {
    name: 'a dependency with valid inputs runs on a 422 request, and its HTTPException wins',
    run: async (target) => {
      const send = (token: string, body: string, query = '') =>
        call(target, `/order/items${query}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-token': token },
          body,
        })
      await expectJson(await send('wrong', '{}'), 400, { detail: 'X-Token header invalid' })
      // The dependency with an invalid input (limit) does not run: its fields join the 422.
      const invalid = await send('fake-super-secret-token', '{}', '?limit=500')
      await expectIssues(invalid, [
        issue('less_than_equal', ['query', 'limit']),
        issue('missing', ['body', 'name']),
      ])
      // Malformed JSON stops the request before any dependency: no 400 from the wrong token.
      const malformed = await send('wrong', '{"name": ')
      expect(malformed.status).toBe(422)
      const { detail } = (await malformed.json()) as { detail: { type: string }[] }
      expect(detail.map((entry) => entry.type)).toContain('json_invalid')
    },
  },
]
