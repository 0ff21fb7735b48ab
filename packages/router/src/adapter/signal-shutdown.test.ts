/**
 * Bun's and Deno's `serve()` in a child process of that runtime: SIGTERM or SIGINT lets the
 * in-flight request finish, runs the app's shutdown (hooks, then app-scoped teardown) and exits 0;
 * a failing shutdown exits 1; a taken port is one line and exit 1. Each step is awaited as a line
 * of the child's output, never a delay.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { request } from 'node:http'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createApp } from '../create-app.ts'
import { serve as serveNode } from './node/serve.ts'

const packageRoot = fileURLToPath(new URL('../../', import.meta.url))
const source = (file: string) => JSON.stringify(fileURLToPath(new URL(file, import.meta.url)))

function binary(name: string): string {
  const path = fileURLToPath(new URL(`../../../../node_modules/.bin/${name}`, import.meta.url))
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm ci`)
  return path
}

interface Runtime {
  readonly name: 'bun' | 'deno'
  readonly command: () => readonly string[]
  /** Registers `print('<signal lowercased>')` after serve's own handler. */
  readonly onSignal: (signal: string) => string
  /** Calls `release()` once a byte arrives on stdin. */
  readonly onStdin: string
}

const runtimes: readonly Runtime[] = [
  {
    name: 'bun',
    command: () => [binary('bun'), '--conditions=source', '-e'],
    onSignal: (signal) => `process.once('${signal}', () => print('${signal.toLowerCase()}'))`,
    onStdin: `process.stdin.once('data', () => release())`,
  },
  {
    name: 'deno',
    command: () => [binary('deno'), 'eval', '--conditions=source'],
    onSignal: (signal) =>
      `Deno.addSignalListener('${signal}', () => print('${signal.toLowerCase()}'))`,
    onStdin: 'Deno.stdin.read(new Uint8Array(1)).then(() => release())',
  },
]

/** The app: an eager app-scoped resource, a shutdown hook (failing if asked), a slow route. */
function fixture(runtime: Runtime, options: { signal: string; failShutdown: boolean }) {
  return `
import { createApp, dependency, get } from ${source('../index.ts')}
import { serve } from ${source(`./${runtime.name}/serve.ts`)}
const print = (line: string) => console.log(line)
let release = () => {}
const released = new Promise<void>((resolve) => { release = resolve })
const resource = dependency({ scope: 'app', eager: true }, function* () {
  print('resource made')
  yield 'resource'
  print('resource teardown')
})
const app = createApp({
  onShutdown: [() => {
    print('shutdown hook')
    if (${options.failShutdown}) throw new Error('the database would not close')
  }],
  routes: [
    get('/slow', { deps: { resource } }, async ({ deps }) => {
      print('handler started')
      await released
      print('handler finished')
      return { resource: deps.resource }
    }),
  ],
})
await serve(app, { port: 0, onListen: ({ port }) => print('listening ' + port) })
${runtime.onSignal(options.signal)}
${runtime.onStdin}
`
}

/** Collects a child's stdout lines; `waitFor` resolves once a matching line has arrived. */
function lineReader(child: ChildProcess) {
  const lines: string[] = []
  let buffered = ''
  let stderr = ''
  const waiters = new Set<() => void>()
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (buffered + chunk).split('\n')
    buffered = parts.pop()!
    lines.push(...parts)
    for (const wake of waiters) wake()
  })
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('close', (code, signal) => resolve(code ?? signal)),
  )
  const waitFor = (match: (line: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines.find(match)
        if (found === undefined) return
        waiters.delete(check)
        resolve(found)
      }
      waiters.add(check)
      check()
      // Gone before the line came: fail with what it said rather than wait for the test timeout.
      exited.then(() => {
        if (waiters.delete(check)) {
          reject(new Error(`exited; stdout: ${JSON.stringify(lines)}; stderr: ${stderr}`))
        }
      })
    })
  return { lines, waitFor, exited, stderr: () => stderr }
}

