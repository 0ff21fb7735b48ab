/**
 * Where strict UTF-8 decoding of `bytes` fails, in characters (code points) decoded before the
 * first byte that does not belong to a well-formed sequence (WHATWG's decoder's rules: no
 * overlong forms, surrogates or code points past U+10FFFF). Called only after `TextDecoder`
 * (`fatal: true`) refused the bytes; one pass.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let characters = 0
  // A leading byte order mark is dropped by the decoder, so it is not counted.
  let index = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  while (index < bytes.length) {
    const length = sequenceLength(bytes, index)
    if (length === 0) return characters
    index += length
    characters++
  }
  return characters
}

/** The length of the well-formed sequence at `index`, or 0. */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index]!
  if (lead < 0x80) return 1
  let length: number
  let low = 0x80
  let high = 0xbf
  if (lead >= 0xc2 && lead <= 0xdf) length = 2
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3
    if (lead === 0xe0) low = 0xa0
    if (lead === 0xed) high = 0x9f
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4
    if (lead === 0xf0) low = 0x90
    if (lead === 0xf4) high = 0x8f
  } else return 0
  for (let at = 1; at < length; at++) {
    const byte = bytes[index + at]
    if (byte === undefined || byte < (at === 1 ? low : 0x80) || byte > (at === 1 ? high : 0xbf))
      return 0
  }
  return length
}
