/**
 * Jobs on a Cloudflare Queue: `enqueue` sends `{ job_id }` to the producer binding; the Worker's
 * `queue()` handler (src/worker.ts) is the consumer. Scaling out is the platform's: more consumer
 * invocations, retries and a dead-letter queue are wrangler settings, not code.
 */
import type { JobQueue } from './job-queue.ts'

/** The part of a Queue producer binding this uses. */
export interface QueueProducerLike {
  send(body: { job_id: string }): Promise<void>
}

/** A `JobQueue` sending to a Cloudflare Queue. */
export function cloudflareJobQueue(producer: QueueProducerLike): JobQueue {
  return { enqueue: (id) => producer.send({ job_id: id }) }
}
