/**
 * A stand-in model for behaviour the real one cannot show on demand: a load that waits, a call that
 * waits, a text that fails. Installed through the app's own `modelLoader` dependency.
 */
import { dependency } from '@brisk/router'
import type { SentimentModel, TextSentiment } from '../../src/model/sentiment-model.ts'

/** Resolves when `open()` is called; `opened` says whether it was. */
function gate() {
  let open!: () => void
  const promise = new Promise<void>((resolve) => {
    open = resolve
  })
  return { promise, open }
}

/**
 * The fake: every call's texts, gates on load and on calls, `poison` texts throw. `gatedCalls`
 * holds every call until `releaseCalls()`; `steppedCalls` holds each call until its own
 * `releaseNextCall()` (one call at a time, in order).
 */
export function fakeModel(
  options: { gatedLoad?: boolean; gatedCalls?: boolean; steppedCalls?: boolean } = {},
) {
  const calls: string[][] = []
  const load = gate()
  const call = gate()
  // One gate per call when stepped: released in order, possibly before the call starts.
  const steps: ReturnType<typeof gate>[] = []
  let released = 0
  const stepOf = (index: number) => {
    while (steps.length <= index) steps.push(gate())
    return steps[index]!
  }
  let closed = 0
  const callStarted: (() => void)[] = []
  if (!options.gatedLoad) load.open()
  if (!options.gatedCalls) call.open()
  const model: SentimentModel = {
    name: 'fake',
    predict: async (texts) => {
      // The warm-up's call is not counted: tests count what requests caused.
      if (!texts[0]?.startsWith('Warming up')) {
        const index = calls.push([...texts]) - 1
        for (const notify of callStarted.splice(0)) notify()
        await call.promise
        if (options.steppedCalls) await stepOf(index).promise
      }
      if (texts.includes('poison')) throw new Error('the model cannot read "poison"')
      return texts.map((): TextSentiment => ({ score: 0.5, label: 'positive', sentences: [] }))
    },
    close: () => {
      closed++
    },
  }
  return {
    calls,
    loader: dependency({ scope: 'app', name: 'modelLoader (fake)' }, () => async () => {
      await load.promise
      return model
    }),
    finishLoading: load.open,
    releaseCalls: call.open,
    /** Lets the next held call (stepped) answer. */
    releaseNextCall: () => stepOf(released++).open(),
    /** Resolves once the model is called (again). */
    called: () =>
      new Promise<void>((resolve) => {
        callStarted.push(resolve)
      }),
    closed: () => closed,
  }
}
