// The worker thread's entry: runs the per-page work for the run that started it.
import { parentPort } from 'node:worker_threads'
import { transferablesOf, type WorkerReply, type WorkerRequest } from './messages.js'
import { createPageWorker } from './page-tasks.js'

const port = parentPort
if (port === null) throw new Error('page-worker-entry runs only as a worker thread')
const work = createPageWorker()

port.on('message', (request: WorkerRequest) => {
  try {
    if (request.kind === 'setup') {
      work.setup(request.setup)
      port.postMessage({ id: request.id, kind: 'ready' } satisfies WorkerReply)
    } else {
      const result = work.run(request.task)
      const reply: WorkerReply = { id: request.id, kind: 'result', result }
      port.postMessage(reply, transferablesOf(result))
    }
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
    port.postMessage({ id: request.id, kind: 'error', message } satisfies WorkerReply)
  }
})
