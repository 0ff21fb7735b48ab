/**
 * Long jobs: `POST /v1/jobs` queues a large batch (202), `GET /v1/jobs/{job_id}` reads its status
 * and results, `/events` streams its progress, and `/run` is what a Worker's queue consumer calls.
 */
import { get, HTTPException, post, respond, router } from '@brisk/router'
import * as v from 'valibot'
import { config } from '../config.ts'
import { rethrowQueueFull } from '../inference.ts'
import { jobQueue, jobStore } from '../jobs/job-dependencies.ts'
import type { JobRecord } from '../jobs/job-record.ts'
import { runJob } from '../jobs/run-job.ts'
import { model } from '../model/model.ts'
import { ErrorDetail, Job, JobAccepted, JobRequest, QUEUE_FULL } from '../schemas.ts'
import { jobEvents } from './job-events.ts'

const params = {
  job_id: v.pipe(v.string(), v.uuid(), v.description('The id `POST /v1/jobs` answered')),
}
const NOT_FOUND = { schema: ErrorDetail, description: 'No such job (or it expired)' }

/** A job as clients see it: never its texts. */
function view(job: JobRecord): v.InferInput<typeof Job> {
  const { texts: _texts, ...shown } = job
  return shown as v.InferInput<typeof Job>
}

export const jobs = router({ prefix: '/v1/jobs', tags: ['jobs'] }, [
  post(
    '',
    {
      body: JobRequest,
      bodyLimit: 16 * 1024 * 1024,
      deps: { store: jobStore, queue: jobQueue },
      status: 202,
      response: JobAccepted,
      responses: { 429: QUEUE_FULL },
      summary: 'Queue a large batch',
      description:
        'Answers 202 at once with the job id and where to follow it; the texts are scored by a worker (in-process, or a Cloudflare Queue consumer on Workers).',
    },
    async ({ body, deps }) => {
      const now = new Date().toISOString()
      const job_id = crypto.randomUUID()
      await deps.store.create({
        job_id,
        status: 'queued',
        total: body.texts.length,
        done: 0,
        created_at: now,
        updated_at: now,
        texts: body.texts,
      })
      try {
        await deps.queue.enqueue(job_id)
      } catch (error) {
        // Refused: the client never learns this id, so the record would only take room.
        await deps.store.remove(job_id)
        rethrowQueueFull(error)
      }
      const status_url = `/v1/jobs/${job_id}`
      return { job_id, status_url, events_url: `${status_url}/events` }
    },
  ),
  get(
    '/{job_id}',
    {
      params,
      deps: { store: jobStore },
      response: Job,
      responses: { 404: NOT_FOUND },
      summary: 'A job’s status, and its results once it succeeded',
    },
    async ({ params, deps }) => {
      const job = await deps.store.get(params.job_id)
      if (!job) throw new HTTPException(404, 'Job not found')
      return view(job)
    },
  ),
  get(
    '/{job_id}/events',
    {
      params,
      deps: { store: jobStore },
      stream: 'sse',
      responses: { 404: NOT_FOUND },
      summary: 'A job’s progress, streamed',
      description:
        'A `progress` event `{status, done, total}` now and on each change, then `finished` with the final status; the stream then ends.',
    },
    async ({ params, deps }) => {
      const job = await deps.store.get(params.job_id)
      if (!job) throw new HTTPException(404, 'Job not found')
      return jobEvents(deps.store, job)
    },
  ),
  post(
    '/{job_id}/run',
    {
      params,
      deps: { store: jobStore, model, config },
      response: Job,
      responses: {
        404: NOT_FOUND,
        409: { schema: ErrorDetail, description: 'The job is not queued (it ran or is running)' },
      },
      summary: 'Run a queued job now',
      description:
        'What the Workers queue consumer calls for each message; a job runs once (409 after that).',
    },
    async ({ params, deps }) => {
      const ran = await runJob(params.job_id, {
        store: deps.store,
        model: deps.model,
        chunkSize: deps.config.BATCH_MAX_SIZE,
      })
      if (ran) return view(ran)
      const job = await deps.store.get(params.job_id)
      if (!job) throw new HTTPException(404, 'Job not found')
      return respond(409, { detail: `Job is ${job.status}, not queued` })
    },
  ),
])
