/** `checkProjectName`: a folder name that is also a valid npm package name. */

/**
 * The problem with a name, or `undefined` when it is fine: npm's rules (lowercase, URL-safe, no
 * leading dot or underscore, at most 214 characters).
 *
 * @example
 * checkProjectName('My API') // 'use lowercase letters, digits, and - . _ ~ only'
 */
export function checkProjectName(name: string): string | undefined {
  if (name.length === 0) return 'give the project a name'
  if (name.length > 214) return 'at most 214 characters'
  if (/^[._]/.test(name)) return 'cannot start with . or _'
  if (!/^[a-z0-9][a-z0-9._~-]*$/.test(name))
    return 'use lowercase letters, digits, and - . _ ~ only'
  return undefined
}
