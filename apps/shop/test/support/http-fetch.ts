/** Sends the contract's requests (any origin) to a served shop over real HTTP. */

/** A fetch that keeps path, query, method, headers, body and signal, and replaces the origin. */
export function fetchOverHttp(baseUrl: string): (request: Request) => Promise<Response> {
  return (request) => {
    const url = new URL(request.url)
    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      signal: request.signal,
    }
    if (request.body) {
      init.body = request.body
      init.duplex = 'half'
    }
    return fetch(`${baseUrl}${url.pathname}${url.search}`, init)
  }
}
