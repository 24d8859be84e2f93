// Bearer-token check for the routes a token guards.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { HttpError } from './http-error.js'

/**
 * A middleware that lets a request through only with `Authorization: Bearer <token>`. The
 * comparison takes the same time whatever the sent token, so it reveals nothing of the right one.
 *
 * @example
 * app.use('/v1/*', requireToken('s3cret'))
 */
export function requireToken(token: string): MiddlewareHandler {
  const expected = digest(token)
  return async (c, next) => {
    const header = c.req.header('authorization') ?? ''
    const match = /^Bearer (.+)$/i.exec(header)
    if (match === null || !timingSafeEqual(digest(match[1] ?? ''), expected)) {
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
