/**
 * ml-serve's HTTP contract, written once against a target (`fetch`), run in-process and against the
 * app served by Node, Bun, Deno and workerd. Cases share one server and may run in any order, so
 * counters are compared before and after, never with absolute values.
 */
import { expect } from 'vitest'
import { eventually } from '../../../packages/conformance/src/cases/http.ts'
import { allEvents, readEvents } from './support/sse.ts'

export interface MlTarget {
  fetch(request: Request): Promise<Response>
  readonly apiKey: string
  /** `ws://host:port` where the target is a real server (the WebSocket case needs one). */
  readonly websocketUrl?: string | undefined
}

export interface MlCase {
  readonly name: string
  run(target: MlTarget): Promise<void>
}

const ORIGIN = 'http://ml.test'

/** A request with the target's API key unless `headers` says otherwise. */
export function call(target: MlTarget, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers)
  if (!headers.has('x-api-key')) headers.set('x-api-key', target.apiKey)
  return target.fetch(new Request(ORIGIN + path, { ...init, headers }))
}

export const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

export async function expectJson(response: Response, status: number): Promise<any> {
  const text = await response.text()
  expect(response.status, text).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  return JSON.parse(text)
}

export async function stats(target: MlTarget) {
  return expectJson(await call(target, '/v1/stats'), 200)
}

/** Waits until `/health` says ready (the model loads after the server listens). */
export function ready(target: MlTarget) {
  return eventually(async () => {
    expect(await expectJson(await call(target, '/health'), 200)).toEqual({
      status: 'ready',
      model: 'wink-eng-lite-web-model',
    })
  }, 20_000)
}

export const POSITIVE = 'I love this phone. The battery lasts all day!'
export const NEGATIVE = 'The delivery was terrible and the box was damaged.'
/** A long text (5000 characters) that takes the model about a millisecond. */
const LONG = 'The screen is great but the speakers are awful and the case feels cheap. '
  .repeat(70)
  .slice(0, 5000)

