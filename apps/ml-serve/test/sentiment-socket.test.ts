/**
 * `GET /v1/sentiment/ws` over a real Node server (`serve` from `@brisk/router/node`, port 0) and a
 * real WebSocket client: results per text then done, the key checked before the upgrade (header or
 * `?api_key=`), invalid messages answered without model work, and cancel and close stopping the
 * rest. A stepped stand-in model holds each model call until the test lets it answer, so "mid-way"
 * is a place in the protocol, not a moment in time.
 */
import { type NodeServer, serve } from '@brisk/router/node'
import { afterEach, describe, expect, it } from 'vitest'
import { eventually } from '../../../packages/conformance/src/cases/http.ts'
import { app } from '../src/app.ts'
import { type Config, config } from '../src/config.ts'
import { modelLoader } from '../src/model/model.ts'
import { fakeModel } from './support/fake-model.ts'
import { TEST_API_KEY } from './support/settings.ts'
import { openSocket, refusedUpgrade, type TestSocket } from './support/socket-client.ts'
import { testConfig } from './support/test-config.ts'

const KEY = { 'x-api-key': TEST_API_KEY }
let server: NodeServer | undefined

/** Serves the app on a free port with the test settings (`changes` applied) and `model`, if given. */
async function start(model?: ReturnType<typeof fakeModel>, changes: Partial<Config> = {}) {
  app.override(config, testConfig(changes))
  if (model) app.override(modelLoader, model.loader)
  server = await serve(app, { port: 0, exit: false })
  return { socketUrl: `${server.url.replace(/^http/, 'ws')}/v1/sentiment/ws`, base: server.url }
}

afterEach(async () => {
  await server?.close()
  server = undefined
  app.clearOverrides()
})

async function stats(base: string) {
  const response = await fetch(`${base}/v1/stats`, { headers: KEY })
  expect(response.status).toBe(200)
  return (await response.json()) as any
}

/** Messages until `count` requests have ended (done, cancelled or error), grouped by request id. */
async function untilEnded(client: TestSocket, count: number) {
  const byId = new Map<unknown, any[]>()
  for (let ended = 0; ended < count; ) {
    const message = await client.next()
    byId.set(message.id, [...(byId.get(message.id) ?? []), message])
    if (message.type !== 'result') ended++
  }
  return byId
}

const POSITIVE = 'I love this phone. The battery lasts all day!'
const NEGATIVE = 'The delivery was terrible and the box was damaged.'

