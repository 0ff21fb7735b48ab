/**
 * The jobs' store and queue as dependencies: memory and in-process by default, overridden per
 * runtime (src/worker.ts: KV and a Cloudflare Queue).
 */
import { dependency } from '@brisk/router'
import { config } from '../config.ts'
import { model } from '../model/model.ts'
import { inProcessJobQueue } from './in-process-job-queue.ts'
import type { JobQueue } from './job-queue.ts'
import type { JobStore } from './job-store.ts'
import { memoryJobStore } from './memory-job-store.ts'
import { runJob } from './run-job.ts'

/** Where jobs are kept (default: memory, the newest `JOBS_KEPT` finished ones). */
export const jobStore = dependency(
  { scope: 'app', name: 'jobStore (memory)', uses: { config } },
  ({ config }): JobStore => memoryJobStore(config.JOBS_KEPT),
)

/** How jobs reach a worker (default: in-process, `JOB_CONCURRENCY` at once, `JOB_QUEUE_MAX` waiting). */
export const jobQueue = dependency(
  { scope: 'app', name: 'jobQueue (in-process)', uses: { config, store: jobStore, model } },
  async function* jobQueue({ config, store, model }): AsyncGenerator<JobQueue> {
    const queue = inProcessJobQueue({
      concurrency: config.JOB_CONCURRENCY,
      maxWaiting: config.JOB_QUEUE_MAX,
      run: (id) => runJob(id, { store, model, chunkSize: config.BATCH_MAX_SIZE }),
      onError: (error) => console.error('[ml-serve] job failed to run', error),
    })
    try {
      yield queue
    } finally {
      await queue.close() // shutdown lets queued jobs finish
    }
  },
)
