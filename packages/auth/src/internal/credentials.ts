import type { Credential } from '@brisk/router'
import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import type { CredentialLocation, CredentialReader } from './guard.ts'

const HEADER_NAME = /^[A-Za-z0-9-]+$/
const FIELD_NAME = /^[A-Za-z0-9_.-]+$/

/** Checks a configured credential name at creation and returns it as it will be read. */
export function credentialName(location: CredentialLocation, name: string, where: string): string {
  const pattern = location === 'headers' ? HEADER_NAME : FIELD_NAME
  if (!pattern.test(name)) {
    throw new TypeError(`${where}: '${name}' is not a valid ${location} name`)
  }
  // Header names with a dash are read as written (lowercase); see the validator's `headerName`.
  return location === 'headers' ? name.toLowerCase() : name
}

/** The `Authorization` header, as the HTTP schemes read it. */
export const AUTHORIZATION: readonly Credential[] = [{ in: 'headers', name: 'authorization' }]

/** A reader over the router's validated inputs. */
export function inputsReader(inputs: unknown): CredentialReader {
  const record = inputs as Record<CredentialLocation, Record<string, unknown> | undefined>
  return (location, name) => {
    const fields = record[location]
    const value = fields && Object.hasOwn(fields, name) ? fields[name] : undefined
    return typeof value === 'string' ? value : undefined
  }
}

/** A reader over a Hono request (first value of a repeated query parameter or cookie). */
export function honoReader(c: Context): CredentialReader {
  return (location, name) => {
    if (location === 'headers') return c.req.header(name)
    if (location === 'query') return c.req.query(name)
    return getCookie(c, name)
  }
}
