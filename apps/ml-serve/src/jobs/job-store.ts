/**
 * Where jobs live between the request that made them and the worker that runs them: in memory on
 * Node, Bun and Deno by default, in Workers KV on Workers (`kvJobStore`). Swap it with the
 * `jobStore` dependency.
 */
import type { JobRecord } from './job-record.ts'

/** Fields a job's run changes; `undefined` removes an optional one (the texts, once scored). */
export type JobPatch = Partial<Omit<JobRecord, 'job_id' | 'created_at'>>

export interface JobStore {
  /** Least time between two progress writes of one job (KV allows one write per key per second). */
  readonly progressIntervalMs: number
  create(job: JobRecord): Promise<void>
  get(id: string): Promise<JobRecord | undefined>
  /** Replaces the job's fields given in `patch` (and `updated_at`). */
  update(id: string, patch: JobPatch): Promise<JobRecord>
  /**
   * Moves a `queued` job to `running` and answers it, or answers `undefined` if it was not queued
   * (so a job delivered twice runs once — atomically in memory, best effort on KV).
   */
  claim(id: string): Promise<JobRecord | undefined>
  /** Forgets a job (one that could not be queued). */
  remove(id: string): Promise<void>
  /** Calls `listener` after each change of the job; answers the unsubscribe. Optional: stores without it are polled. */
  subscribe?(id: string, listener: (job: JobRecord) => void): () => void
}
