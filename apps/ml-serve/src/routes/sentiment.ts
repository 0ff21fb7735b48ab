/** `POST /v1/sentiment`: score 1–64 texts in one answer, through the shared micro-batcher. */
import { currentRequest, post } from '@brisk/router'
import { admission, inference, rethrowQueueFull } from '../inference.ts'
import { model } from '../model/model.ts'
import type { TextSentiment } from '../model/sentiment-model.ts'
import { QUEUE_FULL, SentimentRequest, SentimentResponse } from '../schemas.ts'
import { clientKey } from '../security.ts'

export const sentiment = post(
  '/v1/sentiment',
  {
    security: [clientKey, admission],
    body: SentimentRequest,
    bodyLimit: 2 * 1024 * 1024,
    deps: { inference, model, request: currentRequest },
    response: SentimentResponse,
    responses: { 429: QUEUE_FULL },
    tags: ['sentiment'],
    summary: 'Score texts',
    description:
      'Each text gets a score from -1 to 1, a label and per-sentence scores. Texts of concurrent requests share model calls (micro-batching).',
  },
  async ({ body, deps }) => {
    let pending: Promise<TextSentiment[]>
    try {
      // A client that goes away takes its waiting texts out of the queue.
      pending = deps.inference.batcher.submit(body.texts, deps.request.signal)
    } catch (error) {
      rethrowQueueFull(error)
    }
    const results = await pending
    return { model: deps.model.name() ?? 'unknown', results }
  },
)
