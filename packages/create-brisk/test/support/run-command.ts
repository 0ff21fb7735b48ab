/** Runs a command in a generated project, with an environment free of the outer vitest's. */
import { type ChildProcess, spawn } from 'node:child_process'
import { delimiter, join } from 'node:path'
import { repoRoot } from './packed-brisk.ts'

/** The environment for child commands: no VITEST_* or NODE_ENV from this run; bun and deno from the repo. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env))
    if (!key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST') env[key] = value
  env.PATH = [join(repoRoot, 'node_modules', '.bin'), env.PATH].join(delimiter)
  env.NO_COLOR = '1'
  env.npm_config_update_notifier = 'false'
  env.DENO_NO_UPDATE_CHECK = '1'
  env.DENO_NO_PROMPT = '1'
  return env
}

export interface Started {
  readonly child: ChildProcess
  output(): string
  waitFor(pattern: RegExp, from?: number): Promise<RegExpMatchArray>
  readonly exited: Promise<number | string>
}

/** Starts a command; `waitFor` resolves on printed output (never on time) or fails at `deadline`. */
export function start(
  command: string,
  args: readonly string[],
  cwd: string,
  deadline = 60_000,
): Started {
  const child = spawn(command, args, { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
  let text = ''
  const checks = new Set<() => void>()
  const append = (chunk: Buffer) => {
    text += chunk.toString()
    for (const check of checks) check()
  }
  child.stdout!.on('data', append)
  child.stderr!.on('data', append)
  let done = false
  const exited = new Promise<number | string>((resolve) =>
    child.once('close', (code, signal) => {
      done = true
      resolve(code ?? signal ?? 'unknown')
      for (const check of checks) check()
    }),
  )
  const waitFor = (pattern: RegExp, from = 0) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => {
        checks.delete(check)
        reject(
          new Error(
            `no ${pattern} within ${deadline} ms from ${command} ${args.join(' ')}:\n${text}`,
          ),
        )
      }, deadline)
      function check() {
        const match = text.slice(from).match(pattern)
        if (match || done) {
          clearTimeout(timer)
          checks.delete(check)
          if (match) resolve(match)
          else reject(new Error(`${command} ${args.join(' ')} exited before ${pattern}:\n${text}`))
        }
      }
      checks.add(check)
      check()
    })
  return { child, output: () => text, waitFor, exited }
}

/** Runs a command to its end; rejects with its output when it exits non-zero. */
export async function runToEnd(
  command: string,
  args: readonly string[],
  cwd: string,
): Promise<string> {
  const started = start(command, args, cwd)
  const code = await started.exited
  if (code !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${code}:\n${started.output()}`)
  return started.output()
}
