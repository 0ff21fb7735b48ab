import * as v from 'valibot'
import { describe, expect, it, vi } from 'vitest'
import { createApp } from './create-app.ts'
import { get } from './route.ts'
import { serverSentEvent } from './server-sent-event.ts'

describe('streaming', () => {
  it('sends an async iterable as Server-Sent Events', async () => {
    const app = createApp({
      routes: [
        get('/sse', { stream: 'sse' }, async function* () {
          yield { token: 'a' }
          yield serverSentEvent({ event: 'done', id: '2', data: 'bye' })
        }),
      ],
    })
    const res = await app.request('/sse')
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(await res.text()).toBe('data: {"token":"a"}\n\nevent: done\nid: 2\ndata: bye\n\n')
  })

  it('sends NDJSON, validating and filtering each item', async () => {
    const Token = v.object({ t: v.string() })
    const app = createApp({
      routes: [
        get('/nd', { stream: { format: 'ndjson', item: Token } }, async function* () {
          yield { t: 'a', hidden: 1 }
          yield { t: 'b' }
        }),
      ],
    })
    const res = await app.request('/nd')
    expect(res.headers.get('content-type')).toBe('application/x-ndjson')
    expect(await res.text()).toBe('{"t":"a"}\n{"t":"b"}\n')
  })

  it('ends the stream with an error item and reports it when an item fails its schema', async () => {
    const onError = vi.fn()
    let finished = false
    const app = createApp({
      onError,
      routes: [
        get(
          '/nd',
          { stream: { format: 'sse', item: v.object({ n: v.number() }) } },
          async function* () {
            try {
              yield { n: 1 }
              yield { n: 'two' } as unknown as { n: number }
              yield { n: 3 }
            } finally {
              finished = true
            }
          },
        ),
      ],
    })
    const text = await (await app.request('/nd')).text()
    expect(text).toBe('data: {"n":1}\n\nevent: error\ndata: {"detail":"Internal Server Error"}\n\n')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(finished).toBe(true)
  })

  it('stops the producer when the client goes away', async () => {
    let produced = 0
    let stopped = false
    const app = createApp({
      routes: [
        get('/forever', { stream: 'ndjson' }, async function* () {
          try {
            for (;;) yield ++produced
          } finally {
            stopped = true
          }
        }),
      ],
    })
    const res = await app.request('/forever')
    const reader = res.body!.getReader()
    await reader.read()
    await reader.read()
    await reader.cancel()
    expect(stopped).toBe(true)
    expect(produced).toBe(2)
  })
})
