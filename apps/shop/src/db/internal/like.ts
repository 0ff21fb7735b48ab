/** LIKE patterns that match text literally. */

/** The character `likePattern` escapes with; pass it as the LIKE's `escape`. */
export const likeEscape = '\\'

/** `%text%` with `%`, `_` and the escape character in `text` matching only themselves. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => likeEscape + char)}%`
}
