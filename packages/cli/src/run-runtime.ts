/** `runRuntime`: `brisk run --runtime bun|deno` — the same app module on that runtime's own server. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { CliError } from './cli-error.ts'
import { findBinary } from './find-binary.ts'
import { encodeServeOptions, type ServeOptions } from './serve-options.ts'

export interface RunRuntimeOptions extends Omit<ServeOptions, 'mode'> {
  readonly runtime: 'bun' | 'deno'
  readonly cwd: string
}

/**
 * Runs the runner script for the runtime as a child, forwards SIGTERM/SIGINT to it (it drains,
 * then shuts the app down) and resolves with its exit code. Throws `RUNTIME_NOT_FOUND` when the
 * runtime is neither in `node_modules/.bin` nor on PATH.
 *
 * @example
 * process.exitCode = await runRuntime({ runtime: 'bun', cwd, entry, entryLabel: 'src/app.ts',
 *   host: '0.0.0.0', port: 8000, log: 'plain', banner: true, shutdownTimeout: 10_000 })
 */
export function runRuntime(options: RunRuntimeOptions): Promise<number> {
  const binary = findBinary(options.runtime, options.cwd)
  if (!binary)
    throw new CliError(
      'RUNTIME_NOT_FOUND',
      `${options.runtime} was not found in node_modules/.bin or on PATH: install it (npm install -D ${options.runtime}) or use --runtime node.`,
    )
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js'
  const runner = fileURLToPath(new URL(`./runners/${options.runtime}${extension}`, import.meta.url))
  // Deno: every permission a server needs; sloppy imports let `./x` find `./x.ts` as tsc and tsx do.
  const args =
    options.runtime === 'bun'
      ? [runner]
      : ['run', '--allow-all', '--unstable-sloppy-imports', runner]
  const child = spawn(binary, args, {
    cwd: options.cwd,
    stdio: 'inherit',
    env: {
      ...process.env,
      ...encodeServeOptions({ ...options, mode: 'run' }),
      DENO_NO_UPDATE_CHECK: '1',
      DENO_NO_PROMPT: '1',
    },
  })
  const forward = (signal: NodeJS.Signals) => child.kill(signal)
  process.on('SIGTERM', forward)
  process.on('SIGINT', forward)
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      process.off('SIGTERM', forward)
      process.off('SIGINT', forward)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}
