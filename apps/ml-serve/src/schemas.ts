/**
 * Request and response bodies, with the examples `/docs` fills its "Send" form with. Limits are
 * checked before any model work: a bad body is a 422 naming the field.
 */
import * as v from 'valibot'

/** The text limits of every route: 1–5000 characters each. */
const Text = v.pipe(v.string(), v.minLength(1), v.maxLength(5000))

const EXAMPLE_TEXTS = [
  'I love this phone. The battery lasts all day!',
  'The delivery was late and the box was damaged.',
]

/** 1–64 texts: what one interactive request scores. */
const Texts = v.pipe(
  v.array(Text),
  v.minLength(1),
  v.maxLength(64),
  v.description('1 to 64 texts of 1 to 5000 characters'),
)

/** `POST /v1/sentiment` and its stream: 1–64 texts. */
export const SentimentRequest = v.pipe(
  v.object({ texts: Texts }),
  v.examples([{ texts: EXAMPLE_TEXTS }]),
)

/** `POST /v1/jobs`: a large batch, 1–10,000 texts. */
export const JobRequest = v.pipe(
  v.object({
    texts: v.pipe(
      v.array(Text),
      v.minLength(1),
      v.maxLength(10_000),
      v.description('1 to 10,000 texts of 1 to 5000 characters'),
    ),
  }),
  v.examples([{ texts: [...EXAMPLE_TEXTS, 'An average film, neither good nor bad.'] }]),
)

const Score = v.pipe(v.number(), v.minValue(-1), v.maxValue(1))

/** The model's answer for one text. */
export const TextSentiment = v.object({
  score: Score,
  label: v.picklist(['positive', 'negative', 'neutral']),
  sentences: v.array(v.object({ text: v.string(), score: Score })),
})

export const SentimentResponse = v.object({
  model: v.string(),
  results: v.array(TextSentiment),
})

/** One stream event's data: the text's position in the request, and its result. */
export const StreamedSentiment = v.object({ index: v.number(), ...TextSentiment.entries })

export const JobStatus = v.picklist(['queued', 'running', 'succeeded', 'failed'])

export const JobAccepted = v.object({
  job_id: v.string(),
  status_url: v.string(),
  events_url: v.string(),
})

export const Job = v.object({
  job_id: v.string(),
  status: JobStatus,
  total: v.number(),
  done: v.number(),
  created_at: v.string(),
  updated_at: v.string(),
  results: v.optional(v.array(TextSentiment)),
  error: v.optional(v.string()),
})

/** `{"detail": "…"}`, as every error answers. */
export const ErrorDetail = v.object({ detail: v.string() })

/** The 429 every queued route can answer. */
export const QUEUE_FULL = {
  schema: ErrorDetail,
  description: 'The queue is full: nothing was queued; retry after `Retry-After` seconds',
  headers: {
    'retry-after': {
      schema: v.pipe(v.string(), v.description('Whole seconds to wait before retrying')),
      description: 'Whole seconds to wait before retrying',
    },
  },
} as const

/** The client's name for one request on a socket: echoed in every reply about it. */
const RequestId = v.union([
  v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  v.pipe(v.number(), v.integer()),
])

/** What a client sends on `GET /v1/sentiment/ws`. */
export const SocketRequest = v.variant('type', [
  v.object({ type: v.literal('analyze'), id: RequestId, texts: Texts }),
  v.object({ type: v.literal('cancel'), id: RequestId }),
])

/** Why a socket request ended with `error`, for clients to `switch` on. */
export const SocketErrorCode = v.picklist([
  'duplicate_id',
  'not_in_flight',
  'queue_full',
  'model_failed',
])

/** What the server sends on `GET /v1/sentiment/ws`: each request ends with done, cancelled or error. */
export const SocketReply = v.variant('type', [
  v.object({
    type: v.literal('result'),
    id: RequestId,
    index: v.number(),
    ...TextSentiment.entries,
  }),
  v.object({ type: v.literal('done'), id: RequestId }),
  v.object({ type: v.literal('cancelled'), id: RequestId, cancelled_texts: v.number() }),
  v.object({
    type: v.literal('error'),
    id: RequestId,
    code: SocketErrorCode,
    detail: v.string(),
    retry_after: v.optional(v.number()),
  }),
])
