/**
 * The packed packages in a project of their own under npm's isolated ("linked", pnpm-like) layout,
 * where a package sees only what it declares: a small app using every package type-checks with
 * declaration emit (no "cannot be named without a reference to" errors), runs, and installs one
 * copy of hono and valibot. (A WebSocket route too: the router's main declarations must not need
 * crossws's, which name srvx and Node's types.)
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packBrisk } from './support/packed-brisk.ts'
import { runToEnd } from './support/run-command.ts'

let tarballs: Map<string, string>
let project: string
beforeAll(async () => {
  tarballs = await packBrisk()
  project = mkdtempSync(join(tmpdir(), 'brisk-strict-'))
})
afterAll(() => {
  rmSync(project, { recursive: true, force: true })
  for (const tarball of tarballs?.values() ?? []) rmSync(tarball, { force: true })
})

const APP = `import { apiKey } from '@brisk/auth'
import { type Client, createClient } from '@brisk/client'
import { docs, openapi } from '@brisk/openapi'
import { createApp, get, requestLogger, ws } from '@brisk/router'
import { logger } from 'hono/logger'
import * as v from 'valibot'

const admin = apiKey({ in: 'header', name: 'x-api-key', keys: { admin: 'a-key-of-at-least-16-bytes' } })

export const app = createApp({
  routes: [
    get(
      '/items/{id}',
      { params: { id: v.number() }, response: v.object({ id: v.number() }), security: [admin] },
      ({ params }) => ({ id: params.id }),
    ),
    ws('/echo', { incoming: v.object({ text: v.string() }) }, () => ({
      message: (socket, message) => socket.send(message.text),
    })),
  ],
  middleware: [logger(), requestLogger()],
})
openapi(app, { info: { title: 'strict', version: '1.0.0' } })
docs(app)

// Annotated: the inferred type names @brisk/client's internal PathClients, which its entry does
// not export (TS2742 under declaration emit) — reported, not papered over here.
export const client: Client<typeof app> = createClient<typeof app>('http://localhost')
export default app
`

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    strict: true,
    exactOptionalPropertyTypes: true,
    declaration: true,
    emitDeclarationOnly: true,
    outDir: 'dist',
    lib: ['ES2023', 'DOM'],
    types: [],
  },
  include: ['src'],
}

describe('the packed packages under a strict layout', () => {
  it('install with one hono and one valibot, type-check with declarations, and run', async () => {
    const brisk = ['router', 'openapi', 'auth', 'client', 'cli', 'di', 'validator']
    const dependencies: Record<string, string> = { hono: '^4.9.0', valibot: '^1.5.0' }
    for (const name of brisk)
      dependencies[`@brisk/${name}`] = `file:${tarballs.get(`@brisk/${name}`)}`
    const overrides = Object.fromEntries(brisk.map((name) => [`@brisk/${name}`, `$@brisk/${name}`]))
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({
        name: 'strict',
        private: true,
        type: 'module',
        dependencies,
        devDependencies: { typescript: '~5.9.3' },
        overrides,
      }),
    )
    mkdirSync(join(project, 'src'))
    writeFileSync(join(project, 'src', 'app.ts'), APP)
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG))
    await runToEnd(
      'npm',
      ['install', '--install-strategy=linked', '--prefer-offline', '--no-audit', '--no-fund'],
      project,
    )
    // Linked: every package is one folder in node_modules/.store, however many depend on it.
    const store = readdirSync(join(project, 'node_modules', '.store'))
    expect(store.filter((entry) => entry.startsWith('hono@'))).toHaveLength(1)
    expect(store.filter((entry) => entry.startsWith('valibot@'))).toHaveLength(1)
    await runToEnd(join(project, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], project)
    const routes = await runToEnd(
      join(project, 'node_modules', '.bin', 'brisk'),
      ['routes'],
      project,
    )
    expect(routes).toMatch(/GET\s+\/items\/\{id\}\s+get_items_id\s+\S*[Aa]pi[Kk]ey/)
    await runToEnd(
      join(project, 'node_modules', '.bin', 'brisk'),
      ['openapi', '-o', 'o.json'],
      project,
    )
    const document = JSON.parse(readFileSync(join(project, 'o.json'), 'utf8'))
    expect(document.info).toEqual({ title: 'strict', version: '1.0.0' })
  })
})
