/** A writable copy of the fixture app in a temp folder, resolving packages from the repo's node_modules. */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const fixture = fileURLToPath(new URL('../fixture', import.meta.url))
const repoModules = fileURLToPath(new URL('../../../../node_modules', import.meta.url))

/** Copies the fixture; `remove()` deletes the copy. */
export function copyFixture(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'brisk-cli-'))
  cpSync(fixture, dir, { recursive: true })
  symlinkSync(repoModules, join(dir, 'node_modules'), 'dir')
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
