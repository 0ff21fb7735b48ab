/** One mitata round of the in-process loop, with its tail as well as its mean. */
import { measure } from 'mitata'
import type { Target } from '../contract.ts'
import type { Case } from '../fixtures.ts'
import type { RoundSample } from './entry-output.ts'

/** Measures `target` on `test` for about `minCpuTimeMs`; the body is always read. */
export async function measureRound(
  target: Target,
  test: Case,
  minCpuTimeMs: number,
): Promise<RoundSample> {
  const stats = await measure(
    async () => {
      const response = await target.fetch(test.good())
      await response.text()
    },
    // Small batches so the time budget, not mitata's 4096-call batches, bounds each round.
    { min_cpu_time: minCpuTimeMs * 1e6, batch_samples: 256, warmup_samples: 8 },
  )
  return { avgNs: stats.avg, p99Ns: stats.p99 }
}
