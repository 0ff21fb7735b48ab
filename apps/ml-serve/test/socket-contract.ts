import { expect } from 'vitest'
import { type MlCase, NEGATIVE, POSITIVE, ready } from './contract.ts'
import { openSocket, refusedUpgrade } from './support/socket-client.ts'

/**
 * `GET /v1/sentiment/ws` on a real server (an in-process `fetch` cannot upgrade; workerd is driven
 * through Miniflare's own socket in its test): the key as a browser sends it, then results and done.
 */
export const socketCase: MlCase = {
  name: 'GET /v1/sentiment/ws: no key is a JSON 401; ?api_key= opens; a result per text, then done',
  run: async (target) => {
    if (target.websocketUrl === undefined) throw new Error('this target has no WebSocket URL')
    const url = `${target.websocketUrl}/v1/sentiment/ws`
    const refusal = await refusedUpgrade(url)
    expect(refusal.status).toBe(401)
    expect(JSON.parse(refusal.body)).toEqual({ detail: expect.any(String) })
    await ready(target)
    const client = await openSocket(`${url}?api_key=${encodeURIComponent(target.apiKey)}`)
    client.send({ type: 'analyze', id: 'c1', texts: [POSITIVE, NEGATIVE] })
    expect(await client.next()).toMatchObject({
      type: 'result',
      id: 'c1',
      index: 0,
      label: 'positive',
    })
    expect(await client.next()).toMatchObject({
      type: 'result',
      id: 'c1',
      index: 1,
      label: 'negative',
    })
    expect(await client.next()).toEqual({ type: 'done', id: 'c1' })
    client.socket.close(1000)
    expect(await client.closed).toBe(1000)
  },
}
