/**
 * Starlette's `redirect_slashes`: a path that matches no route, but would with its trailing slash
 * added or removed, is answered 307 to that path (query kept, method and body kept by the client).
 */
export function slashRedirect(
  url: string,
  methodsAt: (path: string) => readonly string[],
): Response | undefined {
  const { pathname, search } = new URL(url)
  if (pathname === '/') return undefined
  const other = pathname.endsWith('/') ? pathname.slice(0, -1) : `${pathname}/`
  // `//host` would leave the site (a protocol-relative Location): never redirect there.
  if (other.startsWith('//') || other === '' || methodsAt(other).length === 0) return undefined
  return new Response(null, { status: 307, headers: { location: `${other}${search}` } })
}
