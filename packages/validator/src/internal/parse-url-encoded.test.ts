import { describe, expect, test } from 'vitest'
import { parseUrlEncoded } from './parse-url-encoded.ts'
import { createRecord } from './raw-values.ts'

function parse(text: string, wanted?: string[]) {
  const out = createRecord()
  const want = wanted && Object.fromEntries(wanted.map((key) => [key, true as const]))
  const pairs = parseUrlEncoded(text, 0, want, out)
  return { out: { ...out }, pairs }
}

describe('parseUrlEncoded', () => {
  test('decodes percent sequences and plus signs as spaces', () => {
    expect(parse('q=hello+world&name=J%C3%BCrgen').out).toEqual({
      q: 'hello world',
      name: 'Jürgen',
    })
  })

  test('collects repeated keys into an array in order', () => {
    expect(parse('tag=a&tag=b&tag=c').out).toEqual({ tag: ['a', 'b', 'c'] })
  })

  test('never throws on malformed percent sequences', () => {
    expect(parse('q=%E0%A4%A&r=100%').out).toEqual({ q: '%E0%A4%A', r: '100%' })
  })

  test('treats a key without = as an empty value and skips empty segments', () => {
    expect(parse('flag&&x=1&').out).toEqual({ flag: '', x: '1' })
  })

  test('keeps only wanted keys but counts every pair', () => {
    expect(parse('a=1&b=2&c=3', ['b'])).toEqual({ out: { b: '2' }, pairs: 3 })
  })

  test('drops prototype keys when collecting every key', () => {
    const { out } = parse('__proto__=x&constructor=y&prototype=z&ok=1')
    expect(out).toEqual({ ok: '1' })
  })

  test('matches encoded keys after decoding', () => {
    expect(parse('my%20key=1', ['my key']).out).toEqual({ 'my key': '1' })
  })
})
