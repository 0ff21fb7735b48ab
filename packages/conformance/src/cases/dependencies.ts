/**
 * Cases for request-scoped dependencies: caching within a request, and teardown that runs once, in
 * reverse order, however the request ends (return, throw, HTTPException, 422, abort, stream).
 */
import { expect } from 'vitest'
import type { Case } from '../target.ts'
import { closed, expectSettled, opened, traced, waitForEvents } from './di-trace.ts'
import { call, expectIssues, expectJson, issue } from './http.ts'

export const dependencyCases: Case[] = [
  {
    name: 'a dependency used by two others runs once per request, and again on the next request',
    run: async (target) => {
      const first = await call(target, '/di/cached')
      const firstBody = (await first.clone().json()) as { token: string }
      await expectJson(first, 200, { runs: 1, shared: true, token: firstBody.token })
      const second = await call(target, '/di/cached')
      const secondBody = (await second.clone().json()) as { token: string }
      await expectJson(second, 200, { runs: 1, shared: true, token: secondBody.token })
      expect(secondBody.token).not.toBe(firstBody.token)
    },
  },
  {
    name: 'fresh(dependency) runs it again for that use, next to the cached value',
    run: async (target) => {
      await expectJson(await call(target, '/di/fresh'), 200, { runs: 2, shared: false })
    },
  },
  {
    name: 'teardown runs once per dependency, newest first, after the handler returns',
    run: async (target) => {
      const { id, headers } = traced()
      await expectJson(await call(target, '/di/teardown/returns', { headers }), 200, {
        requestId: id,
      })
      await expectSettled(target, id, [...opened, 'handler', ...closed])
    },
  },
  {
    name: 'teardown runs in reverse order when the handler throws (500)',
    run: async (target) => {
      const { id, headers } = traced()
      await expectJson(await call(target, '/di/teardown/throws', { headers }), 500, {
        detail: 'Internal Server Error',
      })
      await expectSettled(target, id, [...opened, 'handler', ...closed])
    },
  },
  {
    name: 'a dependency raising HTTPException (401) closes only what was opened before it',
    run: async (target) => {
      const { id, headers } = traced()
      await expectJson(await call(target, '/di/teardown/denied', { headers }), 401, {
        detail: 'Not allowed',
      })
      await expectSettled(target, id, [
        'open:resource',
        'open:session',
        'close:session',
        'close:resource',
      ])
    },
  },
  {
    name: 'a request that fails validation (422) still runs the dependencies whose inputs are valid, then tears them down',
    run: async (target) => {
      const { id, headers } = traced()
      await expectIssues(await call(target, '/di/teardown/invalid?n=x', { headers }), [
        issue('float_parsing', ['query', 'n'], 'x'),
      ])
      // As in FastAPI: they run (one of them could answer first), the handler does not.
      await expectSettled(target, id, [...opened, ...closed])
    },
  },
  {
    name: 'a client that aborts mid-request aborts request.signal, and teardown still runs once',
    needs: ['requestAbort'],
    run: async (target) => {
      const { id, headers } = traced()
      const abort = new AbortController()
      const pending = call(target, '/di/teardown/slow', { headers, signal: abort.signal })
      // Over a socket the client sees an AbortError; in-process the app's own response still
      // arrives. Either way the outcome that matters is on the server, read back below.
      const settled = pending.then(
        (response) => response.body?.cancel(),
        () => undefined,
      )
      await waitForEvents(target, id, [...opened, 'handler'])
      abort.abort()
      await settled
      await expectSettled(target, id, [...opened, 'handler', 'aborted', ...closed])
    },
  },
  {
    name: 'a streamed response tears down after its last item, once the generator has finished',
    run: async (target) => {
      const { id, headers } = traced()
      const response = await call(target, '/di/teardown/stream?items=3', { headers })
      expect(response.status).toBe(200)
      expect(await response.text()).toBe('{"n":0}\n{"n":1}\n{"n":2}\n')
      await expectSettled(target, id, [...opened, 'handler', 'stream ended', ...closed])
    },
  },
  {
    name: 'a streamed response cancelled by the client stops the generator, then tears down',
    needs: ['disconnect'],
    run: async (target) => {
      const { id, headers } = traced()
      const abort = new AbortController()
      const response = await call(target, '/di/teardown/stream?items=3000', {
        headers,
        signal: abort.signal,
      })
      const reader = response.body!.getReader()
      expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/^\{"n":0\}\n/)
      await reader.cancel()
      abort.abort()
      await expectSettled(target, id, [...opened, 'handler', 'stream cancelled', ...closed])
    },
  },
]
