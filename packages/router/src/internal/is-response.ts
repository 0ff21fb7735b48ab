/**
 * Whether a handler's result is a `Response`. `instanceof` alone is not enough on Node:
 * `@hono/node-server` swaps the global `Response` for a subclass while serving, and a Response made
 * by the original class (e.g. `Response.json()`) is not an instance of the swapped one.
 */
export function isResponse(value: unknown): value is Response {
  return (
    value instanceof Response ||
    (typeof value === 'object' &&
      value !== null &&
      Object.prototype.toString.call(value) === '[object Response]')
  )
}
