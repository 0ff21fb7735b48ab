/** Runs `tsc --noEmit -p` on one generated project and reads its time, size and errors. */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

/** What one `tsc` run cost and found. */
export interface TscResult {
  /** Wall-clock milliseconds, process start to exit. */
  wallMs: number
  /** From `--extendedDiagnostics`; undefined when tsc did not finish. */
  checkMs?: number
  instantiations?: number
  memoryKb?: number
  /** Error codes reported, with their counts (`TS2589` is "excessively deep"). */
  errors: Record<string, number>
  /** The first error lines, to show what went wrong. */
  firstErrors: string[]
  timedOut: boolean
  /** Set when tsc ended without its diagnostics (crash, out of memory): exit status, last line. */
  crashed?: string
}

const tsc = createRequire(import.meta.url).resolve('typescript/lib/tsc.js')

const number = (output: string, label: string) => {
  const match = output.match(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm'))
  return match ? Number(match[1]) : undefined
}

/** Type-checks the project in `dir`, killing tsc by its PID after `timeoutMs`. */
export function timeTsc(dir: string, timeoutMs: number): Promise<TscResult> {
  const started = performance.now()
  const child = spawn(
    process.execPath,
    [tsc, '-p', dir, '--extendedDiagnostics', '--pretty', 'false'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
  })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, timeoutMs)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const errorLines = output.split('\n').filter((line) => /error TS\d+/.test(line))
      const errors: Record<string, number> = {}
      for (const line of errorLines) {
        const code = line.match(/error (TS\d+)/)![1]!
        errors[code] = (errors[code] ?? 0) + 1
      }
      const checkSeconds = number(output, 'Check time')
      resolve({
        wallMs: performance.now() - started,
        ...(checkSeconds === undefined ? {} : { checkMs: checkSeconds * 1e3 }),
        ...optional('instantiations', number(output, 'Instantiations')),
        ...optional('memoryKb', number(output, 'Memory used')),
        errors,
        firstErrors: errorLines.slice(0, 3),
        timedOut,
        ...(checkSeconds === undefined && !timedOut
          ? {
              crashed: `exit ${code ?? signal}: ${output.trim().split('\n').at(-1)?.slice(0, 200)}`,
            }
          : {}),
      })
    })
  })
}

const optional = <TKey extends string>(key: TKey, value: number | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<TKey, number>>
