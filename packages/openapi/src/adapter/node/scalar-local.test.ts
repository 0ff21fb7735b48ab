import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { localScalar, standalonePath } from './scalar-local.ts'

describe('localScalar', () => {
  it("finds Scalar's standalone script beside the package's main entry", () => {
    expect(standalonePath()).toMatch(
      /@scalar[\\/]api-reference[\\/]dist[\\/]browser[\\/]standalone\.js$/,
    )
  })

  it('reads the script once and hands out the same text', async () => {
    const source = localScalar()
    if (source.kind !== 'inline') throw new Error('expected an inline source')
    const first = await source.load()
    expect(first).toBe(await readFile(standalonePath(), 'utf8'))
    expect(first).toContain('createApiReference')
    expect(await source.load()).toBe(first)
  })

  it('names the missing file and the fix', async () => {
    const source = localScalar({ file: '/nowhere/standalone.js' })
    if (source.kind !== 'inline') throw new Error('expected an inline source')
    await expect(source.load()).rejects.toThrow(
      "Scalar's standalone script could not be read at /nowhere/standalone.js: install @scalar/api-reference",
    )
  })
})
