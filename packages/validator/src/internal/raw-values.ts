/** One raw input value before coercion: a string, a File (multipart), or repeated values. */
export type RawValue = string | File | (string | File)[]

/**
 * Raw values of one location keyed by name. A plain object (null-prototype objects are much
 * slower in V8): writers never set `__proto__`/`constructor`/`prototype`, and readers ignore
 * inherited members.
 */
export type RawRecord = Record<string, RawValue>

/** A fresh record; see {@link RawRecord} for why it is safe as a plain object. */
export function createRecord(): RawRecord {
  return {}
}

/** Adds a value, turning a repeated key into an array of its values in order. */
export function appendValue(record: RawRecord, key: string, value: string | File): void {
  const existing = record[key]
  // Inherited members (`toString`) are not values: overwrite them with an own property.
  if (existing === undefined || !Object.hasOwn(record, key)) record[key] = value
  else if (Array.isArray(existing)) existing.push(value)
  else record[key] = [existing, value]
}
