import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { Agent, request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../create-app.ts'
import { dependency } from '../../dependency.ts'
import { get } from '../../route.ts'
import { ListenError, serve } from './serve.ts'

/** A promise with its resolver, so a test decides when a handler may go on. */
function deferred<TValue = void>() {
  let resolve!: (value: TValue) => void
  const promise = new Promise<TValue>((settle) => {
    resolve = settle
  })
  return { promise, resolve }
}

/** Status, `connection` header and body of one GET (a fresh TCP connection unless an agent is given). */
function getOnce(port: number, path: string, agent: Agent | false = false) {
  return new Promise<{ status: number; body: string; connection: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
      })
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection ?? '' }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** The error code of a TCP connection attempt ('connected' when it succeeds). */
function connectOutcome(port: number) {
  return new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve('connected')
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
  })
}

/** An app that records its lifecycle: a slow route, an eager app-scoped resource, hooks. */
function recordingApp(events: string[]) {
  const started = deferred()
  const release = deferred()
  const resource = dependency({ scope: 'app', eager: true }, function* () {
    events.push('resource made')
    yield 'resource'
    events.push('resource teardown')
  })
  const app = createApp({
    onStartup: [() => events.push('startup hook')],
    onShutdown: [() => events.push('shutdown hook')],
    routes: [
      get('/ping', () => ({ pong: true })),
      get('/slow', { deps: { resource } }, async ({ deps }) => {
        events.push('handler started')
        started.resolve()
        await release.promise
        events.push('handler finished')
        return { resource: deps.resource }
      }),
    ],
  })
  return { app, started, release }
}

async function listen(app: ReturnType<typeof createApp>, events: string[]) {
  let port = 0
  const node = await serve(app, {
    port: 0,
    hostname: '127.0.0.1',
    signals: [],
    onListen: (info) => {
      events.push('listening')
      port = info.port
    },
  })
  node.server.on('request', (_req, res) => res.on('finish', () => events.push('response sent')))
  return { node, port }
}

describe('serve (Node adapter)', () => {
  it('runs the app startup before listening, then serves requests', async () => {
    const events: string[] = []
    const { app } = recordingApp(events)
    const { node, port } = await listen(app, events)
    try {
      expect(events).toEqual(['startup hook', 'resource made', 'listening'])
      expect(port).toBeGreaterThan(0)
      expect(await getOnce(port, '/ping')).toEqual({
        status: 200,
        body: '{"pong":true}',
        connection: 'close',
      })
    } finally {
      await node.close()
    }
  })

  it('answers a route with a response schema alike on every request (no header state shared)', async () => {
    const app = createApp({
      routes: [
        get('/item', { response: v.object({ id: v.number() }) }, () => ({ id: 1, secret: 's' })),
      ],
    })
    const { node, port } = await listen(app, [])
    try {
      const answers = []
      for (let index = 0; index < 3; index++) answers.push(await getOnce(port, '/item'))
      expect(answers).toEqual(Array(3).fill({ status: 200, body: '{"id":1}', connection: 'close' }))
    } finally {
      await node.close()
    }
  })

  it('close() refuses new connections, lets the in-flight request finish, then shuts down', async () => {
    const events: string[] = []
    const { app, started, release } = recordingApp(events)
    const { node, port } = await listen(app, events)
    const inFlight = getOnce(port, '/slow')
    await started.promise

    events.push('close called')
    const closed = node.close().then(() => events.push('close resolved'))
    expect(await connectOutcome(port)).toBe('ECONNREFUSED')

    release.resolve()
    expect(await inFlight).toEqual({
      status: 200,
      body: '{"resource":"resource"}',
      connection: 'close',
    })
    await closed
    expect(events).toEqual([
      'startup hook',
      'resource made',
      'listening',
      'handler started',
      'close called',
      'handler finished',
      'response sent',
      'shutdown hook',
      'resource teardown',
      'close resolved',
    ])
  })

  // A keep-alive connection busy when close() starts must not keep serving new requests (and keep
  // close() and the shutdown hooks waiting for the client to hang up).
  it('answers a keep-alive request in flight during close() with connection: close', async () => {
    const events: string[] = []
    const { app, started, release } = recordingApp(events)
    const { node, port } = await listen(app, events)
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const inFlight = getOnce(port, '/slow', agent)
      await started.promise
      const closed = node.close()
      release.resolve()
      expect(await inFlight).toEqual({
        status: 200,
        body: '{"resource":"resource"}',
        connection: 'close',
      })
      await closed
    } finally {
      agent.destroy() // lets close() finish whatever the outcome
    }
  })

  it('rejects a taken port with a ListenError under exit: false, and shuts the app down again', async () => {
    const first = await serve(createApp({ routes: [] }), { port: 0, signals: [], exit: false })
    const events: string[] = []
    const second = createApp({ routes: [], onShutdown: [() => events.push('shutdown')] })
    const refused = serve(second, { port: first.port, signals: [], exit: false })
    await expect(refused).rejects.toBeInstanceOf(ListenError)
    await expect(refused).rejects.toMatchObject({
      code: 'EADDRINUSE',
      port: first.port,
      hostname: '127.0.0.1',
      message: `Port ${first.port} is already in use on 127.0.0.1: stop the other server or choose another with serve()'s \`port\` option.`,
      cause: { code: 'EADDRINUSE' },
    })
    expect(events).toEqual(['shutdown'])
    await first.close()
  })
})

