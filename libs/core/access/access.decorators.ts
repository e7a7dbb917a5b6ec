import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import type { Role } from '../context/request-context.js';
import type { AuthUser } from './auth-user.js';

export const IS_PUBLIC = 'tilskud:public';
export const ALLOWED_ROLES = 'tilskud:roles';

/** Reachable without signing in (sign-in itself, health, docs). Everything else needs a valid token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Who may call a route: `@Auth()` any signed-in user, `@Auth('admin')` only those roles. Which rows
 * they see is decided in the queries (a project lead's are scoped to their kommune), not here.
 */
export function Auth(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No token, or an invalid or expired one' }),
    ...(roles.length > 0 ? [ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')}` })] : []),
  );
}

/** The signed-in user. Only on routes behind `@Auth`. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<Request & { user: AuthUser }>().user;
});
