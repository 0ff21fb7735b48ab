/**
 * The model's lifetime: loaded once, warmed up, counted, released. `status()` is what `/health`
 * reports: `loading` until the warm-up answered, then `ready` (or `failed`).
 */
import type { ModelLoader, SentimentModel, TextSentiment } from './sentiment-model.ts'

/** What the warm-up scores before the model reports ready (its first call is the slow one). */
export const WARM_UP_TEXTS = ['Warming up: this is a good day.', 'And this is a bad one.']

export type ModelStatus = 'loading' | 'ready' | 'failed'

export interface ModelHost {
  status(): ModelStatus
  /** The model's name once loaded. */
  name(): string | undefined
  /** The loaded model (waits for the load; rejects if it failed). */
  ready(): Promise<SentimentModel>
  /** Scores texts with the loaded model, counting the call (warm-up not counted). */
  predict(texts: readonly string[]): Promise<TextSentiment[]>
  /** Model calls and texts scored since load. */
  stats(): { readonly calls: number; readonly texts: number }
  /** Waits for the load to end, then releases the model. */
  close(): Promise<void>
}

export interface ModelHostOptions {
  /**
   * Start loading after the current task (`'background'`: a server can listen and answer
   * `loading` meanwhile), or at once (`'now'`: a Worker loads within the request that started it,
   * since its timers do not outlive that request).
   */
  readonly start?: 'background' | 'now'
}

/** Starts loading the model with `load` and returns its host at once. */
export function createModelHost(load: ModelLoader, options: ModelHostOptions = {}): ModelHost {
  let status: ModelStatus = 'loading'
  let name: string | undefined
  const counts = { calls: 0, texts: 0 }
  const begin =
    options.start === 'now'
      ? Promise.resolve()
      : new Promise<void>((resolve) => setTimeout(resolve, 0))
  const loaded = begin.then(async () => {
    try {
      const model = await load()
      await model.predict(WARM_UP_TEXTS)
      name = model.name
      status = 'ready'
      return model
    } catch (error) {
      status = 'failed'
      throw error
    }
  })
  // A failed load is reported by `ready()` and /health; it must not also be an unhandled rejection.
  loaded.catch(() => {})

  return {
    status: () => status,
    name: () => name,
    ready: () => loaded,
    predict: async (texts) => {
      const model = await loaded
      counts.calls++
      counts.texts += texts.length
      return model.predict(texts)
    },
    stats: () => ({ ...counts }),
    close: async () => {
      const model = await loaded.catch(() => undefined)
      await model?.close?.()
    },
  }
}
