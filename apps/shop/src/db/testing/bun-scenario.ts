/** Runs the repository scenario on bun:sqlite: `bun --conditions=source bun-scenario.ts <path>`. */
import { sqliteBunDialect } from '../sqlite-bun.ts'
import { runScenario } from './scenario.ts'

declare const process: { argv: string[] }

console.log(JSON.stringify(await runScenario(sqliteBunDialect(process.argv[2] ?? ':memory:'))))
