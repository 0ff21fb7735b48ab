/**
 * Cases for `@brisk/client` against the fixture: the typed client encodes every input location as
 * the server reads it and reads back each kind of answer (JSON per status, 422, streams).
 */
import { createClient, StreamError } from '@brisk/client'
import { expect } from 'vitest'
import type { app } from '../fixture.ts'
import type { Case, Target } from '../target.ts'
import { call, eventually, expectJson } from './http.ts'

const clientFor = (target: Target) =>
  createClient<typeof app>('http://fixture.test', { fetch: (request) => target.fetch(request) })

async function collect<TItem>(items: AsyncIterable<TItem>): Promise<TItem[]> {
  const out: TItem[] = []
  for await (const item of items) out.push(item)
  return out
}

export const clientCases: Case[] = [
  {
    name: 'client: path, query, header and cookie inputs arrive as the route declares them',
    run: async (target) => {
      const api = clientFor(target)
      const item = await api['/items/{id}'].get({ params: { id: 7 } })
      expect(item.status).toBe(200)
      expect(item.data).toEqual({ id: 7, type: 'number' })

      const file = await api['/files/{name}'].get({ params: { name: 'a b/c?d#e' } })
      expect(file.data).toEqual({ name: 'a b/c?d#e' })

      const headers = await api['/headers'].get({ headers: { x_trace: 't-1', x_retries: 2 } })
      expect(headers.data).toEqual({ x_trace: 't-1', x_retries: 2 })

      const cookies = await api['/cookies'].get({ cookies: { session: 'a;b c', theme: 'dark' } })
      expect(cookies.data).toEqual({ session: 'a;b c', theme: 'dark' })
    },
  },
  {
    name: 'client: JSON bodies, declared statuses and filtered responses',
    run: async (target) => {
      const api = clientFor(target)
      const created = await api['/items'].post({ body: { name: 'pen' } })
      expect(created.status).toBe(201)
      if (created.status === 201) expect(created.data).toEqual({ id: 1, name: 'pen' })

      const missing = await api['/items'].post({ body: { name: 'missing' } })
      expect(missing.status).toBe(404)
      if (missing.status === 404) expect(missing.data).toEqual({ message: 'no such shelf' })

      const user = await api['/users/{id}'].get({ params: { id: 3 } })
      expect(user.data).toEqual({ id: 3, name: 'Ada' })
    },
  },
  {
    name: "client: a 422 comes back as FastAPI's body, typed once the status is narrowed",
    run: async (target) => {
      const api = clientFor(target)
      // A body the types accept but the server's pipe refuses (an empty name).
      const answer = await api['/products'].post({ body: { name: '', price: 1, variants: [] } })
      expect(answer.status).toBe(422)
      if (answer.status !== 422) return
      expect(answer.data.detail.map((issue) => issue.loc)).toEqual([['body', 'name']])
      expect(answer.response.headers.get('content-type')).toMatch(/^application\/json/)
    },
  },
  {
    name: 'client: forms are urlencoded (repeated fields for arrays), multipart bodies carry files',
    run: async (target) => {
      const api = clientFor(target)
      const answer = await api['/form'].post({ form: { name: 'Ada', age: 36, tags: ['a', 'b'] } })
      expect(answer.status).toBe(200)
      expect(answer.data).toEqual({ name: 'Ada', age: 36, tags: ['a', 'b'] })

      const avatar = new File(['png bytes'], 'me.png', { type: 'image/png' })
      const upload = await api['/upload'].post({ multipart: { title: 'me', avatar } })
      expect(upload.status).toBe(200)
      expect(upload.data).toEqual({
        title: 'me',
        avatar: { name: 'me.png', type: 'image/png', size: 9, text: 'png bytes' },
      })
    },
  },
  {
    name: 'client: SSE and NDJSON streams are async iterables of their items',
    run: async (target) => {
      const api = clientFor(target)
      const sse = await api['/stream/sse'].get()
      if (sse.status !== 200) throw new Error(`status ${sse.status}`)
      expect(await collect(sse.data)).toEqual([{ token: 'a' }, 'two\nlines', { tokens: 2 }])

      const ndjson = await api['/stream/ndjson'].get()
      if (ndjson.status !== 200) throw new Error(`status ${ndjson.status}`)
      expect(await collect(ndjson.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }])
    },
  },
  {
    name: 'client: a stream the server ends with an error item throws a StreamError after the good items',
    run: async (target) => {
      const checked = await clientFor(target)['/stream/checked'].get()
      if (checked.status !== 200) throw new Error(`status ${checked.status}`)
      const seen: unknown[] = []
      const failure = await (async () => {
        for await (const item of checked.data) seen.push(item)
      })().catch((error: unknown) => error)
      expect(seen).toEqual([{ n: 1 }])
      expect(failure).toBeInstanceOf(StreamError)
      expect((failure as StreamError).body).toEqual({ detail: 'Internal Server Error' })
    },
  },
  {
    name: 'client: leaving a stream loop early stops the server producer',
    needs: ['disconnect'],
    run: async (target) => {
      const id = crypto.randomUUID()
      const abort = new AbortController()
      const ticks = await clientFor(target)['/stream/endless'].get({
        query: { id },
        signal: abort.signal,
      })
      if (ticks.status !== 200) throw new Error(`status ${ticks.status}`)
      for await (const tick of ticks.data) {
        expect(tick).toEqual({ tick: 0 })
        break
      }
      abort.abort()
      await eventually(async () => {
        await expectJson(await call(target, `/stream/status?id=${id}`), 200, { state: 'cancelled' })
      })
    },
  },
]
