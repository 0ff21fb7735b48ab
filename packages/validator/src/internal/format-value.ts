/** A JSON-safe form of a rule's requirement for `ctx` (bigints, dates and regexes as strings). */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return String(value)
  if (value instanceof Date) return value.toISOString()
  if (value instanceof RegExp) return value.source
  return value
}

/** A value as pydantic writes it in messages: strings in single quotes. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`
  const safe = jsonSafe(value)
  return typeof safe === 'string' && typeof value !== 'bigint' ? `'${safe}'` : String(safe)
}

/** `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`. */
export function listOptions(options: readonly unknown[]): string {
  const quoted = options.map(quote)
  if (quoted.length <= 1) return quoted[0] ?? ''
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`
}

/** `1 item`, `2 items`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
