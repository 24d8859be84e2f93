// The HTTP service: the app (testable in process) and a way to serve it.
export { createApp, DEFAULT_BODY_LIMIT, type AppOptions } from './create-app.js'
export { HttpError, errorBody, type ErrorBody } from './http-error.js'
export { readDocuments, MAX_BATCH, type RequestDocuments } from './read-documents.js'
export { startServer, type RunningServer } from './start-server.js'
