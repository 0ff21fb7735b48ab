/**
 * Hostile request bodies with the Content-Type they claim: JSON that is deep, truncated, huge,
 * non-finite or full of prototype keys; forms with repeated and prototype keys; multipart with
 * broken boundaries and odd parts; bytes that are not UTF-8; and every Content-Type variant, right
 * or wrong for the bytes.
 */
import fc from 'fast-check'

export interface GeneratedBody {
  /** `undefined`: no Content-Type header at all. */
  readonly contentType: string | undefined
  readonly bytes: Uint8Array
}

const encoder = new TextEncoder()
const utf8 = (text: string) => encoder.encode(text)

/** The default body limit of a Brisk app is 1 MiB; `/small` takes 64 bytes. */
const LIMIT = 1_048_576

/** Fields the fixture's body routes read, with values of the right and the wrong type. */
const field = fc.oneof(
  fc.constantFrom('name', 'price', 'variants', 'note', 'title', 'quantity', 'age', 'tags', 'sku'),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
  fc.string({ maxLength: 12 }),
)

const scalar = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
)

/** Objects shaped roughly like what the routes expect, so validation gets past the first key. */
const almostValid = fc.oneof(
  fc.record({
    name: fc.oneof(fc.string({ maxLength: 20 }), scalar),
    price: fc.oneof(fc.double(), fc.integer(), scalar),
    variants: fc.array(
      fc.record({ sku: scalar, stock: fc.oneof(fc.integer({ min: -5, max: 5 }), scalar) }),
      { maxLength: 4 },
    ),
  }),
  fc.record({ note: fc.oneof(fc.string({ maxLength: 80 }), scalar) }),
  fc.record({ name: fc.oneof(fc.constantFrom('missing', 'x', ''), scalar) }),
  fc.record({ quantity: fc.oneof(fc.integer({ min: -2, max: 5 }), scalar) }),
  fc.record({ title: fc.oneof(fc.string({ maxLength: 20 }), scalar) }),
  fc.dictionary(field, scalar, { maxKeys: 6 }),
)

const nonFinite = fc.constantFrom(
  '1e999',
  '-1e999',
  '1E400',
  '-0',
  '1e-999',
  '123456789012345678901234567890',
)

/** JSON texts, valid or not. */
const jsonText = fc.oneof(
  { weight: 6, arbitrary: almostValid.map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
  {
    weight: 2,
    // Non-finite numbers where the routes read numbers (#12 defect 1 is the 1e999 one).
    arbitrary: fc
      .tuple(fc.constantFrom('price', 'quantity', 'stock', 'age', 'note'), nonFinite)
      .map(
        ([key, number]) =>
          `{"name":"n","price":${key === 'price' ? number : 1},"variants":[{"sku":"a","stock":${key === 'stock' ? number : 0}}],"quantity":${key === 'quantity' ? number : 1},"${key}":${number}}`,
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'NaN',
      'Infinity',
      '{"price":NaN}',
      '{"price":Infinity}',
      '{"a":-Infinity}',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '{"__proto__":{"polluted":true},"name":"p"}',
      '{"constructor":{"prototype":{"polluted":true}},"name":"c"}',
      '{"name":"x","__proto__":null}',
      '{"__proto__":[],"note":"a"}',
      '{"name":"a","name":"b","name":{"__proto__":{"polluted":1}}}',
      '[{"__proto__":{"polluted":true}}]',
    ),
  },
  {
    weight: 2,
    // Deep nesting: arrays and objects, up to 100,000 levels.
    arbitrary: fc
      .tuple(fc.constantFrom(64, 1000, 10_000, 100_000), fc.boolean(), fc.boolean())
      .map(([depth, objects, closed]) => {
        const open = objects ? '{"a":'.repeat(depth) : '['.repeat(depth)
        const close = objects ? '}'.repeat(depth) : ']'.repeat(depth)
        return `${open}1${closed ? close : ''}`
      }),
  },
  {
    weight: 2,
    // Truncated: a valid text cut anywhere.
    arbitrary: fc
      .tuple(almostValid, fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([value, at]) => {
        const text = JSON.stringify(value)
        return text.slice(0, Math.floor(text.length * at))
      }),
  },
  {
    weight: 1,
    // Large and invalid: many bad items (what #12 defect 5 measured, at a smaller size).
    arbitrary: fc
      .integer({ min: 100, max: 5000 })
      .map(
        (count) =>
          `{"name":"","price":"x","variants":[${Array.from({ length: count }, () => '{"sku":1,"stock":-1}').join(',')}]}`,
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'null',
      'true',
      '"text"',
      '[]',
      '{}',
      '{"a":1}garbage',
      '\uFEFF{"note":"bom"}',
    ),
  },
)

const formText = fc.oneof(
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom('name', 'age', 'tags', 'tags[]', 'title'),
          fc.constantFrom('__proto__', '__proto__[polluted]', 'constructor[prototype][polluted]'),
          fc.string({ maxLength: 10 }),
        ),
        fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('1', '-1', '1e999', 'NaN', '')),
      ),
      { maxLength: 8 },
    )
    .map((pairs) =>
      pairs
        .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
        .join('&'),
    ),
  fc.constantFrom(
    'name=a&age=%zz',
    'name=%E0%A4%A&age=1',
    '&&&=&=',
    'name',
    '=',
    'name=a;age=1',
    'a=1&'.repeat(5000),
  ),
)

