/**
 * The reusable parts of ml-serve, for other apps and the bench: the micro-batcher, the model
 * contract and the wink model (re-exports only).
 */
export {
  createMicroBatcher,
  type MicroBatcher,
  type MicroBatcherOptions,
  type MicroBatcherStats,
} from './batching/micro-batcher.ts'
export { QueueFullError } from './batching/queue-full-error.ts'
export type {
  ModelLoader,
  SentenceSentiment,
  SentimentModel,
  TextSentiment,
} from './model/sentiment-model.ts'
export { labelOf } from './model/sentiment-model.ts'
export { loadWinkSentiment } from './model/wink-sentiment.ts'
