/**
 * How a created job reaches a worker. In-process by default (bounded, with a concurrency); on
 * Workers a Cloudflare Queue (`cloudflareJobQueue`). Swap it with the `jobQueue` dependency.
 */

export interface JobQueue {
  /** Queues job `id`, or throws `QueueFullError` (nothing queued). */
  enqueue(id: string): Promise<void>
}
