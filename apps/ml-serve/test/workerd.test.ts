/**
 * The contract against the Worker entry in workerd (Miniflare): jobs go through a real local
 * Cloudflare Queue (produced by `POST /v1/jobs`, consumed by the Worker's `queue()` handler) into
 * Workers KV. A stream's disconnect reaches the Worker here too: it is noticed at the stream's next
 * write, which this route makes after each text (an idle stream would not notice). The WebSocket
 * route is upgraded by `worker(app)`: one session is driven through Miniflare's own socket.
 */
import { expect } from 'vitest'
import { expectJson, type MlTarget } from './contract.ts'
import { describeContract } from './support/describe-contract.ts'
import { TEST_API_KEY } from './support/settings.ts'
import { startWorker } from './support/worker.ts'

/** The subset of a workerd WebSocket (Miniflare's) this test uses. */
interface WorkerdSocket {
  accept(): void
  send(data: string): void
  close(code?: number): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
}

async function upgrade(target: MlTarget, headers: Record<string, string>) {
  return target.fetch(
    new Request('http://ml.test/v1/sentiment/ws', {
      headers: { upgrade: 'websocket', ...headers },
    }),
  )
}

describeContract('ml-serve as a Worker in workerd (KV + Queues), through Miniflare', {
  apiKey: TEST_API_KEY,
  start: () => startWorker(),
  more: {
    'GET /v1/sentiment/ws: no key is a JSON 401; with one, a result per text, then done': async (
      target,
    ) => {
      expect(await expectJson(await upgrade(target, {}), 401)).toEqual({
        detail: expect.any(String),
      })
      const response = await upgrade(target, { 'x-api-key': TEST_API_KEY })
      expect(response.status).toBe(101)
      const socket = (response as unknown as { webSocket: WorkerdSocket }).webSocket
      const received: unknown[] = []
      const ended = new Promise<void>((resolve) => {
        socket.addEventListener('message', (event) => {
          const message = JSON.parse(String(event.data))
          received.push(message)
          if (message.type !== 'result') resolve()
        })
      })
      socket.accept()
      socket.send(JSON.stringify({ type: 'analyze', id: 7, texts: ['I love it.', 'I hate it.'] }))
      await ended
      expect(received).toEqual([
        expect.objectContaining({ type: 'result', id: 7, index: 0, label: 'positive' }),
        expect.objectContaining({ type: 'result', id: 7, index: 1, label: 'negative' }),
        { type: 'done', id: 7 },
      ])
      socket.close(1000)
    },
  },
})