export const mlCases: MlCase[] = [
  {
    name: 'GET /health says ready with the model, without a key',
    run: async (target) => {
      await ready(target)
      const response = await call(target, '/health', { headers: { 'x-api-key': '' } })
      expect(await expectJson(response, 200)).toMatchObject({ status: 'ready' })
    },
  },
  {
    name: 'model routes need the API key: none or a wrong one is a 401 with a challenge',
    run: async (target) => {
      for (const headers of [{}, { 'x-api-key': 'wrong-key-wrong-key' }]) {
        const response = await target.fetch(
          new Request(`${ORIGIN}/v1/sentiment`, postJson({ texts: ['hi'] }, headers)),
        )
        expect(await expectJson(response, 401)).toEqual({ detail: expect.any(String) })
        expect(response.headers.get('www-authenticate')).toBe('ApiKey')
      }
    },
  },
  {
    name: 'POST /v1/sentiment scores each text with the real model, per sentence',
    run: async (target) => {
      await ready(target)
      const body = await expectJson(
        await call(target, '/v1/sentiment', postJson({ texts: [POSITIVE, NEGATIVE, 'Hello.'] })),
        200,
      )
      expect(body.model).toBe('wink-eng-lite-web-model')
      expect(body.results.map((result: any) => result.label)).toEqual([
        'positive',
        'negative',
        'neutral',
      ])
      expect(body.results[0].score).toBeGreaterThan(0.1)
      expect(body.results[1].score).toBeLessThan(-0.1)
      expect(body.results[0].sentences).toEqual([
        { text: 'I love this phone.', score: expect.any(Number) },
        { text: 'The battery lasts all day!', score: expect.any(Number) },
      ])
    },
  },
  {
    name: 'bad input is a 422 naming the field, and the model is not called',
    run: async (target) => {
      await ready(target)
      const before = (await stats(target)).model
      const bad: [unknown, (string | number)[], string][] = [
        [{ texts: [] }, ['body', 'texts'], 'too_short'],
        [{ texts: Array.from({ length: 65 }, () => 'a') }, ['body', 'texts'], 'too_long'],
        [{ texts: ['ok', 'x'.repeat(5001)] }, ['body', 'texts', 1], 'string_too_long'],
        [{ texts: ['ok', ''] }, ['body', 'texts', 1], 'string_too_short'],
        [{ texts: ['ok', 42] }, ['body', 'texts', 1], 'string_type'],
        [{ text: 'ok' }, ['body', 'texts'], 'missing'],
      ]
      for (const path of ['/v1/sentiment', '/v1/sentiment/stream']) {
        for (const [body, loc, type] of bad) {
          const answer = await expectJson(await call(target, path, postJson(body)), 422)
          expect(answer.detail, JSON.stringify(body)).toEqual([
            expect.objectContaining({ type, loc }),
          ])
        }
      }
      const broken = await call(target, '/v1/sentiment', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"texts": [',
      })
      expect((await expectJson(broken, 422)).detail[0]).toMatchObject({ type: 'json_invalid' })
      expect((await stats(target)).model).toEqual(before)
    },
  },
  {
    name: 'POST /v1/sentiment/stream sends one result event per text, in order, then done',
    run: async (target) => {
      await ready(target)
      const response = await call(
        target,
        '/v1/sentiment/stream',
        postJson({ texts: [POSITIVE, NEGATIVE, POSITIVE, NEGATIVE, POSITIVE] }),
      )
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
      const events = await allEvents(response)
      expect(events.map((event) => [event.event, event.id])).toEqual([
        ['result', '0'],
        ['result', '1'],
        ['result', '2'],
        ['result', '3'],
        ['result', '4'],
        ['done', undefined],
      ])
      expect(events[1]!.data).toMatchObject({ index: 1, label: 'negative' })
      expect(events[5]!.data).toEqual({ count: 5 })
    },
  },
  {
    name: 'a stream client that disconnects stops the remaining inference, and it is counted',
    run: async (target) => {
      await ready(target)
      const before = await stats(target)
      const texts = Array.from({ length: 64 }, (_, index) => `${index}. ${LONG}`.slice(0, 5000))
      const response = await call(target, '/v1/sentiment/stream', postJson({ texts }))
      expect(response.status).toBe(200)
      for await (const event of readEvents(response)) {
        expect(event).toMatchObject({ event: 'result', id: '0' })
        break // the client leaves after the first result: readEvents cancels the body
      }
      await eventually(async () => {
        const after = await stats(target)
        expect(after.streams.disconnected).toBe(before.streams.disconnected + 1)
        expect(after.batcher.waiting).toBe(0)
        expect(after.batcher.running).toBe(0)
      })
      const after = await stats(target)
      const cancelled = after.streams.cancelled_texts - before.streams.cancelled_texts
      expect(cancelled).toBeGreaterThan(0)
      // The model scored fewer texts than were sent: the cancelled ones never reached it.
      expect(after.model.texts - before.model.texts).toBeLessThanOrEqual(64 - cancelled + 4)
      expect(after.model.texts - before.model.texts).toBeLessThan(64)
    },
  },
  {
    name: 'POST /v1/jobs answers 202 with the job; it runs to succeeded with every result',
    run: async (target) => {
      await ready(target)
      const texts = Array.from({ length: 100 }, (_, index) => (index % 2 ? NEGATIVE : POSITIVE))
      const accepted = await expectJson(await call(target, '/v1/jobs', postJson({ texts })), 202)
      expect(accepted).toEqual({
        job_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        status_url: `/v1/jobs/${accepted.job_id}`,
        events_url: `/v1/jobs/${accepted.job_id}/events`,
      })
      let job: any
      await eventually(async () => {
        job = await expectJson(await call(target, accepted.status_url), 200)
        expect(job.status).toBe('succeeded')
      }, 20_000)
      expect(job).toMatchObject({ job_id: accepted.job_id, total: 100, done: 100 })
      expect(job.texts).toBeUndefined()
      expect(job.results).toHaveLength(100)
      expect(job.results[0].label).toBe('positive')
      expect(job.results[1].label).toBe('negative')
      // A job runs once: running it again is a 409.
      const again = await call(target, `${accepted.status_url}/run`, { method: 'POST' })
      expect(await expectJson(again, 409)).toEqual({ detail: 'Job is succeeded, not queued' })
    },
  },
  {
    name: 'GET /v1/jobs/{id}/events streams progress, then finished, and ends',
    run: async (target) => {
      await ready(target)
      const texts = Array.from({ length: 200 }, () => LONG.slice(0, 500))
      const accepted = await expectJson(await call(target, '/v1/jobs', postJson({ texts })), 202)
      const events = await allEvents(await call(target, accepted.events_url))
      const last = events.at(-1)!
      expect(last).toEqual({
        event: 'finished',
        data: { status: 'succeeded', done: 200, total: 200 },
      })
      const progress = events.slice(0, -1)
      expect(progress.length).toBeGreaterThan(0)
      for (const event of progress) expect(event.event).toBe('progress')
      const done = progress.map((event) => event.data.done as number)
      expect([...done].sort((a, b) => a - b)).toEqual(done)
    },
  },
  {
    name: 'an unknown job is a 404, a malformed id a 422, a bad job body a 422',
    run: async (target) => {
      const unknown = await call(target, '/v1/jobs/00000000-0000-4000-8000-000000000000')
      expect(await expectJson(unknown, 404)).toEqual({ detail: 'Job not found' })
      const malformed = await expectJson(await call(target, '/v1/jobs/not-a-uuid'), 422)
      expect(malformed.detail[0]).toMatchObject({ loc: ['path', 'job_id'] })
      const empty = await expectJson(await call(target, '/v1/jobs', postJson({ texts: [] })), 422)
      expect(empty.detail[0]).toMatchObject({ loc: ['body', 'texts'], type: 'too_short' })
    },
  },
  {
    name: 'the OpenAPI document has the API key, request examples and the 429 with Retry-After',
    run: async (target) => {
      const document = await expectJson(await call(target, '/openapi.json'), 200)
      expect(document.components.securitySchemes.ApiKey).toMatchObject({
        type: 'apiKey',
        in: 'header',
        name: 'x-api-key',
      })
      for (const [path, method] of [
        ['/v1/sentiment', 'post'],
        ['/v1/sentiment/stream', 'post'],
        ['/v1/jobs', 'post'],
      ] as const) {
        const operation = document.paths[path][method]
        expect(operation.security, path).toEqual([{ ApiKey: [] }])
        expect(operation.responses['429'].headers['retry-after'], path).toMatchObject({
          schema: { type: 'string' },
        })
        const schema = operation.requestBody.content['application/json'].schema
        const resolved = schema.$ref
          ? document.components.schemas[schema.$ref.split('/').at(-1)]
          : schema
        expect(resolved.examples?.[0]?.texts?.length, path).toBeGreaterThan(0)
      }
      expect(document.paths['/health'].get.security).toEqual([])
      // The WebSocket route takes the key in the header or, for browsers, in the query.
      expect(document.paths['/v1/sentiment/ws'].get.security).toEqual([
        { ApiKey: [] },
        { ApiKeyQuery: [] },
      ])
      // A full queue refuses the upgrade itself: 429 with Retry-After, as on the HTTP routes.
      expect(
        document.paths['/v1/sentiment/ws'].get.responses['429'].headers['retry-after'],
      ).toMatchObject({ schema: { type: 'string' } })
      expect(document.components.securitySchemes.ApiKeyQuery).toMatchObject({
        type: 'apiKey',
        in: 'query',
        name: 'api_key',
      })
    },
  },
]
