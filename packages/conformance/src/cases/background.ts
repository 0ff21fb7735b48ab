/** Cases for background tasks: they run after the response and its teardown, failures reported. */
import { expect } from 'vitest'
import type { Case } from '../target.ts'
import { expectSettled, traced } from './di-trace.ts'
import { call, expectJson } from './http.ts'

export const backgroundCases: Case[] = [
  {
    name: 'background tasks run after teardown; a failing task is reported and the next still runs',
    run: async (target) => {
      const { id, headers } = traced()
      await expectJson(await call(target, '/di/background', { method: 'POST', headers }), 200, {
        scheduled: 2,
      })
      await expectSettled(target, id, ['open:resource', 'handler', 'close:resource', 'task'])
      await expectJson(await call(target, '/reported-errors'), 200, {
        last: 'BackgroundTaskError',
      })
    },
  },
  {
    name: 'a background task scheduled by a streamed response runs once the stream has ended',
    run: async (target) => {
      const { id, headers } = traced()
      const response = await call(target, '/di/background/stream', { headers })
      expect(response.status).toBe(200)
      expect(await response.text()).toBe('{"n":1}\n{"n":2}\n')
      await expectSettled(target, id, ['open:resource', 'handler', 'close:resource', 'task'])
    },
  },
]
