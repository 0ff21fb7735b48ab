// The files the Worker imports must speak web standards only: compiled with no ambient types
// (`types: []`, no @types/node, no Bun or Deno globals) they must type-check, so a `process`,
// `Buffer` or `node:` import in them fails here. The adapters (sqlite-*.ts) are left out.
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const core = ['schema', 'migrations', 'dialect', 'database', 'repository', 'conflict', 'd1']

describe('the database core', () => {
  it('compiles with web standards only (tsconfig types: [])', () => {
    const base = ts.getParsedCommandLineOfConfigFile(
      fileURLToPath(new URL('../../../../tsconfig.check.json', import.meta.url)),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    )
    const files = core.map((name) => fileURLToPath(new URL(`./${name}.ts`, import.meta.url)))
    const program = ts.createProgram(files, { ...base!.options, types: [], noEmit: true })
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${d.file.fileName}: ` : ''
      return where + ts.flattenDiagnosticMessageText(d.messageText, '\n')
    })
    expect(diagnostics).toEqual([])
    // Every file the core pulls in (its imports, transitively) is itself free of adapters.
    const reached = program.getSourceFiles().map((file) => file.fileName)
    expect(reached.filter((name) => /\/src\/db\/sqlite-/.test(name))).toEqual([])
  }, 60_000)
})
