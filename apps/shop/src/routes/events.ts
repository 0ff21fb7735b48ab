/** `GET /items/events`: a Server-Sent Event for each item created while the client listens. */
import { get, type ServerSentEvent, serverSentEvent } from '@brisk/router'
import { itemEvents } from '../item-events.ts'

export const events = get(
  '/events',
  {
    public: true,
    deps: { feed: itemEvents },
    stream: 'sse',
    summary: 'Items as they are created',
    description:
      'A `ready` event once listening, then one `item_created` event per new item (its `id` is the item id). A client that falls 256 events behind is disconnected and may reconnect.',
  },
  ({ deps }): AsyncIterableIterator<ServerSentEvent> => {
    const created = deps.feed.subscribe()
    let ready = false
    // An iterator, not an async generator: a generator waiting for the next item would queue the
    // `return()` a disconnect sends until that item came; this one stops listening at once.
    return {
      [Symbol.asyncIterator]() {
        return this
      },
      async next() {
        if (!ready) {
          ready = true
          return { done: false, value: serverSentEvent({ event: 'ready', data: {} }) }
        }
        const step = await created.next()
        if (step.done) return { done: true, value: undefined }
        const item = step.value
        return {
          done: false,
          value: serverSentEvent({ event: 'item_created', id: String(item.id), data: item }),
        }
      },
      async return() {
        await created.return?.()
        return { done: true, value: undefined }
      },
    }
  },
)
