/** Reads Server-Sent Events from a response body, for assertions on what a client receives. */

export interface ReceivedEvent {
  readonly event: string
  readonly id?: string
  readonly data: any
}

/**
 * Yields each event of `response` as it arrives (`data` parsed as JSON); ending the loop early
 * cancels the body, which is how a client disconnects.
 */
export async function* readEvents(response: Response): AsyncGenerator<ReceivedEvent> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      buffer += value
      for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const fields = new Map<string, string>()
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':')
          if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart())
        }
        if (!fields.has('data')) continue
        yield {
          event: fields.get('event') ?? 'message',
          ...(fields.has('id') ? { id: fields.get('id')! } : {}),
          data: JSON.parse(fields.get('data')!),
        }
      }
    }
  } finally {
    await reader.cancel().catch(() => {})
  }
}

/** Every event until the stream ends. */
export async function allEvents(response: Response): Promise<ReceivedEvent[]> {
  const events: ReceivedEvent[] = []
  for await (const event of readEvents(response)) events.push(event)
  return events
}
