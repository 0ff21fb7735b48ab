#!/usr/bin/env node
/**
 * `npm create brisk [folder] -- --runtime node|bun|deno|workers`: asks for what is not given (when
 * run in a terminal), writes the project, and says what to run next.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { cancel, intro, isCancel, outro, select, text } from '@clack/prompts'
import { createProject } from './create-project.ts'
import { checkProjectName } from './project-name.ts'
import { isRuntime, RUNTIME_LABELS, RUNTIMES, type Runtime } from './runtimes.ts'

const HELP = `Usage: npm create brisk@latest [folder] -- [--runtime ${RUNTIMES.join('|')}]

Writes a new Brisk API project into [folder] (asked for when left out in a terminal).

Options:
  --runtime <name>  ${RUNTIMES.map((runtime) => `${runtime}: ${RUNTIME_LABELS[runtime]}`).join('\n                    ')}
  --yes             Take the defaults (folder brisk-api, runtime node) instead of asking
  -h, --help        Show this help
`

/** Exit code 2: the command line is wrong; 1: the project could not be written. */
function fail(message: string, code: 1 | 2): never {
  process.stderr.write(`create-brisk: ${message}\n`)
  process.exit(code)
}

let parsed: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      runtime: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}
try {
  parsed = parse()
} catch (error) {
  fail(`${(error as Error).message}; see --help`, 2)
}
if (parsed.values.help) {
  process.stdout.write(HELP)
  process.exit(0)
}
const runtimeFlag = parsed.values.runtime
if (runtimeFlag !== undefined && !isRuntime(runtimeFlag))
  fail(`--runtime must be one of ${RUNTIMES.join(', ')} (got ${runtimeFlag})`, 2)

// Prompts only in a terminal and only for what the flags leave open; scripts get defaults.
const interactive = process.stdin.isTTY === true && !parsed.values.yes
let folder = parsed.positionals[0]
let runtime: Runtime | undefined = runtimeFlag
if (interactive && (folder === undefined || runtime === undefined)) intro('create-brisk')
if (folder === undefined && interactive) {
  const answer = await text({
    message: 'Project folder',
    placeholder: 'brisk-api',
    defaultValue: 'brisk-api',
    validate: (value) => (value ? checkProjectName(value) : undefined),
  })
  if (isCancel(answer)) {
    cancel('Nothing written.')
    process.exit(1)
  }
  folder = answer
}
if (runtime === undefined && interactive) {
  const answer = await select({
    message: 'Runtime',
    options: RUNTIMES.map((value) => ({ value, label: value, hint: RUNTIME_LABELS[value] })),
  })
  if (isCancel(answer)) {
    cancel('Nothing written.')
    process.exit(1)
  }
  runtime = answer
}
folder ??= 'brisk-api'
runtime ??= 'node'

try {
  const files = createProject({ dir: resolve(folder), runtime })
  const steps = [`cd ${folder}`, 'npm install', 'npm run dev']
  const done = `Wrote ${files.length} files for ${runtime} into ${folder}. Next:\n  ${steps.join('\n  ')}`
  if (interactive) outro(done)
  else process.stdout.write(`${done}\n`)
} catch (error) {
  fail((error as Error).message, 1)
}
