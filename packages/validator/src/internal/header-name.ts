/**
 * The header a field reads: `user_agent` and `userAgent` mean `user-agent`; a name with a dash is
 * taken as written. Always lowercase, since `Headers` keys are.
 */
export function headerName(field: string): string {
  if (field.includes('-')) return field.toLowerCase()
  return field
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase()
}
