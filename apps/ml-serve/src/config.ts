/**
 * The service's settings, read from the environment (a Worker's vars and secrets on Workers) once at
 * startup. Every one has a default, so `npm start` needs no setup; `ML_API_KEY` has none on purpose
 * (see security.ts).
 */
import { type Dependency, dependency, settings } from '@brisk/router'
import * as v from 'valibot'

const int = (min: number, max: number, fallback: number) =>
  v.optional(v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max)), fallback)

const environment = settings(
  {
    /** The clients' key (header `X-API-Key`), at least 16 bytes. Unset: a random key per start. */
    ML_API_KEY: v.optional(v.pipe(v.string(), v.minLength(16))),
    /** Texts per model call, at most. */
    BATCH_MAX_SIZE: int(1, 256, 32),
    /** How long a text waits for others to fill its batch, at most. */
    BATCH_MAX_WAIT_MS: int(0, 1000, 5),
    /** Texts waiting or being scored, at most (≥ 64: one full request fits); beyond it, 429. */
    QUEUE_MAX_TEXTS: int(64, 1_000_000, 2048),
    /** Jobs run at once by the in-process queue. */
    JOB_CONCURRENCY: int(1, 16, 1),
    /** Jobs waiting in the in-process queue, at most; beyond it `POST /v1/jobs` gets 429. */
    JOB_QUEUE_MAX: int(1, 10_000, 64),
    /** Finished jobs the in-memory store keeps (oldest forgotten first). */
    JOBS_KEPT: int(1, 100_000, 1000),
  },
  { name: 'mlServeEnvironment' },
)

/** The validated settings. */
export const config = dependency(
  { scope: 'app', eager: true, name: 'config', uses: { environment } },
  ({ environment }) => environment,
)

/** What `config` holds. */
export type Config = typeof environment extends Dependency<infer TValue> ? TValue : never
