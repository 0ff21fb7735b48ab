/** Escaping for the values the docs page interpolates into HTML. */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!)
}

/**
 * JSON for a `data-*` attribute that Scalar reads back with `JSON.parse`. `&`, `<` and `>` become
 * `\u0026`-style escapes inside the JSON itself, so the decoded attribute never holds `&quot;`
 * (Scalar's reader turns that sequence into a quote) and never holds markup.
 */
export function jsonAttribute(value: unknown): string {
  const json = JSON.stringify(value).replace(
    /[&<>\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return escapeHtml(json)
}
