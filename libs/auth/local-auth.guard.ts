import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest as Request } from 'fastify';
import { createValidationPipe } from '../core/errors/validation.js';
import { RateLimiter } from '../core/rate-limit/rate-limit.guard.js';
import { LoginBody } from './dto/auth.dto.js';
import { SIGN_IN_LIMIT } from './sign-in-limit.js';

/**
 * Passport's local strategy behind `POST /auth/login`. Guards run before pipes, so the body is
 * validated here first: a malformed body is a 400, neither a failed sign-in nor an attempt counted
 * against the address. A well-formed one is counted (`LOGIN_RATE_LIMIT` a minute per address).
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  constructor(@Inject(RateLimiter) private readonly limiter: RateLimiter) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    await createValidationPipe().transform(request.body, { type: 'body', metatype: LoginBody });
    await this.limiter.consume(SIGN_IN_LIMIT, `address:${request.ip ?? 'unknown'}`);
    return (await super.canActivate(context)) as boolean;
  }
}
