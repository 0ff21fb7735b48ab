/** `formatDocument`: an OpenAPI document as JSON, or as YAML for `.yaml`/`.yml` files. */
import { stringify } from 'yaml'

/**
 * Serialises the document for the file it goes to: YAML when the name ends in `.yaml` or `.yml`,
 * else JSON with two-space indentation (both end with a newline).
 *
 * @example
 * writeFileSync('openapi.yaml', formatDocument(document, 'openapi.yaml'))
 */
export function formatDocument(document: unknown, file?: string): string {
  if (file !== undefined && /\.ya?ml$/i.test(file))
    return stringify(document, { aliasDuplicateObjects: false })
  return `${JSON.stringify(document, null, 2)}\n`
}