const boundary = 'fuzzBoundary7MA4YWxkTrZu0gW'

/** One multipart part: name, optional filename and type, and content. */
const part = fc.record({
  name: fc.oneof(fc.constantFrom('title', 'avatar', '__proto__', ''), fc.string({ maxLength: 10 })),
  filename: fc.option(
    fc.oneof(
      fc.constantFrom('a.png', '../../etc/passwd', 'x".png', 'a\r\nContent-Type: text/html', ''),
      fc.string({ maxLength: 300 }),
    ),
  ),
  type: fc.option(
    fc.constantFrom('image/png', 'text/plain', 'image/svg+xml', '', 'image/png; x=1'),
  ),
  content: fc.oneof(
    fc.string({ maxLength: 50 }),
    fc.constant('\x89PNG\r\n\x1a\n'),
    fc.integer({ min: 1000, max: 3000 }).map((size) => 'x'.repeat(size)),
  ),
})

const multipartText = fc.oneof(
  fc
    .tuple(fc.array(part, { maxLength: 4 }), fc.constantFrom('closed', 'unclosed', 'no-crlf'))
    .map(([parts, ending]) => {
      const body = parts
        .map((p) => {
          const filename = p.filename === null ? '' : `; filename="${p.filename}"`
          const type = p.type === null ? '' : `\r\nContent-Type: ${p.type}`
          return `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${filename}${type}\r\n\r\n${p.content}\r\n`
        })
        .join('')
      if (ending === 'closed') return `${body}--${boundary}--\r\n`
      return ending === 'unclosed' ? body : `${body}--${boundary}--`.replaceAll('\r\n', '\n')
    }),
  fc.constantFrom(
    '',
    `--${boundary}--\r\n`,
    `--${boundary}\r\n\r\n\r\n--${boundary}--`,
    `--wrong\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--wrong--`,
    `--${boundary}\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--${boundary}--\r\n`,
  ),
)

/** Every Content-Type spelling worth trying, including ones that lie about the bytes. */
const contentType = fc.oneof(
  { weight: 4, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'Application/JSON',
      'application/json;charset=latin1',
      'application/vnd.api+json',
      'application/problem+json',
      'application/json, text/plain',
      'text/json',
      'application/jsonx',
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=utf-8',
      `multipart/form-data; boundary=${boundary}`,
      `multipart/form-data; boundary="${boundary}"`,
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'multipart/mixed; boundary=x',
      'text/plain',
      'text/plain; charset=utf-8',
      'application/octet-stream',
      'application/xml',
      '*/*',
      '',
      ';',
      'application/json; boundary=x; charset=utf-8; charset=ascii',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
)

const oversized = fc.constantFrom(65, 4096, LIMIT + 1, LIMIT * 2).map((size) => {
  const bytes = new Uint8Array(size).fill(0x78)
  bytes.set(utf8('{"note":"'))
  return bytes
})

/** A body with a Content-Type that matches it (to reach validation) or not (to test dispatch). */
export const body: fc.Arbitrary<GeneratedBody> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(jsonText, fc.constantFrom('application/json', 'application/json; charset=utf-8'))
      .map(([text, type]) => ({ contentType: type, bytes: utf8(text) })),
  },
  {
    weight: 2,
    arbitrary: formText.map((text) => ({
      contentType: 'application/x-www-form-urlencoded',
      bytes: utf8(text),
    })),
  },
  {
    weight: 2,
    arbitrary: multipartText.map((text) => ({
      contentType: `multipart/form-data; boundary=${boundary}`,
      bytes: utf8(text),
    })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.option(contentType, { freq: 6 }), fc.oneof(jsonText, formText, multipartText))
      .map(([type, text]) => ({ contentType: type ?? undefined, bytes: utf8(text) })),
  },
  {
    weight: 1,
    // Not UTF-8 at all.
    arbitrary: fc
      .tuple(fc.option(contentType), fc.uint8Array({ maxLength: 200 }))
      .map(([type, bytes]) => ({ contentType: type ?? undefined, bytes })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.option(contentType, { freq: 6 }), oversized)
      .map(([type, bytes]) => ({ contentType: type ?? 'application/json', bytes })),
  },
  {
    weight: 1,
    arbitrary: fc.constant({ contentType: 'application/json', bytes: new Uint8Array() }),
  },
)
