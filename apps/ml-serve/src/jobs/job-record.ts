/** A job as every store keeps it: plain JSON, so a KV value or a database row can hold it. */
import type { TextSentiment } from '../model/sentiment-model.ts'

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed'

export interface JobRecord {
  readonly job_id: string
  readonly status: JobStatus
  /** Texts to score, and how many are scored so far. */
  readonly total: number
  readonly done: number
  readonly created_at: string
  readonly updated_at: string
  /** The texts, until the job has run (never shown to clients). */
  readonly texts?: readonly string[] | undefined
  readonly results?: readonly TextSentiment[] | undefined
  readonly error?: string | undefined
}

/** A finished job does not change again. */
export const isFinished = (job: JobRecord) => job.status === 'succeeded' || job.status === 'failed'
