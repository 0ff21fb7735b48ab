import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import * as resolved from '#hmac'
import * as node from './hmac-node.ts'
import * as web from './hmac-web.ts'

// The Node variant must fit wherever the WebCrypto one is expected (the core compiles against it).
const variants: ReadonlyArray<readonly [string, typeof web.hmacVerifier]> = [
  ['node:crypto', node.hmacVerifier],
  ['WebCrypto', web.hmacVerifier],
]
const hashes = [
  ['SHA-256', 'sha256'],
  ['SHA-384', 'sha384'],
  ['SHA-512', 'sha512'],
] as const

const secret = new TextEncoder().encode('a-secret-of-at-least-32-bytes-here!!')
const other = new TextEncoder().encode('another-secret-of-at-least-32-bytes!')
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const input = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9'

/** The canonical signature of `input` under `key`, then near misses that must all fail. */
function signatures(name: string, key: Uint8Array): readonly string[] {
  const good = createHmac(name, key).update(input).digest('base64url')
  // The last character's lowest bit is padding for SHA-256 and SHA-512 (not SHA-384): the same
  // bytes, written with a stray bit that lenient decoders ignore.
  const stray = ALPHABET[ALPHABET.indexOf(good.at(-1)!) ^ 1]
  const flipped = good[0] === 'A' ? 'B' : 'A'
  return [
    good,
    `${good}=`,
    `${good}==`,
    `${good.slice(0, -1)}${stray}`,
    `${flipped}${good.slice(1)}`,
    good.slice(0, -1),
    `${good}A`,
    ` ${good}`,
    `${good.slice(0, -1)}é`,
    '',
    createHmac(name, key).update(input).digest('base64'),
    createHmac(name, other).update(input).digest('base64url'),
    createHmac(name, key).update(`${input}x`).digest('base64url'),
  ]
}

describe('the #hmac variants', () => {
  it('resolve to node:crypto under vitest on Node, which answers synchronously', () => {
    expect(resolved.hmacVerifier).toBe(node.hmacVerifier)
    const check = node.hmacVerifier('SHA-256', secret)
    expect(check(input, 'x')).toBe(false)
    expect(web.hmacVerifier('SHA-256', secret)(input, 'x')).toBeInstanceOf(Promise)
  })

  describe.each(hashes)('under %s', (hash, name) => {
    it.each(variants)(
      '%s accepts exactly the canonical signature under the right key',
      async (_, make) => {
        const check = make(hash, secret)
        const [good, ...misses] = signatures(name, secret)
        expect(await check(input, good!)).toBe(true)
        for (const signature of misses) {
          expect([signature, await check(input, signature)]).toEqual([signature, false])
        }
      },
    )

    it('both give the same verdict on every signature, and on other keys and inputs', async () => {
      const checks = variants.map(([, make]) => make(hash, secret))
      for (const key of [secret, other]) {
        for (const signature of signatures(name, key)) {
          for (const text of [input, `${input}.`, '', 'é', 'a'.repeat(10_000)]) {
            const verdicts = await Promise.all(checks.map((check) => check(text, signature)))
            expect(new Set(verdicts).size).toBe(1)
          }
        }
      }
    })
  })

  it('copy the secret: changing the caller’s bytes afterwards changes nothing', async () => {
    for (const [, make] of variants) {
      const bytes = secret.slice()
      const check = make('SHA-256', bytes)
      bytes.fill(0)
      const good = createHmac('sha256', secret).update(input).digest('base64url')
      expect(await check(input, good)).toBe(true)
    }
  })
})
