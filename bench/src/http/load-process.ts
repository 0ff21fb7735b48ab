/** The load generator process (`load.ts`) on CPU 1: one job at a time, each with a deadline. */
import { createInterface } from 'node:readline'
import type { LoadJob, LoadResult } from './load.ts'
import { spawnNode, stopProcess } from './processes.ts'

export interface LoadProcess {
  /** Runs one job; rejects if no result arrives within its duration plus `slackMs`. */
  run(job: LoadJob, slackMs?: number): Promise<LoadResult>
  stop(): Promise<void>
}

const loadScript = new URL('./load.js', import.meta.url).pathname

export function startLoadGenerator(cpu = 1): LoadProcess {
  const child = spawnNode(cpu, [loadScript], 'pipe')
  const lines = createInterface({ input: child.stdout! })
  let waiting: ((line: string) => void) | undefined
  lines.on('line', (line) => waiting?.(line))
  return {
    run(job, slackMs = 15_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => {
            waiting = undefined
            reject(
              new Error(`load generator gave no result within ${job.seconds}s + ${slackMs} ms`),
            )
          },
          job.seconds * 1000 + slackMs,
        )
        waiting = (line) => {
          clearTimeout(timer)
          waiting = undefined
          const result = JSON.parse(line) as LoadResult | { error: string }
          'error' in result ? reject(new Error(result.error)) : resolve(result)
        }
        child.stdin!.write(`${JSON.stringify(job)}\n`)
      })
    },
    stop: () => stopProcess(child),
  }
}
