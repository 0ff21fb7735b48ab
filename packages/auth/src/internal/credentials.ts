import type { InputSpec } from '@brisk/validator'
import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import * as v from 'valibot'
import type { CredentialLocation, CredentialReader } from './guard.ts'

/**
 * The one schema every credential field uses. The router refuses a field declared twice with
 * different schema objects, so sharing it lets several schemes read the same header. Marked
 * sensitive: a validation issue about it (a repeated query key) never echoes the credential.
 */
const OPTIONAL_STRING = v.optional(v.pipe(v.string(), v.metadata({ sensitive: true })))

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

/** The optional inputs a set of credential fields needs. */
export function credentialInputs(
  fields: ReadonlyArray<readonly [CredentialLocation, string]>,
): InputSpec {
  const inputs: Record<string, Record<string, v.GenericSchema>> = {}
  for (const [location, name] of fields) {
    inputs[location] ??= {}
    inputs[location][name] = OPTIONAL_STRING
  }
  return inputs as InputSpec
}

/** Merges the credential inputs of several guards (same fields share the same schema). */
export function mergeCredentialInputs(specs: readonly InputSpec[]): InputSpec {
  const merged: Record<string, Record<string, unknown>> = {}
  for (const spec of specs) {
    for (const [location, fields] of Object.entries(spec)) {
      merged[location] = { ...merged[location], ...(fields as Record<string, unknown>) }
    }
  }
  return merged as InputSpec
}

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
