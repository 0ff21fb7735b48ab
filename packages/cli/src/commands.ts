/** The four commands' actions: turn cac's parsed options into calls, each resolving to an exit code. */
import { writeFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { CliError } from './cli-error.ts'
import { dev } from './dev.ts'
import { findEntry } from './find-entry.ts'
import { formatDocument } from './format-document.ts'
import { loadApp } from './load-app.ts'
import { openapiDocument } from './openapi-document.ts'
import { parseChoice, parseCount, parsePort, parseText } from './parse-options.ts'
import { routeRows, routeTable } from './route-table.ts'
import { runCluster } from './run-cluster.ts'
import { runRuntime } from './run-runtime.ts'

type Flags = Record<string, unknown>

function entryOf(entry: string | undefined, cwd: string) {
  const file = findEntry(entry, cwd)
  return { entry: file, entryLabel: relative(cwd, file) || file }
}

const LOG_FORMATS = ['plain', 'json', 'off'] as const

/** `brisk dev [entry]`. */
export function devCommand(entry: string | undefined, flags: Flags): Promise<number> {
  const cwd = process.cwd()
  const watch =
    flags.watch === undefined ? [] : [flags.watch].flat().map((path) => resolve(cwd, String(path)))
  return dev({
    cwd,
    ...entryOf(entry, cwd),
    host: String(flags.host),
    port: parsePort(flags.port),
    log: parseChoice('log', flags.log, LOG_FORMATS),
    // A reload should not wait long for a request left hanging.
    shutdownTimeout: 2_000,
    watch,
  })
}

/** `brisk run [entry]`. */
export async function runCommand(entry: string | undefined, flags: Flags): Promise<number> {
  const cwd = process.cwd()
  const runtime = parseChoice('runtime', flags.runtime, ['node', 'bun', 'deno'] as const)
  const workers = parseCount('workers', flags.workers, 1)
  const options = {
    ...entryOf(entry, cwd),
    host: String(flags.host),
    port: parsePort(flags.port),
    log: parseChoice('log', flags.log, LOG_FORMATS),
    shutdownTimeout: parseCount('shutdown-timeout', flags.shutdownTimeout, 0),
  }
  if (runtime === 'node') return runCluster({ ...options, workers })
  if (workers !== 1)
    throw new CliError(
      'USAGE',
      `--workers is for --runtime node (node:cluster); run one ${runtime} process per core behind a load balancer instead.`,
    )
  return runRuntime({ ...options, runtime, cwd, banner: true })
}

/**
 * Sends what the app itself logs (at import, or a logger middleware during the in-process request)
 * to stderr, so stdout carries only the command's output and can be piped.
 */
function appLogsToStderr() {
  const toStderr = (...values: unknown[]) => console.error(...values)
  console.log = toStderr
  console.info = toStderr
  console.debug = toStderr
}

/** `brisk openapi [entry] [-o file]`. */
export async function openapiCommand(entry: string | undefined, flags: Flags): Promise<number> {
  const cwd = process.cwd()
  appLogsToStderr()
  const app = await loadApp(entryOf(entry, cwd).entry, cwd)
  const path = flags.path === undefined ? undefined : parseText('path', flags.path)
  const document = await openapiDocument(app, { cwd, ...(path === undefined ? {} : { path }) })
  const output = flags.output === undefined ? undefined : parseText('output', flags.output)
  if (output === undefined) process.stdout.write(formatDocument(document))
  else {
    writeFileSync(resolve(cwd, output), formatDocument(document, output))
    process.stderr.write(
      `[brisk] wrote ${output} (${Object.keys(document.paths ?? {}).length} paths)\n`,
    )
  }
  // The app module may hold handles open (a database pool made at import): the command is done.
  process.exit(0)
}

/** `brisk routes [entry]`. */
export async function routesCommand(entry: string | undefined, flags: Flags): Promise<number> {
  const cwd = process.cwd()
  appLogsToStderr()
  const app = await loadApp(entryOf(entry, cwd).entry, cwd)
  process.stdout.write(
    flags.json ? `${JSON.stringify(routeRows(app), null, 2)}\n` : `${routeTable(app)}\n`,
  )
  process.exit(0)
}
