import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** A caller's id is kept when it is short and plain, so a load balancer's id follows the request through. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** Gives every request an id (in `req.id`, the response header, every log line and every problem body). */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.header(REQUEST_ID_HEADER);
  const id = incoming && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
  request.id = id;
  response.setHeader(REQUEST_ID_HEADER, id);
  next();
}
