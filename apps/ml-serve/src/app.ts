/**
 * Brisk ml-serve: sentiment analysis with a real model (wink-nlp, from npm) served the way a model
 * should be — inputs validated before the model runs, concurrent requests micro-batched, a bounded
 * queue answering 429, streaming with cancellation (SSE, and a WebSocket session), long jobs on a
 * queue. Every model route needs an API key. One module for Node, Bun, Deno and Workers: the
 * entries only pick the job queue and store and serve it.
 */
import { openapi } from '@brisk/openapi'
import { createApp } from '@brisk/router'
import { secureHeaders } from 'hono/secure-headers'
import { health } from './routes/health.ts'
import { jobs } from './routes/jobs.ts'
import { sentiment } from './routes/sentiment.ts'
import { sentimentSocket } from './routes/sentiment-socket.ts'
import { sentimentStream } from './routes/sentiment-stream.ts'
import { stats } from './routes/stats.ts'
import { Job, SentimentRequest, SentimentResponse, TextSentiment } from './schemas.ts'
import { clientKey } from './security.ts'

export const app = createApp({
  security: [clientKey],
  middleware: [secureHeaders()],
  routes: [sentiment, sentimentStream, sentimentSocket, jobs, stats, health],
})

/** The OpenAPI document at /openapi.json (each entry adds the /docs page its runtime can serve). */
export const spec = openapi(app, {
  info: {
    title: 'Brisk ml-serve',
    version: '0.1.0',
    description:
      'Sentiment analysis with wink-nlp. Authorize with your `X-API-Key` (the server prints one at start when `ML_API_KEY` is not set), then send the examples.',
  },
  tags: [
    {
      name: 'sentiment',
      description:
        'Score texts now (micro-batched; 429 when the queue is full), at once, streamed, or over a WebSocket',
    },
    {
      name: 'jobs',
      description: 'Large batches on a queue: 202, then status, results and progress',
    },
    { name: 'health', description: 'Readiness and counters' },
  ],
  schemas: { SentimentRequest, SentimentResponse, TextSentiment, Job },
})

export default app
