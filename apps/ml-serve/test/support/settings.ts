/** The settings every ml-serve under test runs with: not the defaults, so each runtime proves it reads them. */

export const TEST_API_KEY = 'ml-serve-test-key-not-a-default'

export const TEST_SETTINGS = {
  ML_API_KEY: TEST_API_KEY,
  // Small batches: a 64-text stream is 16 model calls, so a disconnect has calls left to stop.
  BATCH_MAX_SIZE: '4',
  BATCH_MAX_WAIT_MS: '2',
  QUEUE_MAX_TEXTS: '512',
} as const
