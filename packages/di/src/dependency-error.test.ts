import { describe, expect, test } from 'vitest'
import { DependencyError } from './dependency-error.ts'

describe('DependencyError', () => {
  test('is an Error with a name, a code to switch on and an optional cause', () => {
    const cause = new Error('socket closed')
    const error = new DependencyError('TEARDOWN', "Teardown of dependency 'db' failed", { cause })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('DependencyError')
    expect(error.code).toBe('TEARDOWN')
    expect(error.message).toBe("Teardown of dependency 'db' failed")
    expect(error.cause).toBe(cause)
    expect(new DependencyError('CYCLE', 'x').cause).toBeUndefined()
  })
})
