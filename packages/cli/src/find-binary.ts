/** `findBinary`: a runtime's executable — the project's `node_modules/.bin` first, then PATH. */
import { accessSync, constants } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'

/**
 * The path of `name` in the nearest `node_modules/.bin` above `cwd`, else on PATH; `undefined`
 * when neither has it.
 *
 * @example
 * findBinary('bun', process.cwd()) // '/project/node_modules/.bin/bun'
 */
export function findBinary(
  name: string,
  cwd: string,
  path = process.env.PATH ?? '',
): string | undefined {
  const folders: string[] = []
  for (let dir = cwd; ; dir = dirname(dir)) {
    folders.push(join(dir, 'node_modules', '.bin'))
    if (dirname(dir) === dir) break
  }
  folders.push(...path.split(delimiter).filter(Boolean))
  for (const folder of folders) {
    const file = join(folder, name)
    try {
      accessSync(file, constants.X_OK)
      return file
    } catch {
      // not here
    }
  }
  return undefined
}
