/** Samples a process's resident memory from `/proc` (Linux) while a run goes on. */
import { readFileSync } from 'node:fs'

/** RSS of `pid` in MiB, or `undefined` without `/proc`. */
export function rssMiB(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : undefined
  } catch {
    return undefined
  }
}

/** Samples every `everyMs` until `stop()`, which answers the first, largest and last sample. */
export function sampleRss(pid: number, everyMs = 250) {
  const samples: number[] = []
  const take = () => {
    const value = rssMiB(pid)
    if (value !== undefined) samples.push(value)
  }
  take()
  const timer = setInterval(take, everyMs)
  return {
    stop() {
      clearInterval(timer)
      take()
      return { first: samples[0] ?? NaN, peak: Math.max(...samples), last: samples.at(-1) ?? NaN }
    },
  }
}
