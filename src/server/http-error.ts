// The one error a handler throws to answer with a status: the default handler turns it into JSON.

/**
 * An HTTP error: its status, a message for the client, and the request field it concerns.
 *
 * @example
 * throw new HttpError(400, 'id must be a non-empty string', { field: 'documents[2].id' })
 */
export class HttpError extends Error {
  readonly status: 400 | 401 | 404 | 405 | 413 | 422 | 500 | 503
  readonly field: string | undefined

  constructor(
    status: HttpError['status'],
    message: string,
    options: { field?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'HttpError'
    this.status = status
    this.field = options.field
  }
}

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: { status: number; message: string; field?: string }
}

/**
 * The body that goes with an error status.
 *
 * @example
 * errorBody(new HttpError(404, 'no document a')) // { error: { status: 404, message: 'no document a' } }
 */
export function errorBody(error: HttpError): ErrorBody {
  return {
    error: {
      status: error.status,
      message: error.message,
      ...(error.field === undefined ? {} : { field: error.field }),
    },
  }
}
