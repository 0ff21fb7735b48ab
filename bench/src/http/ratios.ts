/**
 * Brisk ÷ a peer, repetition by repetition: each repetition started fresh servers and ran the
 * peers of a scenario back to back, so repetition i of both saw the same machine. By req/s
 * (Brisk's ÷ the peer's) and by CPU per request at the fixed rate (the peer's µs ÷ Brisk's, so
 * that above 1 means Brisk does better in both).
 */
import type { ResultEntry } from '../results.ts'
import { type RatioSummary, summarizeRatios } from '../summary.ts'

type Reps = ResultEntry['reps']

const unmeasured: RatioSummary = { median: Number.NaN, min: Number.NaN, max: Number.NaN }

/** `numerator[i] ÷ denominator[i]` over the repetitions where both are known. */
function perRepetition(
  numerator: Reps,
  denominator: Reps,
  pick: (rep: Reps[number]) => number | null | undefined,
): RatioSummary {
  const top: number[] = []
  const bottom: number[] = []
  for (let index = 0; index < Math.min(numerator.length, denominator.length); index++) {
    const a = pick(numerator[index]!)
    const b = pick(denominator[index]!)
    if (typeof a === 'number' && typeof b === 'number' && a > 0 && b > 0) {
      top.push(a)
      bottom.push(b)
    }
  }
  return top.length ? summarizeRatios(top, bottom) : unmeasured
}

/** Brisk ÷ `peer` by req/s, and by CPU at the fixed rate (`null` where it was not measured). */
export function briskRatios(
  brisk: ResultEntry,
  peer: ResultEntry,
): { rps: RatioSummary; cpu_at_rate: RatioSummary | null } {
  const cpu = perRepetition(peer.reps, brisk.reps, (rep) => rep.cpu_at_rate_us)
  return {
    rps: perRepetition(brisk.reps, peer.reps, (rep) => rep.rps),
    cpu_at_rate: Number.isFinite(cpu.median) ? cpu : null,
  }
}

/** `entries` with `vs_brisk` on every peer of a scenario Brisk was measured in. */
export function withBriskRatios(entries: readonly ResultEntry[], brisk = 'Brisk'): ResultEntry[] {
  return entries.map((entry) => {
    const subject = entries.find(
      (other) => other.framework === brisk && other.scenario === entry.scenario,
    )
    if (!subject || entry === subject) return entry
    return { ...entry, vs_brisk: briskRatios(subject, entry) }
  })
}