function getBody(port: number, path: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk: string) => {
        body += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

async function run(runtime: Runtime, options: { signal: NodeJS.Signals; failShutdown: boolean }) {
  const [command, ...args] = runtime.command()
  const child = spawn(command!, [...args, fixture(runtime, options)], {
    cwd: packageRoot,
    env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  try {
    const reader = lineReader(child)
    const port = Number((await reader.waitFor((line) => line.startsWith('listening '))).slice(10))
    const inFlight = getBody(port, '/slow')
    await reader.waitFor((line) => line === 'handler started')
    child.kill(options.signal)
    await reader.waitFor((line) => line === options.signal.toLowerCase())
    child.stdin!.end('go')
    const answer = await inFlight
    return { port, answer, code: await reader.exited, lines: reader.lines, stderr: reader.stderr() }
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
}

describe.each(runtimes)('serve() on $name', { timeout: 60_000 }, (runtime) => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s finishes the in-flight request, runs shutdown and teardown, exits 0',
    async (signal) => {
      const { port, answer, code, lines } = await run(runtime, { signal, failShutdown: false })
      expect(answer).toEqual({ status: 200, body: '{"resource":"resource"}' })
      expect(code).toBe(0)
      expect(lines).toEqual([
        'resource made',
        `listening ${port}`,
        'handler started',
        signal.toLowerCase(),
        'handler finished',
        'shutdown hook',
        'resource teardown',
      ])
    },
  )

  it('exits 1 and says why when shutdown fails', async () => {
    const { code, lines, stderr } = await run(runtime, { signal: 'SIGTERM', failShutdown: true })
    expect(code).toBe(1)
    expect(lines.slice(3, 6)).toEqual(['sigterm', 'handler finished', 'shutdown hook'])
    expect(stderr).toContain('[brisk] shutdown failed:')
    expect(stderr).toContain('the database would not close')
  })
})

describe.each(runtimes)('serve() on $name, port taken', { timeout: 60_000 }, (runtime) => {
  it('prints one line naming the port and the fix, shuts the app down and exits 1', async () => {
    const taken = await serveNode(createApp({ routes: [] }), { port: 0, signals: [], exit: false })
    const script = `
import { createApp } from ${source('../index.ts')}
import { serve } from ${source(`./${runtime.name}/serve.ts`)}
const app = createApp({ routes: [], onShutdown: [() => console.log('shutdown hook')] })
await serve(app, { port: ${taken.port} })
console.log('listening')
`
    const [command, ...args] = runtime.command()
    const child = spawn(command!, [...args, script], {
      cwd: packageRoot,
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      const reader = lineReader(child)
      expect(await reader.exited).toBe(1)
      expect(reader.lines).toEqual(['shutdown hook'])
      expect(reader.stderr()).toBe(
        `[brisk] Port ${taken.port} is already in use on 127.0.0.1: stop the other server or choose another with serve()'s \`port\` option.\n`,
      )
    } finally {
      await taken.close()
    }
  })
})

describe.each(runtimes)('serve() on $name, PORT', { timeout: 60_000 }, (runtime) => {
  it('listens on the port PORT names when no port option is given', async () => {
    // A port free a moment ago: the child takes it through PORT alone.
    const probe = await serveNode(createApp({ routes: [] }), { port: 0, signals: [], exit: false })
    const free = probe.port
    await probe.close()
    const script = `
import { createApp } from ${source('../index.ts')}
import { serve } from ${source(`./${runtime.name}/serve.ts`)}
const server = await serve(createApp({ routes: [] }), {
  signals: [],
  onListen: ({ port }) => console.log('listening ' + port),
})
await server.close()
`
    const [command, ...args] = runtime.command()
    const child = spawn(command!, [...args, script], {
      cwd: packageRoot,
      env: { ...process.env, PORT: String(free), DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      const reader = lineReader(child)
      expect(await reader.waitFor((line) => line.startsWith('listening '))).toBe(
        `listening ${free}`,
      )
      expect(await reader.exited).toBe(0)
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
  })
})
