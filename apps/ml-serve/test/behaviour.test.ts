/**
 * What the contract cannot show with the real model, in-process with a stand-in model: loading
 * before ready, batching across requests, a full queue's 429, one caller's failure, a job queue's
 * bound, a failed job, and the model's release at shutdown.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { app } from '../src/app.ts'
import { type Config, config } from '../src/config.ts'
import { modelLoader } from '../src/model/model.ts'
import { call, expectJson, type MlTarget, postJson } from './contract.ts'
import { fakeModel } from './support/fake-model.ts'
import { TEST_API_KEY } from './support/settings.ts'
import { allEvents } from './support/sse.ts'
import { testConfig } from './support/test-config.ts'

const target: MlTarget = { fetch: async (request) => app.fetch(request), apiKey: TEST_API_KEY }

/** Starts the app with `model` and the test settings changed by `changes`. */
async function start(model: ReturnType<typeof fakeModel>, changes: Partial<Config> = {}) {
  app.override(config, testConfig(changes))
  app.override(modelLoader, model.loader)
  await app.startup()
}

afterEach(async () => {
  await app.shutdown()
  app.clearOverrides()
})

describe('ml-serve with a stand-in model', () => {
  it('/health answers 503 loading (with Retry-After) until the model is loaded and warmed up', async () => {
    const model = fakeModel({ gatedLoad: true })
    await start(model)
    const loading = await call(target, '/health')
    expect(await expectJson(loading, 503)).toEqual({ status: 'loading' })
    expect(loading.headers.get('retry-after')).toBe('1')
    // A request meanwhile waits for the model rather than failing.
    const early = call(target, '/v1/sentiment', postJson({ texts: ['early'] }))
    model.finishLoading()
    expect((await expectJson(await early, 200)).model).toBe('fake')
    expect(await expectJson(await call(target, '/health'), 200)).toEqual({
      status: 'ready',
      model: 'fake',
    })
  })

  it('without ML_API_KEY accepts only a random key made for this run, printed once at startup', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const model = fakeModel()
      await start(model, { ML_API_KEY: undefined })
      expect(warn).toHaveBeenCalledTimes(1)
      const line = String(warn.mock.calls[0]?.[0])
      const key = /X-API-Key: ([A-Za-z0-9_-]{43})$/.exec(line)?.[1]
      expect(key, line).toBeDefined()
      const body = postJson({ texts: ['hi'] })
      const withKey = { ...target, apiKey: key! }
      expect((await call(withKey, '/v1/sentiment', body)).status).toBe(200)
      expect((await call(target, '/v1/sentiment', postJson({ texts: ['hi'] }))).status).toBe(401)
    } finally {
      warn.mockRestore()
    }
  })

  it('does not call the model for a request that fails validation', async () => {
    const model = fakeModel()
    await start(model)
    const answer = await call(target, '/v1/sentiment', postJson({ texts: ['fine', ''] }))
    expect((await expectJson(answer, 422)).detail[0].loc).toEqual(['body', 'texts', 1])
    expect(model.calls).toEqual([])
  })

  it('scores the texts of concurrent requests in one model call', async () => {
    const model = fakeModel()
    // A batch of exactly the six texts: it goes when full, so timing cannot split it (a split
    // would wait the full second and show as two calls).
    await start(model, { BATCH_MAX_SIZE: 6, BATCH_MAX_WAIT_MS: 1000 })
    const answers = await Promise.all(
      [['a', 'b'], ['c'], ['d', 'e', 'f']].map((texts) =>
        call(target, '/v1/sentiment', postJson({ texts })),
      ),
    )
    for (const answer of answers) expect(answer.status).toBe(200)
    expect(model.calls).toHaveLength(1)
    // The requests may reach the queue in any order; each one's texts stay together.
    expect(model.calls[0]!.join('')).toMatch(/^(ab|c|def)(ab|c|def)(ab|c|def)$/)
    expect([...model.calls[0]!].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
  })

  it('answers 429 with Retry-After when the queue is full, queueing nothing, then serves again', async () => {
    const model = fakeModel({ gatedCalls: true })
    await start(model, { QUEUE_MAX_TEXTS: 64, BATCH_MAX_SIZE: 64 })
    const called = model.called()
    const first = call(target, '/v1/sentiment', postJson({ texts: Array(60).fill('x') }))
    await called
    for (const path of ['/v1/sentiment', '/v1/sentiment/stream']) {
      const refused = await call(target, path, postJson({ texts: Array(5).fill('y') }))
      const body = await expectJson(refused, 429)
      expect(body).toEqual({ detail: expect.stringMatching(/^The inference queue is full/) })
      expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/)
    }
    const counters = await expectJson(await call(target, '/v1/stats'), 200)
    expect(counters.batcher).toMatchObject({ rejected: 10, waiting: 0, running: 60 })
    model.releaseCalls()
    expect((await expectJson(await first, 200)).results).toHaveLength(60)
    const after = await call(target, '/v1/sentiment', postJson({ texts: Array(5).fill('y') }))
    expect(after.status).toBe(200)
  })

  it('sheds load before reading the body once the queue is full; a missing key is still a 401', async () => {
    const model = fakeModel({ gatedCalls: true })
    await start(model, { QUEUE_MAX_TEXTS: 64, BATCH_MAX_SIZE: 64 })
    const called = model.called()
    const first = call(target, '/v1/sentiment', postJson({ texts: Array(64).fill('x') }))
    await called
    // Not even valid JSON: refused for load (429) before the body is looked at (it would be a 422).
    const shed = await call(target, '/v1/sentiment', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"texts": [',
    })
    expect(await expectJson(shed, 429)).toEqual({ detail: expect.any(String) })
    expect(shed.headers.get('retry-after')).toMatch(/^[1-9]\d*$/)
    const anonymous = await target.fetch(
      new Request('http://ml.test/v1/sentiment', postJson({ texts: ['x'] })),
    )
    expect(anonymous.status).toBe(401)
    model.releaseCalls()
    expect((await first).status).toBe(200)
  })

  it('fails only the request whose text the model cannot score; the others in its batch succeed', async () => {
    const model = fakeModel()
    await start(model, { BATCH_MAX_SIZE: 3, BATCH_MAX_WAIT_MS: 1000 })
    const [good, bad, other] = await Promise.all([
      call(target, '/v1/sentiment', postJson({ texts: ['fine'] })),
      call(target, '/v1/sentiment', postJson({ texts: ['poison'] })),
      call(target, '/v1/sentiment', postJson({ texts: ['also fine'] })),
    ])
    expect(good!.status).toBe(200)
    expect(other!.status).toBe(200)
    expect(await expectJson(bad!, 500)).toEqual({ detail: 'Internal Server Error' })
    expect([...model.calls[0]!].sort()).toEqual(['also fine', 'fine', 'poison'])
  })

  it('answers 429 when the job queue is full, and forgets the refused job', async () => {
    const model = fakeModel({ gatedCalls: true })
    await start(model, { JOB_QUEUE_MAX: 1, JOB_CONCURRENCY: 1 })
    const called = model.called()
    const running = await expectJson(
      await call(target, '/v1/jobs', postJson({ texts: ['a'] })),
      202,
    )
    await called
    const waiting = await expectJson(
      await call(target, '/v1/jobs', postJson({ texts: ['b'] })),
      202,
    )
    const refused = await call(target, '/v1/jobs', postJson({ texts: ['c'] }))
    expect(await expectJson(refused, 429)).toEqual({ detail: expect.any(String) })
    expect(refused.headers.get('retry-after')).toBe('1')
    const status = await expectJson(await call(target, running.status_url), 200)
    expect(status).toMatchObject({ status: 'running', done: 0, total: 1 })
    model.releaseCalls()
    const events = await allEvents(await call(target, waiting.events_url))
    expect(events.at(-1)).toEqual({
      event: 'finished',
      data: { status: 'succeeded', done: 1, total: 1 },
    })
  })

  it('marks a job whose texts the model cannot score as failed, with the reason', async () => {
    const model = fakeModel()
    await start(model)
    const job = await expectJson(
      await call(target, '/v1/jobs', postJson({ texts: ['fine', 'poison'] })),
      202,
    )
    const events = await allEvents(await call(target, job.events_url))
    expect(events.at(-1)).toEqual({
      event: 'finished',
      data: { status: 'failed', done: 0, total: 2 },
    })
    const failed = await expectJson(await call(target, job.status_url), 200)
    expect(failed).toMatchObject({ status: 'failed', error: 'the model cannot read "poison"' })
    expect(failed.results).toBeUndefined()
  })

  it('lets queued jobs finish at shutdown, then releases the model once', async () => {
    const model = fakeModel({ gatedCalls: true })
    await start(model)
    const called = model.called()
    const job = await expectJson(await call(target, '/v1/jobs', postJson({ texts: ['a'] })), 202)
    await called
    const stopping = app.shutdown()
    expect(model.closed()).toBe(0)
    model.releaseCalls()
    await stopping
    expect(model.closed()).toBe(1)
    expect(job.job_id).toEqual(expect.any(String))
  })
})
