/**
 * The contract against the Worker entry in workerd (Miniflare): jobs go through a real local
 * Cloudflare Queue (produced by `POST /v1/jobs`, consumed by the Worker's `queue()` handler) into
 * Workers KV. A stream's disconnect reaches the Worker here too: it is noticed at the stream's next
 * write, which this route makes after each text (an idle stream would not notice).
 */
import { describeContract } from './support/describe-contract.ts'
import { TEST_API_KEY } from './support/settings.ts'
import { startWorker } from './support/worker.ts'

describeContract('ml-serve as a Worker in workerd (KV + Queues), through Miniflare', {
  apiKey: TEST_API_KEY,
  start: () => startWorker(),
})
