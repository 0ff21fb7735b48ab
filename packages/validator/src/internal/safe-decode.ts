/**
 * Decodes a query or form component: `+` is a space, `%XX` sequences are UTF-8. Never throws: a
 * malformed sequence leaves the component as it was (with `+` still turned into spaces).
 */
export function safeDecode(component: string): string {
  const plain = component.indexOf('+') === -1 ? component : component.replace(/\+/g, ' ')
  if (plain.indexOf('%') === -1) return plain
  try {
    return decodeURIComponent(plain)
  } catch {
    return plain
  }
}
