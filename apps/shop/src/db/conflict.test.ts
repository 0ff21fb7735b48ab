// isUniqueViolation against each driver's real error where this process can make one (libsql
// here; bun:sqlite and node:sqlite in sqlite-runtimes.test.ts), and D1's message-only error.
import Database from 'libsql'
import { describe, expect, it } from 'vitest'
import { Conflict, isUniqueViolation, violatedColumns } from './conflict.ts'

function libsqlError(setup: string, statement: string): unknown {
  const db = new Database(':memory:')
  try {
    db.exec(setup)
    db.exec(statement)
  } catch (error) {
    return error
  } finally {
    db.close()
  }
  throw new Error('expected the statement to fail')
}

const usersTable =
  "create table users (id integer primary key, email text not null unique, n integer check (n > 0)); insert into users (email, n) values ('a@x', 1);"

describe('isUniqueViolation', () => {
  it('recognises libsql’s (and so better-sqlite3’s) unique and primary key errors', () => {
    const unique = libsqlError(usersTable, "insert into users (email, n) values ('a@x', 1)")
    expect(unique).toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE', rawCode: 2067 })
    expect(isUniqueViolation(unique)).toBe(true)
    expect(violatedColumns(unique)).toEqual(['users.email'])
    const primary = libsqlError(usersTable, "insert into users (id, email, n) values (1, 'b@x', 1)")
    expect(isUniqueViolation(primary)).toBe(true)
    expect(violatedColumns(primary)).toEqual(['users.id'])
  })

  it('recognises node:sqlite’s and bun:sqlite’s shapes (codes as those drivers set them)', () => {
    const nodeSqlite = Object.assign(new Error('UNIQUE constraint failed: users.email'), {
      code: 'ERR_SQLITE_ERROR',
      errcode: 2067,
      errstr: 'constraint failed',
    })
    expect(isUniqueViolation(nodeSqlite)).toBe(true)
    const bun = Object.assign(new Error('UNIQUE constraint failed: users.username'), {
      code: 'SQLITE_CONSTRAINT_UNIQUE',
      errno: 2067,
    })
    expect(violatedColumns(bun)).toEqual(['users.username'])
  })

  it('recognises D1’s message-only error, also as the cause of another', () => {
    const d1 = new Error('D1_ERROR: UNIQUE constraint failed: users.email: SQLITE_CONSTRAINT')
    expect(isUniqueViolation(d1)).toBe(true)
    expect(violatedColumns(d1)).toEqual(['users.email'])
    const wrapped = new Error('D1_ERROR', { cause: d1 })
    expect(violatedColumns(wrapped)).toEqual(['users.email'])
    const composite = new Error('UNIQUE constraint failed: item_tags.item_id, item_tags.tag')
    expect(violatedColumns(composite)).toEqual(['item_tags.item_id', 'item_tags.tag'])
  })

  it('rejects other constraint failures and anything else', () => {
    expect(
      isUniqueViolation(libsqlError(usersTable, 'insert into users (email, n) values (null, 1)')),
    ).toBe(false)
    expect(
      isUniqueViolation(libsqlError(usersTable, "insert into users (email, n) values ('c@x', 0)")),
    ).toBe(false)
    expect(isUniqueViolation(new Error('FOREIGN KEY constraint failed'))).toBe(false)
    for (const value of [undefined, null, 'UNIQUE constraint failed: users.email', 42, {}]) {
      expect(isUniqueViolation(value)).toBe(false)
    }
    expect(violatedColumns(new Error('no'))).toEqual([])
  })
})

describe('Conflict', () => {
  it('names the field, has a code and keeps its cause', () => {
    const cause = new Error('UNIQUE constraint failed: users.email')
    const conflict = new Conflict('email', { cause })
    expect(conflict).toBeInstanceOf(Error)
    expect(conflict).toMatchObject({
      name: 'Conflict',
      code: 'CONFLICT',
      field: 'email',
      message: 'A user with this email already exists',
      cause,
    })
  })
})
