/** One mitata measurement: a full in-process request/response cycle, body consumed. */
import { measure } from 'mitata'
import type { Target } from './contract.ts'
import type { Case } from './fixtures.ts'

/** How long to sample each (app, route) pair per round. */
export interface Budget {
  rounds: number
  minCpuTimeMs: number
}

export const fullBudget: Budget = { rounds: 7, minCpuTimeMs: 800 }
// Quick: a smoke run (≈ 11 s for 12 app × route pairs), not numbers to report.
export const quickBudget: Budget = { rounds: 2, minCpuTimeMs: 300 }

/** Mean nanoseconds per request for one round. */
export async function measureCase(target: Target, test: Case, budget: Budget): Promise<number> {
  const stats = await measure(
    async () => {
      const response = await target.fetch(test.good())
      await response.text()
    },
    // mitata batches fast functions 4096 calls per sample and takes at least 12 samples, which at
    // ~30 µs a call would be 1.5 s whatever the budget; smaller batches let the budget decide.
    { min_cpu_time: budget.minCpuTimeMs * 1e6, batch_samples: 256, warmup_samples: 8 },
  )
  return stats.avg
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