const dist = (file: string) =>
  pathToFileURL(fileURLToPath(new URL(`../../../dist/${file}`, import.meta.url))).href

// The child is plain Node, which cannot run `.ts`: it imports the built package.
const childScript = `
import { createApp, get } from '${dist('index.js')}'
import { serve } from '${dist('adapter/node/serve.js')}'

const print = (line) => process.stdout.write(line + '\\n')
let release
const released = new Promise((resolve) => { release = resolve })
const app = createApp({
  onShutdown: [() => print('shutdown hook')],
  routes: [
    get('/slow', async () => {
      print('handler started')
      await released
      print('handler finished')
      return { done: true }
    }),
  ],
})
await serve(app, { port: 0, hostname: '127.0.0.1', onListen: ({ port }) => print('listening ' + port) })
// Registered after serve's own handler, so the server is already closing when this prints.
process.once('SIGTERM', () => print('sigterm'))
process.stdin.on('data', () => release())
process.on('exit', (code) => print('exit ' + code))
`

/** Collects a child's stdout lines and waits for one, bounded, naming what it saw on timeout. */
function lineReader(child: ChildProcess) {
  const lines: string[] = []
  let buffered = ''
  const waiters = new Set<() => void>()
  child.stdout!.setEncoding('utf8')
  child.stdout!.on('data', (chunk: string) => {
    buffered += chunk
    const parts = buffered.split('\n')
    buffered = parts.pop()!
    lines.push(...parts)
    for (const wake of waiters) wake()
  })
  let stderr = ''
  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (chunk: string) => {
    stderr += chunk
  })
  const waitFor = (match: (line: string) => boolean, timeoutMs = 3000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines.find(match)
        if (found === undefined) return
        clearTimeout(timer)
        waiters.delete(check)
        resolve(found)
      }
      const timer = setTimeout(() => {
        waiters.delete(check)
        reject(new Error(`timed out; stdout: ${JSON.stringify(lines)}; stderr: ${stderr}`))
      }, timeoutMs)
      waiters.add(check)
      check()
    })
  return { lines, waitFor }
}

function exitCodeOf(child: ChildProcess, timeoutMs = 3000) {
  return new Promise<number | string | null>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('child did not exit')), timeoutMs)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      resolve(code ?? signal)
    })
  })
}

describe('serve on SIGTERM (child process running the built package)', () => {
  const built = existsSync(new URL('../../../dist/adapter/node/serve.js', import.meta.url))

  it('finishes the in-flight request, runs shutdown and exits with code 0', async () => {
    // A missing build is a setup mistake, not a reason to skip: say how to fix it.
    expect(built, 'packages/router/dist is missing: run `npx tsc -b packages/router`').toBe(true)
    const child = spawn(process.execPath, ['--input-type=module', '-e', childScript], {
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    const exited = exitCodeOf(child)
    try {
      const { lines, waitFor } = lineReader(child)
      const port = Number((await waitFor((line) => line.startsWith('listening '))).split(' ')[1])
      const inFlight = getOnce(port, '/slow')
      await waitFor((line) => line === 'handler started')

      child.kill('SIGTERM')
      await waitFor((line) => line === 'sigterm')
      expect(await connectOutcome(port)).toBe('ECONNREFUSED')
      child.stdin!.end('release\n')

      expect(await inFlight).toEqual({ status: 200, body: '{"done":true}', connection: 'close' })
      expect(await exited).toBe(0)
      await waitFor((line) => line === 'exit 0')
      expect(lines).toEqual([
        `listening ${port}`,
        'handler started',
        'sigterm',
        'handler finished',
        'shutdown hook',
        'exit 0',
      ])
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
  })
})
