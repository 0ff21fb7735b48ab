import { describe, expect, it } from 'vitest'
import { createMicroBatcher } from './micro-batcher.ts'
import { QueueFullError } from './queue-full-error.ts'

/** A `run` that records each batch and answers when the test lets it (one gate per batch). */
function gatedRun() {
  const batches: string[][] = []
  const gates: (() => void)[] = []
  const started: (() => void)[] = []
  const run = (items: readonly string[]) => {
    batches.push([...items])
    for (const notify of started.splice(0)) notify()
    return new Promise<string[]>((resolve) => {
      gates.push(() => resolve(items.map((item) => item.toUpperCase())))
    })
  }
  const nextBatch = () =>
    new Promise<void>((resolve) => {
      started.push(resolve)
    })
  const release = () => gates.shift()?.()
  return { batches, run, nextBatch, release }
}

describe('createMicroBatcher', () => {
  it('groups concurrent callers into one call of at most maxBatch items, each getting its own results', async () => {
    const model = gatedRun()
    const batcher = createMicroBatcher({ maxBatch: 4, maxWaitMs: 10, maxQueue: 100, ...model })
    const first = model.nextBatch()
    const a = batcher.submit(['a1', 'a2'])
    const b = batcher.submit(['b1'])
    const c = batcher.submit(['c1', 'c2'])
    await first
    expect(model.batches).toEqual([['a1', 'a2', 'b1', 'c1']])
    const second = model.nextBatch()
    model.release()
    await second // the rest, c2, goes on its own once it has waited maxWaitMs
    model.release()
    expect(await a).toEqual(['A1', 'A2'])
    expect(await b).toEqual(['B1'])
    expect(await c).toEqual(['C1', 'C2'])
    expect(model.batches).toEqual([['a1', 'a2', 'b1', 'c1'], ['c2']])
    expect(batcher.stats()).toMatchObject({ batches: 2, items: 5, largestBatch: 4, waiting: 0 })
  })

  it('sends a batch that is not full once its first item has waited maxWaitMs', async () => {
    const seen: string[][] = []
    const batcher = createMicroBatcher({
      maxBatch: 64,
      maxWaitMs: 5,
      maxQueue: 100,
      run: (items: readonly string[]) => {
        seen.push([...items])
        return items.map((item) => item.length)
      },
    })
    expect(await batcher.submit(['one', 'three'])).toEqual([3, 5])
    expect(seen).toEqual([['one', 'three']])
  })

  it("gives each caller its own error: a failing batch is retried per caller, the others' results stand", async () => {
    const calls: string[][] = []
    const batcher = createMicroBatcher({
      maxBatch: 8,
      maxWaitMs: 1,
      maxQueue: 100,
      run: (items: readonly string[]) => {
        calls.push([...items])
        if (items.includes('poison')) throw new Error('cannot score "poison"')
        return items.map((item) => `ok:${item}`)
      },
    })
    const good = batcher.submit(['a', 'b'])
    const bad = batcher.submit(['poison'])
    const other = batcher.submit(['c'])
    await expect(bad).rejects.toThrow('cannot score "poison"')
    expect(await good).toEqual(['ok:a', 'ok:b'])
    expect(await other).toEqual(['ok:c'])
    expect(calls).toEqual([['a', 'b', 'poison', 'c'], ['a', 'b'], ['poison'], ['c']])
  })

  it('rejects a caller that aborts while waiting, takes its items out, and runs the batch without them', async () => {
    const model = gatedRun()
    const batcher = createMicroBatcher({ maxBatch: 2, maxWaitMs: 10, maxQueue: 100, ...model })
    const first = model.nextBatch()
    const running = batcher.submit(['x', 'y'])
    await first
    const gone = new AbortController()
    const cancelled = batcher.submit(['gone1', 'gone2'], gone.signal)
    const kept = batcher.submit(['kept'])
    gone.abort(new Error('client went away'))
    await expect(cancelled).rejects.toThrow('client went away')
    const second = model.nextBatch()
    model.release()
    await second
    model.release()
    expect(await running).toEqual(['X', 'Y'])
    expect(await kept).toEqual(['KEPT'])
    expect(model.batches).toEqual([['x', 'y'], ['kept']])
    expect(batcher.stats()).toMatchObject({ cancelled: 2, items: 3 })
  })

  it('rejects a caller that aborts while its batch runs, without failing the other callers in it', async () => {
    const model = gatedRun()
    const batcher = createMicroBatcher({ maxBatch: 4, maxWaitMs: 1000, maxQueue: 100, ...model })
    const started = model.nextBatch()
    const leaving = new AbortController()
    const left = batcher.submit(['l1', 'l2'], leaving.signal)
    const stays = batcher.submit(['s1', 's2'])
    await started
    leaving.abort(new Error('disconnected'))
    await expect(left).rejects.toThrow('disconnected')
    model.release()
    expect(await stays).toEqual(['S1', 'S2'])
    expect(batcher.stats()).toMatchObject({ cancelled: 2, batches: 1, running: 0 })
  })

  it('refuses items beyond maxQueue with a QueueFullError, queueing none of them', async () => {
    const model = gatedRun()
    const batcher = createMicroBatcher({ maxBatch: 2, maxWaitMs: 0, maxQueue: 3, ...model })
    const started = model.nextBatch()
    const admitted = batcher.submit(['a', 'b'])
    await started
    let thrown: unknown
    try {
      batcher.submitEach(['c', 'd'])
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(QueueFullError)
    expect(thrown).toMatchObject({ code: 'QUEUE_FULL' })
    expect((thrown as QueueFullError).retryAfterSeconds).toBeGreaterThanOrEqual(1)
    expect(batcher.stats()).toMatchObject({ rejected: 2, waiting: 0, running: 2 })
    const fits = batcher.submit(['c'])
    model.release()
    await model.nextBatch()
    model.release()
    expect(await admitted).toEqual(['A', 'B'])
    expect(await fits).toEqual(['C'])
  })

  it('assertRoom throws what submitting would, queueing nothing', async () => {
    const model = gatedRun()
    const batcher = createMicroBatcher({ maxBatch: 2, maxWaitMs: 0, maxQueue: 3, ...model })
    const started = model.nextBatch()
    const admitted = batcher.submit(['a', 'b', 'c'])
    await started
    expect(() => batcher.assertRoom(1)).toThrow(QueueFullError)
    expect(batcher.stats()).toMatchObject({ rejected: 1, waiting: 1, running: 2 })
    model.release()
    await model.nextBatch()
    model.release()
    await admitted
    expect(() => batcher.assertRoom(3)).not.toThrow()
  })

  it('refuses an already aborted signal without queueing', () => {
    const batcher = createMicroBatcher({ maxBatch: 2, maxWaitMs: 0, maxQueue: 3, run: () => [] })
    expect(() => batcher.submitEach(['a'], AbortSignal.abort(new Error('too late')))).toThrow(
      'too late',
    )
    expect(batcher.stats().waiting).toBe(0)
  })

  it('fails every item of a caller whose run answers the wrong number of results', async () => {
    const batcher = createMicroBatcher({ maxBatch: 2, maxWaitMs: 0, maxQueue: 3, run: () => [1] })
    await expect(batcher.submit(['a', 'b'])).rejects.toThrow('run answered 1 results for 2 items')
  })

  it('throws at creation for an option out of range, naming it', () => {
    expect(() =>
      createMicroBatcher({ maxBatch: 0, maxWaitMs: 0, maxQueue: 1, run: () => [] }),
    ).toThrow('createMicroBatcher: maxBatch must be an integer ≥ 1, got 0')
  })
})
