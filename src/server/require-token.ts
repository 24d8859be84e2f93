// Bearer-token check for the routes a token guards.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { HttpError } from './http-error.js'

/**
 * A middleware that lets a request through only with `Authorization: Bearer <token>`, or, with
 * `inQuery`, with `?token=<token>` (a browser cannot send a header when it opens a page). The
 * comparison takes the same time whatever the sent token, so it reveals nothing of the right one.
 *
 * @example
 * app.use('/v1/*', requireToken('s3cret'))
 */
export function requireToken(
  token: string,
  options: { inQuery?: boolean } = {},
): MiddlewareHandler {
  const expected = digest(token)
  return async (c, next) => {
    const header = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    const sent = header ?? (options.inQuery === true ? c.req.query('token') : undefined)
    if (sent === undefined || !timingSafeEqual(digest(sent), expected)) {
      c.header('WWW-Authenticate', 'Bearer')
      throw new HttpError(401, 'a valid Authorization: Bearer <token> header is needed')
    }
    await next()
  }
}

// Equal-length digests, so that timingSafeEqual compares tokens of any length.
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}