describe('GET /v1/sentiment/ws', () => {
  it('sends each text’s result from the real model, then done, for several requests in flight at once', async () => {
    const { socketUrl } = await start()
    const client = await openSocket(socketUrl, KEY)
    client.send({ type: 'analyze', id: 1, texts: [POSITIVE, NEGATIVE] })
    client.send({ type: 'analyze', id: 'second', texts: ['Hello.'] })
    const byId = await untilEnded(client, 2)
    expect(byId.get(1)).toEqual([
      {
        type: 'result',
        id: 1,
        index: 0,
        score: expect.any(Number),
        label: 'positive',
        sentences: [
          { text: 'I love this phone.', score: expect.any(Number) },
          { text: 'The battery lasts all day!', score: expect.any(Number) },
        ],
      },
      {
        type: 'result',
        id: 1,
        index: 1,
        score: expect.any(Number),
        label: 'negative',
        sentences: [{ text: NEGATIVE, score: expect.any(Number) }],
      },
      { type: 'done', id: 1 },
    ])
    expect(byId.get('second')).toEqual([
      expect.objectContaining({ type: 'result', id: 'second', index: 0, label: 'neutral' }),
      { type: 'done', id: 'second' },
    ])
    client.socket.close(1000)
    expect(await client.closed).toBe(1000)
  })

  it('refuses an upgrade without the key, or with a wrong one, with a JSON 401; accepts ?api_key= (browsers)', async () => {
    const model = fakeModel()
    const { socketUrl } = await start(model)
    for (const [url, headers] of [
      [socketUrl, {}],
      [socketUrl, { 'x-api-key': 'wrong-key-wrong-key' }],
      [`${socketUrl}?api_key=wrong-key-wrong-key`, {}],
    ] as const) {
      const refusal = await refusedUpgrade(url, headers)
      expect(refusal.status).toBe(401)
      expect(refusal.contentType).toMatch(/^application\/json/)
      expect(JSON.parse(refusal.body)).toEqual({ detail: expect.any(String) })
    }
    const browser = await openSocket(`${socketUrl}?api_key=${encodeURIComponent(TEST_API_KEY)}`)
    browser.send({ type: 'analyze', id: 'b', texts: ['hi'] })
    expect(await browser.next()).toEqual({
      type: 'result',
      id: 'b',
      index: 0,
      score: 0.5,
      label: 'positive',
      sentences: [],
    })
    expect(await browser.next()).toEqual({ type: 'done', id: 'b' })
    expect(model.calls).toEqual([['hi']])
    browser.socket.close()
  })

  it('answers invalid messages with their issues, keeps the socket, and does not call the model', async () => {
    const model = fakeModel()
    const { socketUrl } = await start(model)
    const client = await openSocket(socketUrl, KEY)
    client.send({ type: 'analyze', id: 'a', texts: ['fine', ''] })
    expect(await client.next()).toEqual({
      detail: [{ type: 'min_length', loc: ['message', 'texts', 1], msg: expect.any(String) }],
    })
    client.send({ type: 'shout', id: 'a' })
    expect(await client.next()).toEqual({
      detail: [{ type: 'variant', loc: ['message', 'type'], msg: expect.any(String) }],
    })
    client.socket.send('{"type": "analyze",')
    expect(await client.next()).toEqual({
      detail: [{ type: 'json_invalid', loc: ['message'], msg: expect.any(String) }],
    })
    client.send({ type: 'cancel', id: 'never-sent' })
    expect(await client.next()).toEqual({
      type: 'error',
      id: 'never-sent',
      code: 'not_in_flight',
      detail: expect.any(String),
    })
    expect(model.calls).toEqual([])
    // Still open, and still serving.
    client.send({ type: 'analyze', id: 'ok', texts: ['fine'] })
    expect(await client.next()).toMatchObject({ type: 'result', id: 'ok', index: 0 })
    expect(await client.next()).toEqual({ type: 'done', id: 'ok' })
    expect(model.calls).toEqual([['fine']])
    client.socket.close()
  })

  it('refuses the upgrade with 429 when the queue is full, and answers an analyze that does not fit with queue_full', async () => {
    const model = fakeModel({ gatedCalls: true })
    const { socketUrl } = await start(model, { QUEUE_MAX_TEXTS: 64, BATCH_MAX_SIZE: 64 })
    const client = await openSocket(socketUrl, KEY)
    const called = model.called()
    // The whole queue: no room for one more text.
    client.send({ type: 'analyze', id: 'big', texts: Array(64).fill('x') })
    await called
    client.send({ type: 'analyze', id: 'more', texts: ['y'] })
    expect(await client.next()).toEqual({
      type: 'error',
      id: 'more',
      code: 'queue_full',
      detail: expect.stringMatching(/^The inference queue is full/),
      retry_after: expect.any(Number),
    })
    const full = await refusedUpgrade(socketUrl, KEY)
    expect(full.status).toBe(429)
    expect(JSON.parse(full.body)).toEqual({ detail: expect.any(String) })
    model.releaseCalls()
    const byId = await untilEnded(client, 1)
    expect(byId.get('big')).toHaveLength(65)
    expect(byId.get('big')?.at(-1)).toEqual({ type: 'done', id: 'big' })
    expect(model.calls.flat()).toHaveLength(64)
    client.socket.close()
  })

  it('a cancel mid-way stops the rest of that request’s inference, and counts its texts', async () => {
    const model = fakeModel({ steppedCalls: true })
    // One text per model call: five texts are five calls, so stopping shows as fewer.
    const { socketUrl, base } = await start(model, { BATCH_MAX_SIZE: 1 })
    const before = await stats(base)
    const client = await openSocket(socketUrl, KEY)
    const firstCall = model.called()
    client.send({ type: 'analyze', id: 'r', texts: ['t0', 't1', 't2', 't3', 't4'] })
    await firstCall
    const secondCall = model.called()
    model.releaseNextCall()
    expect(await client.next()).toMatchObject({ type: 'result', id: 'r', index: 0 })
    await secondCall
    // t1 is being scored, t2–t4 wait: all four are stopped.
    client.send({ type: 'cancel', id: 'r' })
    expect(await client.next()).toEqual({ type: 'cancelled', id: 'r', cancelled_texts: 4 })
    model.releaseNextCall() // t1's call answers now: its result is dropped, not sent
    // The next request on the socket is the next model call: t2–t4 never reached the model.
    model.releaseNextCall()
    client.send({ type: 'analyze', id: 'after', texts: ['later'] })
    expect(await client.next()).toMatchObject({ type: 'result', id: 'after', index: 0 })
    expect(await client.next()).toEqual({ type: 'done', id: 'after' })
    expect(model.calls).toEqual([['t0'], ['t1'], ['later']])
    const after = await stats(base)
    expect(after.sockets).toEqual({
      opened: before.sockets.opened + 1,
      requests: before.sockets.requests + 2,
      cancelled: before.sockets.cancelled + 1,
      closed_in_flight: before.sockets.closed_in_flight,
      cancelled_texts: before.sockets.cancelled_texts + 4,
    })
    expect(after.batcher.cancelled).toBe(before.batcher.cancelled + 4)
    client.socket.close()
  })

  it('closing the socket cancels every request in flight on it, and counts their texts', async () => {
    const model = fakeModel({ steppedCalls: true })
    const { socketUrl, base } = await start(model, { BATCH_MAX_SIZE: 1 })
    const client = await openSocket(socketUrl, KEY)
    const firstCall = model.called()
    client.send({ type: 'analyze', id: 'a', texts: ['a0', 'a1', 'a2'] })
    client.send({ type: 'analyze', id: 'b', texts: ['b0', 'b1'] })
    await firstCall
    client.socket.close(1000)
    expect(await client.closed).toBe(1000)
    // The server sees the close on its own time: wait for its count, then check the rest.
    await eventually(
      async () => expect((await stats(base)).sockets.closed_in_flight).toBe(1),
      10_000,
    )
    const after = await stats(base)
    expect(after.sockets).toMatchObject({ requests: 2, cancelled: 0, cancelled_texts: 5 })
    expect(after.batcher).toMatchObject({ cancelled: 5, waiting: 0 })
    // a0's call answers; the next model call is another client's text, not a1, a2, b0 or b1.
    model.releaseNextCall()
    model.releaseNextCall()
    const response = await fetch(`${base}/v1/sentiment`, {
      method: 'POST',
      headers: { ...KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ texts: ['other'] }),
    })
    expect(response.status).toBe(200)
    expect(model.calls).toEqual([['a0'], ['other']])
  })
})
