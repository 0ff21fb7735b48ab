/** Cases for streamed responses: SSE, NDJSON, item schemas, and stopping on disconnect. */
import { expect } from 'vitest'
import type { Case } from '../target.ts'
import { call, eventually, expectJson } from './http.ts'

export const streamingCases: Case[] = [
  {
    name: 'SSE sends each item as an event, with fields stripped of CR/LF',
    run: async (target) => {
      const response = await call(target, '/stream/sse')
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
      expect(response.headers.get('cache-control')).toBe('no-cache')
      expect(await response.text()).toBe(
        [
          'data: {"token":"a"}\n\n',
          'data: two\ndata: lines\n\n',
          'event: doneevent: injected\nid: 12\nretry: 1500\ndata: {"tokens":2}\n\n',
        ].join(''),
      )
    },
  },
  {
    name: 'NDJSON sends one JSON value per line',
    run: async (target) => {
      const response = await call(target, '/stream/ndjson')
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/x-ndjson')
      expect(await response.text()).toBe('{"n":1}\n{"n":2}\n{"n":3}\n')
    },
  },
  {
    name: 'stream items are filtered by their schema; a bad item ends the stream with an error line',
    run: async (target) => {
      const response = await call(target, '/stream/checked')
      expect(response.status).toBe(200)
      expect(await response.text()).toBe('{"n":1}\n{"detail":"Internal Server Error"}\n')
    },
  },
  {
    name: 'items arrive while the generator is still running',
    run: async (target) => {
      const id = crypto.randomUUID()
      const response = await call(target, `/stream/endless?id=${id}`)
      const reader = response.body!.getReader()
      const first = await reader.read()
      expect(new TextDecoder().decode(first.value)).toMatch(/^\{"tick":0\}\n/)
      const status = await call(target, `/stream/status?id=${id}`)
      await expectJson(status, 200, { state: 'running' })
      await reader.cancel()
    },
  },
  {
    name: 'a client that goes away mid-stream stops the generator (its finally runs), reporting nothing',
    needs: ['disconnect'],
    run: async (target) => {
      const reported = async () =>
        ((await (await call(target, '/reported-errors/count')).json()) as { count: number }).count
      const before = await reported()
      const id = crypto.randomUUID()
      const abort = new AbortController()
      const response = await call(target, `/stream/endless?id=${id}`, { signal: abort.signal })
      const reader = response.body!.getReader()
      await reader.read()
      await reader.cancel()
      abort.abort()
      await eventually(async () => {
        await expectJson(await call(target, `/stream/status?id=${id}`), 200, {
          state: 'cancelled',
        })
      })
      // A disconnect is normal: no "controller is already closed" reaches onError.
      expect(await reported()).toBe(before)
    },
  },
]
