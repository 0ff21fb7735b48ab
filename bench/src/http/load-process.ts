/** The load generator process (`load.ts`) on CPU 1: one job at a time, each with a deadline. */
import { createInterface } from 'node:readline'
import type { LoadJob, LoadResult } from './load.ts'
import type { PacedJob, PacedResult } from './paced-load.ts'
import { spawnNode, stopProcess } from './processes.ts'

export interface LoadProcess {
  /** Runs one job; rejects if no result arrives within its duration plus `slackMs`. */
  run(job: LoadJob, slackMs?: number): Promise<LoadResult>
  /** Runs one paced job (fixed rate); the same deadline, counted from its lead-in. */
  runPaced(job: PacedJob, slackMs?: number): Promise<PacedResult>
  stop(): Promise<void>
}

const loadScript = new URL('./load.js', import.meta.url).pathname

export function startLoadGenerator(cpu = 1): LoadProcess {
  const child = spawnNode(cpu, [loadScript], 'pipe')
  const lines = createInterface({ input: child.stdout! })
  let waiting: ((line: string) => void) | undefined
  lines.on('line', (line) => waiting?.(line))
  const send = <TResult>(job: object, seconds: number, slackMs: number) =>
    new Promise<TResult>((resolve, reject) => {
      const timer = setTimeout(
        () => {
          waiting = undefined
          reject(new Error(`load generator gave no result within ${seconds}s + ${slackMs} ms`))
        },
        seconds * 1000 + slackMs,
      )
      waiting = (line) => {
        clearTimeout(timer)
        waiting = undefined
        const result = JSON.parse(line) as TResult | { error: string }
        result && typeof result === 'object' && 'error' in result
          ? reject(new Error(result.error))
          : resolve(result as TResult)
      }
      child.stdin!.write(`${JSON.stringify(job)}\n`)
    })
  return {
    run: (job, slackMs = 15_000) => send<LoadResult>(job, job.seconds, slackMs),
    runPaced: (job, slackMs = 15_000) =>
      send<PacedResult>(job, job.leadSeconds + job.seconds, slackMs),
    stop: () => stopProcess(child),
  }
}
