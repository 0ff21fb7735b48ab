/**
 * The repetition arithmetic of the HTTP and WebSocket benches, kept pure for its test: medians, the
 * Brisk ÷ peer ratio of each repetition summarised as median and min–max, and the rotated order of
 * the servers.
 */

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export interface RatioSummary {
  readonly median: number
  readonly min: number
  readonly max: number
}

/**
 * Brisk ÷ peer per repetition (the two measured back to back, so both saw the same machine),
 * summarised. `brisk[i]` and `peer[i]` must come from the same repetition.
 */
export function summarizeRatios(brisk: readonly number[], peer: readonly number[]): RatioSummary {
  if (brisk.length !== peer.length) {
    throw new Error(`one peer value per Brisk value: ${brisk.length} vs ${peer.length}`)
  }
  const ratios = brisk.map((value, index) => value / peer[index]!)
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) }
}

/** The servers in the order repetition `index` runs them: rotated by one each repetition. */
export function rotated<TItem>(items: readonly TItem[], index: number): TItem[] {
  if (items.length === 0) return []
  const shift = index % items.length
  return [...items.slice(shift), ...items.slice(0, shift)]
}

/** `1.23× (1.10–1.31)`; `–` for what could not be measured. */
export function formatRatio(summary: RatioSummary): string {
  if (!Number.isFinite(summary.median)) return '–'
  const range =
    summary.min === summary.max ? '' : ` (${summary.min.toFixed(2)}–${summary.max.toFixed(2)})`
  return `${summary.median.toFixed(2)}×${range}`
}
