/**
 * `npm start`'s last step (`npm run start -w @brisk/hello`, after the build) on a free port: SIGTERM
 * to the npm process, or to the pid the server prints, stops the server and frees the port — no
 * node left behind. Needs `dist/` (the root `npm start` and `npm test` build first).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const entry = fileURLToPath(new URL('../dist/node.js', import.meta.url))
const started: number[] = []

interface Running {
  readonly npm: ChildProcess
  readonly port: number
  readonly pid: number
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Spawns the start script on port 0 and waits for the line that names the port and the pid. */
async function start(): Promise<Running> {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`)
  const npm = spawn('npm', ['run', 'start', '-w', '@brisk/hello'], {
    cwd: root,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = once(npm, 'exit').then(([code, signal]) => ({ code, signal }))
  let output = ''
  npm.stderr!.on('data', (chunk) => {
    output += chunk
  })
  const lines = createInterface({ input: npm.stdout! })
  const listening = new Promise<{ port: number; pid: number }>((resolve, reject) => {
    lines.on('line', (line) => {
      output += `${line}\n`
      const match = /listening on http:\/\/localhost:(\d+) .*pid (\d+)/.exec(line)
      if (match) resolve({ port: Number(match[1]), pid: Number(match[2]) })
    })
    exited.then(({ code, signal }) =>
      reject(new Error(`npm start exited (${code ?? signal}) before listening:\n${output}`)),
    )
  })
  const { port, pid } = await listening
  started.push(pid)
  return { npm, port, pid, exited }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Resolves once this process could listen on the port itself (the server let go of it). */
async function portIsFree(port: number): Promise<boolean> {
  const probe = createServer()
  try {
    probe.listen({ port, host: '0.0.0.0', exclusive: true })
    await once(probe, 'listening')
    return true
  } catch {
    return false
  } finally {
    probe.close()
  }
}

afterEach(() => {
  // A server a failed test left running: ours, by the pid it printed.
  for (const pid of started.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL')
})

describe('npm start (apps/hello)', () => {
  it('stops the server when npm gets SIGTERM', async () => {
    const { npm, port, pid, exited } = await start()
    expect(await fetch(`http://127.0.0.1:${port}/`).then((res) => res.status)).toBe(200)
    npm.kill('SIGTERM')
    expect(await exited).toEqual({ code: 0, signal: null })
    expect(alive(pid)).toBe(false)
    expect(await portIsFree(port)).toBe(true)
  })

  it('stops everything when the printed pid gets SIGTERM', async () => {
    const { port, pid, exited } = await start()
    process.kill(pid, 'SIGTERM')
    expect(await exited).toEqual({ code: 0, signal: null })
    expect(alive(pid)).toBe(false)
    expect(await portIsFree(port)).toBe(true)
  })
})
