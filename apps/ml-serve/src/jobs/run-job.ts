/** Runs one queued job: its texts through the model in chunks, progress written as it goes. */
import { later } from '../batching/later.ts'
import type { ModelHost } from '../model/model-host.ts'
import type { TextSentiment } from '../model/sentiment-model.ts'
import type { JobRecord } from './job-record.ts'
import type { JobStore } from './job-store.ts'

export interface RunJobOptions {
  readonly store: JobStore
  readonly model: ModelHost
  /** Texts per model call. */
  readonly chunkSize: number
}

/** Yields to the event loop so interactive requests are served between a job's chunks. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    later(resolve, 0)
  })

/**
 * Claims job `id` and runs it to `succeeded` (with its results) or `failed` (with the reason).
 * Answers `undefined` when the job was not queued (already run, running, or unknown).
 */
export async function runJob(id: string, options: RunJobOptions): Promise<JobRecord | undefined> {
  const { store, model, chunkSize } = options
  const job = await store.claim(id)
  if (!job) return undefined
  const texts = job.texts ?? []
  const results: TextSentiment[] = []
  let written = 0
  try {
    for (let start = 0; start < texts.length; start += chunkSize) {
      results.push(...(await model.predict(texts.slice(start, start + chunkSize))))
      const now = Date.now()
      if (results.length < texts.length && now - written >= store.progressIntervalMs) {
        await store.update(id, { done: results.length })
        written = now
      }
      await nextTask()
    }
    return await store.update(id, {
      status: 'succeeded',
      done: results.length,
      results,
      texts: undefined,
    })
  } catch (error) {
    // The reason is the model's message, not a stack; a client sees what failed, not where.
    const reason = error instanceof Error ? error.message : String(error)
    return store.update(id, { status: 'failed', error: reason, texts: undefined })
  }
}
