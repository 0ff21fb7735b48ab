#!/usr/bin/env node
/** The `brisk` command: dev, run, openapi and routes, parsed by cac. */
import { readFileSync } from 'node:fs'
import { cac } from 'cac'
import { CliError } from './cli-error.ts'
import { devCommand, openapiCommand, routesCommand, runCommand } from './commands.ts'
import { reportError } from './report-error.ts'

const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string }

const cli = cac('brisk')

cli
  .command(
    'dev [entry]',
    'Serve the app with reload on change (default entry: src/app.ts or app.ts)',
  )
  .option('--host <host>', 'Address to listen on', { default: '127.0.0.1' })
  .option('--port <port>', 'Port to listen on (0: any free port)', { default: 8000 })
  .option('--log <format>', 'Request log: plain, json or off', { default: 'plain' })
  .option('--watch <path>', 'Another file or folder to watch (repeatable)')
  .example('brisk dev src/app.ts --port 3000')
  .action(devCommand)

cli
  .command('run [entry]', 'Serve the app in production: no reload, N workers, graceful SIGTERM')
  .option('--host <host>', 'Address to listen on', { default: '0.0.0.0' })
  .option('--port <port>', 'Port to listen on', { default: 8000 })
  .option('--workers <n>', 'Worker processes (node:cluster), a dead one is replaced', {
    default: 1,
  })
  .option('--runtime <name>', 'node, bun or deno', { default: 'node' })
  .option('--log <format>', 'Request log: plain, json or off', { default: 'plain' })
  .option('--shutdown-timeout <ms>', 'How long in-flight requests may take on SIGTERM', {
    default: 10_000,
  })
  .example('brisk run --workers 4 --log json')
  .example('brisk run --runtime bun')
  .action(runCommand)

cli
  .command('openapi [entry]', 'Write the OpenAPI document without starting a server')
  .option(
    '-o, --output <file>',
    'Write to a file (.json, or .yaml/.yml for YAML) instead of stdout',
  )
  .option('--path <path>', "The document's path in the app (default: the route openapi() mounted)")
  .example('brisk openapi -o openapi.yaml')
  .action(openapiCommand)

cli
  .command('routes [entry]', 'Print the route table: method, path, operation id, security, tags')
  .option('--json', 'Print JSON instead of a table')
  .action(routesCommand)

cli.help()
cli.version(version)

try {
  cli.parse(process.argv, { run: false })
  if (!cli.matchedCommand && !cli.options.help && !cli.options.version) {
    if (cli.args.length > 0)
      throw new CliError('USAGE', `Unknown command \`${cli.args[0]}\`: run \`brisk --help\`.`)
    cli.outputHelp()
  } else {
    const code = await cli.runMatchedCommand()
    if (typeof code === 'number') process.exitCode = code
  }
} catch (error) {
  // cac's own errors (an unknown option, a missing value) are usage errors.
  const usage =
    error instanceof Error && error.name === 'CACError'
      ? new CliError(
          'USAGE',
          `${error.message}: run \`brisk ${cli.matchedCommand?.name ?? ''} --help\`.`.replace(
            '  ',
            ' ',
          ),
        )
      : error
  process.exitCode = reportError(usage)
}
