/** BLOBs as `Uint8Array`, whatever a driver hands back. */

/**
 * A plain `Uint8Array` over a BLOB value: drivers return a `Uint8Array` (bun:sqlite, node:sqlite),
 * a Node `Buffer`, an `ArrayBuffer` (libsql) or an array of byte numbers (D1).
 */
export function toBytes(value: Uint8Array | ArrayBuffer | readonly number[]): Uint8Array {
  if (value instanceof Uint8Array) {
    return value.constructor === Uint8Array
      ? value
      : new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  }
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  return Uint8Array.from(value)
}
