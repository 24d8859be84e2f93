// A check thread's entry: opens the index for reading and answers checks until terminated.
import { parentPort, workerData } from 'node:worker_threads'
import { InputError } from '../errors.js'
import { createOnlineIndex } from '../pipeline/online-index.js'
import { openIndex, type OpenIndexOptions } from '../pipeline/open-index.js'
import type { CheckReply, CheckRequest } from './check-threads.js'

const port = parentPort
if (port === null) throw new Error('check-thread-entry runs only as a worker thread')
const reply = (message: CheckReply) => port.postMessage(message)

try {
  const index = workerData as OpenIndexOptions
  const online = await createOnlineIndex(await openIndex({ ...index, readonly: true }))
  port.on('message', (request: CheckRequest) => {
    if (request.kind === 'learn') {
      online.learn(request.facts)
      return
    }
    const { id } = request
    // check() cleans and signs the page before it first waits, so in message order: a check
    // sent after some learnt pages is cleaned with them.
    online.check(request.document).then(
      (verdict) => reply({ kind: 'verdict', id, verdict }),
      (error: unknown) =>
        reply(
          error instanceof InputError
            ? { kind: 'unusable', id, message: error.message }
            : {
                kind: 'error',
                id,
                message: error instanceof Error ? (error.stack ?? error.message) : String(error),
              },
        ),
    )
  })
  reply({ kind: 'ready' })
} catch (error) {
  reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
}
