/** Starts one in-process entry in its runtime, bounded in time, and returns its parsed output. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { EntryOutput } from './entry-output.ts'

/** Where the runtimes are launched from (the bench package) and where their binaries are. */
const benchDir = fileURLToPath(new URL('../../', import.meta.url))
const bin = (name: string) =>
  fileURLToPath(new URL(`../../../node_modules/.bin/${name}`, import.meta.url))

/** How each runtime runs the entry: Bun and Deno from the TypeScript sources, Node from `dist`. */
export const commands: Readonly<Record<string, { file: string; args: string[] }>> = {
  bun: { file: bin('bun'), args: ['--conditions=source', 'src/runtimes/inproc-entry.ts'] },
  deno: {
    file: bin('deno'),
    args: ['run', '-A', '--conditions=source', 'src/runtimes/inproc-entry.ts'],
  },
  node: { file: process.execPath, args: ['dist/runtimes/inproc-entry.js'] },
}

/**
 * Runs the entry for `runtime`, forwarding its progress (stderr) and killing it by its PID after
 * `timeoutMs`. Rejects with the reason when it fails, times out or prints no result.
 */
export function spawnEntry(runtime: string, quick: boolean, timeoutMs: number) {
  const command = commands[runtime]
  if (!command) throw new Error(`unknown runtime '${runtime}'; one of ${Object.keys(commands)}`)
  const args = [...command.args, `--runtime=${runtime}`, ...(quick ? ['--quick'] : [])]
  const child = spawn(command.file, args, {
    cwd: benchDir,
    env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => process.stderr.write(chunk))
  return new Promise<EntryOutput>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(
        new Error(`${runtime}: no result within ${timeoutMs / 1000} s, killed PID ${child.pid}`),
      )
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      const line = stdout.trim().split('\n').at(-1) ?? ''
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`${runtime}: exited with ${code} and no JSON result`))
      } else resolve(JSON.parse(line) as EntryOutput)
    })
  })
}
