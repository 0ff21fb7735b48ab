/**
 * Editor responsiveness: how long `tsserver` takes to answer a completion at the client in a
 * generated project, measured over the TypeScript server protocol — the first answer after opening
 * the file (the program is built and checked as far as the completion needs), then the median of
 * five more, each after an edit so that the program is updated again.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const tsserver = createRequire(import.meta.url).resolve('typescript/lib/tsserver.js')

/** What one project's completions cost, and how many entries the last one listed. */
export interface CompletionTiming {
  firstMs: number
  medianMs: number
  entries: number
}

interface Message {
  type: string
  request_seq?: number
  command?: string
  body?: { entries?: unknown[] }
}

/** A tsserver child and a way to send it a request and wait for its answer. */
function startServer() {
  const child = spawn(process.execPath, [tsserver, '--disableAutomaticTypingAcquisition'], {
    stdio: ['pipe', 'pipe', 'ignore'],
  })
  const waiting = new Map<number, (message: Message) => void>()
  let buffered = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk
    for (;;) {
      const header = buffered.match(/Content-Length: (\d+)\r\n\r\n/)
      if (!header || header.index === undefined) return
      const start = header.index + header[0].length
      const length = Number(header[1])
      // Content-Length counts bytes; the bodies here are ASCII.
      if (buffered.length < start + length) return
      const message = JSON.parse(buffered.slice(start, start + length)) as Message
      buffered = buffered.slice(start + length)
      if (message.type === 'response' && message.request_seq !== undefined) {
        waiting.get(message.request_seq)?.(message)
        waiting.delete(message.request_seq)
      }
    }
  })
  let seq = 0
  const request = (command: string, args: object) =>
    new Promise<Message>((resolve) => {
      seq += 1
      waiting.set(seq, resolve)
      child.stdin.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`)
    })
  return { request, stop: () => child.kill() }
}

/**
 * Times completions in `dir/client.ts` with `probe` (e.g. `  api['/r1/{id}'].`) inserted before
 * its `return` line, at the end of the probe; `rounds` more times after the first.
 */
export async function timeCompletion(
  dir: string,
  probe: string,
  rounds = 5,
): Promise<CompletionTiming> {
  const file = join(dir, 'client.ts')
  const lines = (await readFile(file, 'utf8')).split('\n')
  const lineIndex = lines.findIndex((line) => line.trim() === 'return total')
  if (lineIndex === -1) throw new Error(`${file} has no 'return total' line`)
  lines.splice(lineIndex, 0, probe)
  const text = lines.join('\n')
  const line = lineIndex + 1
  const offset = probe.length + 1
  const server = startServer()
  try {
    await server.request('open', { file, fileContent: text, projectRootPath: dir })
    const complete = async () => {
      const started = performance.now()
      const answer = await server.request('completionInfo', { file, line, offset })
      return { ms: performance.now() - started, entries: answer.body?.entries?.length ?? 0 }
    }
    const first = await complete()
    const times: number[] = []
    let entries = first.entries
    for (let round = 0; round < rounds; round++) {
      // An edit above the completion (a blank line in, then out) makes the program update.
      await server.request('change', {
        file,
        line: 1,
        offset: 1,
        endLine: 1,
        endOffset: 1,
        insertString: '\n',
      })
      await server.request('change', {
        file,
        line: 1,
        offset: 1,
        endLine: 2,
        endOffset: 1,
        insertString: '',
      })
      const next = await complete()
      times.push(next.ms)
      entries = next.entries
    }
    times.sort((a, b) => a - b)
    return { firstMs: first.ms, medianMs: times[Math.floor(times.length / 2)]!, entries }
  } finally {
    server.stop()
  }
}
