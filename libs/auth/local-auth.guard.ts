import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest as Request } from 'fastify';
import { createValidationPipe } from '../core/errors/validation.js';
import { LoginBody } from './dto/auth.dto.js';

/**
 * Passport's local strategy behind `POST /auth/login`. Guards run before pipes, so the body is
 * validated here first: a malformed body is a 400, not a failed sign-in.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    await createValidationPipe().transform(request.body, { type: 'body', metatype: LoginBody });
    return (await super.canActivate(context)) as boolean;
  }
}
