/**
 * Whether a handler's result is a `Response`. `instanceof` alone is not enough on Node:
 * `@hono/node-server` swaps the global `Response` for a subclass while serving, and a Response made
 * by the original class (e.g. `Response.json()`) is not an instance of the swapped one.
 */
export function isResponse(value: unknown): value is Response {
  return (
    value instanceof Response ||
    // The class tag, read directly: `Object.prototype.toString` costs more on every plain result.
    (typeof value === 'object' &&
      value !== null &&
      (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'Response')
  )
}
