/**
 * ml-serve as a Cloudflare Worker: jobs in Workers KV (`JOB_STATE`) and on a Cloudflare Queue
 * (`JOBS`, produced by `POST /v1/jobs`, consumed by `queue()` below), settings from the Worker's
 * vars and secrets. The model loads within the first request (a Worker's timers do not outlive the
 * request that set them). The docs page loads Scalar from its pinned CDN URL.
 */
import { docs } from '@brisk/openapi'
import { dependency, runtimeEnv } from '@brisk/router'
import { worker } from '@brisk/router/workers'
import { app } from './app.ts'
import { cloudflareJobQueue, type QueueProducerLike } from './jobs/cloudflare-job-queue.ts'
import { jobQueue, jobStore } from './jobs/job-dependencies.ts'
import { type KvNamespaceLike, kvJobStore } from './jobs/kv-job-store.ts'
import { modelHostOptions } from './model/model.ts'

/** The bindings wrangler.jsonc declares. */
export interface Bindings {
  readonly JOB_STATE: KvNamespaceLike
  readonly JOBS: QueueProducerLike
  /** Required on Workers: the queue consumer calls the app with it. */
  readonly ML_API_KEY?: string
}

/** The parts of a queue batch the consumer uses. */
interface QueueBatch {
  readonly messages: readonly {
    readonly body: unknown
    ack(): void
    retry(): void
  }[]
}

const env = runtimeEnv<Bindings>()
app.override(
  jobStore,
  dependency({ scope: 'app', name: 'jobStore (KV)', uses: { env } }, ({ env }) =>
    kvJobStore(env.JOB_STATE),
  ),
)
app.override(
  jobQueue,
  dependency({ scope: 'app', name: 'jobQueue (Cloudflare Queues)', uses: { env } }, ({ env }) =>
    cloudflareJobQueue(env.JOBS),
  ),
)
app.override(
  modelHostOptions,
  dependency({ scope: 'app', name: 'modelHostOptions (now)' }, () => ({ start: 'now' as const })),
)
docs(app, { title: 'Brisk ml-serve' })

/**
 * The queue consumer: each message `{ job_id }` is run through the app itself
 * (`POST /v1/jobs/{job_id}/run`), so the job uses the same model, store and settings as the routes.
 */
async function queue(batch: QueueBatch, bindings: Bindings, context: unknown): Promise<void> {
  if (!bindings.ML_API_KEY) {
    throw new Error('ML_API_KEY is not set: the queue consumer needs it (wrangler secret put)')
  }
  for (const message of batch.messages) {
    const id = (message.body as { job_id?: unknown } | null)?.job_id
    if (typeof id !== 'string') {
      console.error('[ml-serve] dropped a queue message without a job_id')
      message.ack()
      continue
    }
    const response = await app.fetch(
      new Request(`https://queue.internal/v1/jobs/${encodeURIComponent(id)}/run`, {
        method: 'POST',
        headers: { 'x-api-key': bindings.ML_API_KEY },
      }),
      bindings,
      context as never,
    )
    await response.body?.cancel()
    // 404 (expired) and 409 (already ran) will not get better with a retry.
    if (response.ok || response.status === 404 || response.status === 409) message.ack()
    else message.retry()
  }
}

// `worker(app)` serves the app and upgrades its WebSocket route; the queue consumer sits beside it.
export default { ...worker<Bindings>(app), queue }
