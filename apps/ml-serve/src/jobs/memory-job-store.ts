/** The default job store: a Map, bounded to the newest `kept` finished jobs. */
import { isFinished, type JobRecord } from './job-record.ts'
import type { JobStore } from './job-store.ts'

/** A `JobStore` in memory that forgets the oldest finished job beyond `kept`. */
export function memoryJobStore(kept: number): JobStore {
  const jobs = new Map<string, JobRecord>()
  const finished: string[] = []
  const listeners = new Map<string, Set<(job: JobRecord) => void>>()

  const write = (job: JobRecord) => {
    jobs.set(job.job_id, job)
    if (isFinished(job)) {
      finished.push(job.job_id)
      while (finished.length > kept) jobs.delete(finished.shift()!)
    }
    for (const listener of listeners.get(job.job_id) ?? []) listener(job)
  }
  const existing = (id: string) => {
    const job = jobs.get(id)
    if (!job) throw new Error(`no job ${id}`)
    return job
  }

  return {
    progressIntervalMs: 0,
    create: async (job) => write(job),
    get: async (id) => jobs.get(id),
    update: async (id, patch) => {
      const job = { ...existing(id), ...patch, updated_at: new Date().toISOString() }
      write(job)
      return job
    },
    claim: async (id) => {
      const job = jobs.get(id)
      if (job?.status !== 'queued') return undefined
      const running = { ...job, status: 'running' as const, updated_at: new Date().toISOString() }
      write(running)
      return running
    },
    remove: async (id) => {
      jobs.delete(id)
    },
    subscribe: (id, listener) => {
      const set = listeners.get(id) ?? new Set()
      set.add(listener)
      listeners.set(id, set)
      return () => {
        set.delete(listener)
        if (set.size === 0) listeners.delete(id)
      }
    },
  }
}
