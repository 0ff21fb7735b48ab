/** Runs the repository scenario on node:sqlite: `deno run -A deno-scenario.ts <path>`. */
import { sqliteDenoDialect } from '../sqlite-deno.ts'
import { runScenario } from './scenario.ts'

declare const Deno: { args: string[] }

console.log(JSON.stringify(await runScenario(sqliteDenoDialect(Deno.args[0] ?? ':memory:'))))
