import { HTTPException } from '@brisk/router'
import type { Failure, FailureReason } from './guard.ts'

const RESPONSES: Record<FailureReason, readonly [status: number, detail: string]> = {
  absent: [401, 'Not authenticated'],
  invalid: [401, 'Invalid authentication credentials'],
  forbidden: [403, 'Not enough permissions'],
  unavailable: [503, 'Authentication service unavailable'],
}

/** The response a failure stands for: status, a fixed detail, and the challenge. */
export function toException(failure: Failure): HTTPException {
  const [status, detail] = RESPONSES[failure.reason]
  const headers: Record<string, string> = { 'cache-control': 'no-store' }
  if (failure.challenge !== undefined) headers['www-authenticate'] = failure.challenge
  return new HTTPException(status, detail, headers)
}
