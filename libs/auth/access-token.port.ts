import type { AuthUser } from '../core/access/auth-user.js';

export { AuthException } from './auth.exception.js';

/**
 * What the auth context offers code outside Nest's routes (the queue dashboard): the user an access
 * token speaks for, checked exactly as for every route, or a rejection. Provided by AuthModule.
 */
export interface AccessTokenVerifier {
  verifyAccessToken(token: string): Promise<AuthUser>;
}

export const ACCESS_TOKEN_VERIFIER = Symbol('AccessTokenVerifier');
