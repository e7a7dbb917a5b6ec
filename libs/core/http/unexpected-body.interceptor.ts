import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { EdgeProblemException } from './edge-problem.exception.js';
import { EdgeProblem } from './edge-problems.js';

/** Whether a body counts as sent: anything but none at all or an empty object. */
function hasBody(body: unknown): boolean {
  if (body === undefined) return false;
  return !(typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0);
}

/**
 * A route that takes no body (`POST /applications/:id/submit`) refuses one that has content (400),
 * as a route that takes a body refuses unknown fields: a client that sends fields expects them read.
 * Whether a handler takes a body is read once from its `@Body()` parameters.
 */
@Injectable()
export class UnexpectedBodyInterceptor implements NestInterceptor {
  private readonly takesBody = new WeakMap<object, boolean>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.getType() === 'http' ? context.switchToHttp().getRequest<FastifyRequest>() : undefined;
    // A route that takes a file (`@TakesFile`) reads its body itself and refuses any other kind (415).
    if (request && hasBody(request.body) && request.routeOptions.config?.multipart !== true && !this.handlerTakesBody(context)) {
      throw new EdgeProblemException(EdgeProblem.unexpectedBody());
    }
    return next.handle();
  }

  private handlerTakesBody(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let takes = this.takesBody.get(handler);
    if (takes === undefined) {
      const parameters: Record<string, unknown> = Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {};
      takes = Object.keys(parameters).some((key) => Number(key.split(':')[0]) === RouteParamtypes.BODY);
      this.takesBody.set(handler, takes);
    }
    return takes;
  }
}
