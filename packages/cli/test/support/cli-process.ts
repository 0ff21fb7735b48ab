/** Runs `brisk` as a child process and waits on what it prints — never on time. */
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url))

export interface CliProcess {
  readonly child: ChildProcess
  /** Everything printed so far, stdout and stderr interleaved. */
  output(): string
  /** What was printed on stdout alone. */
  stdout(): string
  /** Resolves with the first match of `pattern` in output printed after `from` (an offset). */
  waitFor(pattern: RegExp, from?: number): Promise<RegExpMatchArray>
  /** Resolves with the exit code (or signal name) once the process has exited. */
  readonly exited: Promise<number | string>
}

/** Starts `node dist/bin.js ...args` in `cwd`; `deadline` fails a wait that never comes. */
export function startCli(args: readonly string[], cwd: string, deadline = 20_000): CliProcess {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let text = ''
  let stdout = ''
  const waiters = new Set<() => void>()
  const append = (chunk: Buffer) => {
    text += chunk.toString()
    for (const check of waiters) check()
  }
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    append(chunk)
  })
  child.stderr!.on('data', append)
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      resolve(code ?? signal ?? 'unknown')
      for (const check of waiters) check()
    }),
  )
  let done = false
  exited.then(() => {
    done = true
  })
  const waitFor = (pattern: RegExp, from = 0) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check)
        reject(new Error(`no ${pattern} within ${deadline} ms; output:\n${text}`))
      }, deadline)
      function check() {
        const match = text.slice(from).match(pattern)
        if (match) {
          clearTimeout(timer)
          waiters.delete(check)
          resolve(match)
        } else if (done) {
          clearTimeout(timer)
          waiters.delete(check)
          reject(new Error(`exited before ${pattern}; output:\n${text}`))
        }
      }
      waiters.add(check)
      check()
    })
  return { child, output: () => text, stdout: () => stdout, waitFor, exited }
}

/** The URL a banner printed after `from` announces. */
export async function listeningUrl(cli: CliProcess, from = 0): Promise<string> {
  const [, url] = await cli.waitFor(/Local:\s+(http:\/\/\S+)/, from)
  return url!
}
