/** Runs a scenario script under another runtime's binary and parses the JSON line it prints. */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The shop package's directory, where the scripts are run from. */
export const shopRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** `node_modules/.bin/<name>` of the shop or of the workspace root. */
export function binary(name: string): string {
  const candidates = ['node_modules/.bin/', '../../node_modules/.bin/'].map(
    (dir) => `${shopRoot}${dir}${name}`,
  )
  const found = candidates.find((path) => existsSync(path))
  if (!found) throw new Error(`${name} not found in ${candidates.join(' or ')}; run npm ci`)
  return found
}

/** Runs `command args` in the shop's directory; its last stdout line, parsed as JSON. */
export async function runJsonScript(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const { stdout } = await run(command, args, {
    cwd: shopRoot,
    env: { ...process.env, ...env },
    timeout: 60_000,
  })
  const last = stdout.trim().split('\n').at(-1) ?? ''
  return JSON.parse(last) as Record<string, unknown>
}
