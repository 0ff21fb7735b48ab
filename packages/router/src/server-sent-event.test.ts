import { describe, expect, it } from 'vitest'
import { encodeServerSentEvent, serverSentEvent } from './server-sent-event.ts'

describe('server-sent events', () => {
  it('sends plain items as JSON data', () => {
    expect(encodeServerSentEvent({ token: 'a' })).toBe('data: {"token":"a"}\n\n')
  })

  it('splits multi-line strings into data lines so they cannot inject fields', () => {
    expect(encodeServerSentEvent('a\n\nevent: hijack\r\nid: 9')).toBe(
      'data: a\ndata: \ndata: event: hijack\ndata: id: 9\n\n',
    )
  })

  it('strips line breaks from event and id fields', () => {
    const event = serverSentEvent({ event: 'done\n\ndata: x', id: '1\r2', retry: 1000, data: 1 })
    expect(encodeServerSentEvent(event)).toBe(
      'event: donedata: x\nid: 12\nretry: 1000\ndata: 1\n\n',
    )
  })

  it('ignores a retry that is not a whole number of milliseconds', () => {
    expect(encodeServerSentEvent(serverSentEvent({ retry: 1.5, data: 'x' }))).toBe('data: x\n\n')
  })
})
