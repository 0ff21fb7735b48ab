/**
 * Jobs in Workers KV, one JSON value per job under `job:<id>`, expiring after a day. KV is eventually
 * consistent across locations and has no compare-and-swap, so `claim` is best effort; the Queue
 * delivers a message once in the normal case, and a job run twice gives the same results.
 */
import type { JobRecord } from './job-record.ts'
import type { JobStore } from './job-store.ts'

/** The part of a KV namespace binding this store uses. */
export interface KvNamespaceLike {
  get(key: string, type: 'json'): Promise<unknown>
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>
  delete(key: string): Promise<void>
}

const DAY = 86_400

/** A `JobStore` on a Workers KV namespace. */
export function kvJobStore(kv: KvNamespaceLike): JobStore {
  const key = (id: string) => `job:${id}`
  const write = (job: JobRecord) =>
    kv.put(key(job.job_id), JSON.stringify(job), { expirationTtl: DAY })
  const get = async (id: string) =>
    ((await kv.get(key(id), 'json')) ?? undefined) as JobRecord | undefined

  return {
    progressIntervalMs: 1000,
    create: write,
    get,
    update: async (id, patch) => {
      const job = await get(id)
      if (!job) throw new Error(`no job ${id}`)
      const next = { ...job, ...patch, updated_at: new Date().toISOString() }
      await write(next)
      return next
    },
    remove: (id) => kv.delete(key(id)),
    claim: async (id) => {
      const job = await get(id)
      if (job?.status !== 'queued') return undefined
      const running = { ...job, status: 'running' as const, updated_at: new Date().toISOString() }
      await write(running)
      return running
    },
  }
}
