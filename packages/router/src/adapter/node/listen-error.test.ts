import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../create-app.ts'
import { ListenError, serve } from './serve.ts'

const savedPort = process.env.PORT
afterEach(() => {
  if (savedPort === undefined) delete process.env.PORT
  else process.env.PORT = savedPort
})

describe('serve (Node adapter) port choice and listen errors', () => {
  it('takes the port from PORT when no port option is given', async () => {
    const taken = await serve(createApp({ routes: [] }), { port: 0, signals: [], exit: false })
    process.env.PORT = String(taken.port)
    const refused = serve(createApp({ routes: [] }), { signals: [], exit: false })
    await expect(refused).rejects.toBeInstanceOf(ListenError)
    // The advice names the knob that chose the port.
    await expect(refused).rejects.toThrow(
      `Port ${taken.port} is already in use on 127.0.0.1: stop the other server or choose another with the PORT environment variable (e.g. PORT=8000).`,
    )
    await taken.close()
  })

  it('refuses a PORT that is not a port number before the app starts', async () => {
    const started: string[] = []
    const app = createApp({ routes: [], onStartup: [() => started.push('startup')] })
    for (const value of ['80a', '-1', '70000']) {
      process.env.PORT = value
      await expect(serve(app, { signals: [], exit: false })).rejects.toThrow(
        `serve(): PORT must be a port number (0-65535), got "${value}"`,
      )
    }
    expect(started).toEqual([])
  })
})

const dist = (file: string) =>
  pathToFileURL(fileURLToPath(new URL(`../../../dist/${file}`, import.meta.url))).href

// Plain Node cannot run `.ts`: the child imports the built package, as an app would.
const childScript = `
import { createApp } from '${dist('index.js')}'
import { serve } from '${dist('adapter/node/serve.js')}'
const app = createApp({ routes: [], onShutdown: [() => process.stdout.write('shutdown hook\\n')] })
await serve(app, JSON.parse(process.argv[1]))
process.stdout.write('listening\\n')
`

/** Runs the child on the given options; resolves with its exit code and output. */
function runChild(options: object, env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', childScript, JSON.stringify(options)],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr })),
  )
}

describe('a taken port in a process that serve() owns (child process running the built package)', () => {
  const built = existsSync(new URL('../../../dist/adapter/listen-error.js', import.meta.url))

  it('prints one line naming the port and the fix, shuts the app down and exits 1', async () => {
    expect(built, 'packages/router/dist is missing: run `npx tsc -b packages/router`').toBe(true)
    const taken = await serve(createApp({ routes: [] }), { port: 0, signals: [], exit: false })
    try {
      expect(await runChild({ port: taken.port })).toEqual({
        code: 1,
        stdout: 'shutdown hook\n',
        stderr: `[brisk] Port ${taken.port} is already in use on 127.0.0.1: stop the other server or choose another with serve()'s \`port\` option.\n`,
      })
      const fromEnv = await runChild({}, { PORT: String(taken.port) })
      expect(fromEnv.code).toBe(1)
      expect(fromEnv.stderr).toBe(
        `[brisk] Port ${taken.port} is already in use on 127.0.0.1: stop the other server or choose another with the PORT environment variable (e.g. PORT=8000).\n`,
      )
    } finally {
      await taken.close()
    }
  })
})
