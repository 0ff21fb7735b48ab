/**
 * The script a dev child or cluster worker runs: reads its options from the environment, serves,
 * and exits with a code that says what happened (1: it could not start).
 */
import { reportError } from './report-error.ts'
import { serveNode } from './serve-node.ts'
import { decodeServeOptions } from './serve-options.ts'

try {
  await serveNode(decodeServeOptions(process.env))
} catch (error) {
  process.exit(reportError(error))
}
