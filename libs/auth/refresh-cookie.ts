import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../core/http/configure-http-app.js';
import { AuthException } from './auth.exception.js';

/**
 * The refresh token's cookie mode, for browsers: a client that sends `X-Refresh-Token-Transport: cookie`
 * to `/auth/login` or `/auth/refresh` gets its refresh token as an HttpOnly cookie, which no script of
 * the page can read, instead of in the body; `/auth/refresh` and `/auth/logout` then read it from there.
 * The cookie goes only to the auth routes (`Path`), never with a request from another site
 * (`SameSite=Strict`), and only over HTTPS when the request came over HTTPS. A cookie alone is never
 * enough: the header must be there too, and a page of another site cannot send a header of its own.
 */
export const REFRESH_TRANSPORT_HEADER = 'X-Refresh-Token-Transport';
export const REFRESH_COOKIE = 'tilskud_refresh';
export const REFRESH_COOKIE_PATH = `/${API_PREFIX}/auth`;

export type RefreshTransport = 'cookie' | 'body';

/** `cookie` when the client asks for it; `body`, as ever, without the header; any other value is refused (400). */
export function refreshTransportOf(request: FastifyRequest): RefreshTransport {
  const value = request.headers[REFRESH_TRANSPORT_HEADER.toLowerCase()];
  if (value === undefined) return 'body';
  if (typeof value === 'string' && value.trim().toLowerCase() === 'cookie') return 'cookie';
  throw AuthException.invalidRefreshTransport(REFRESH_TRANSPORT_HEADER);
}

/** The refresh token the browser sent in its cookie, if any. */
export function refreshCookieOf(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[REFRESH_COOKIE];
  return value ? value : undefined;
}

function cookieOptions(request: FastifyRequest, maxAgeSeconds: number) {
  // `protocol` is https for a TLS socket, or when a proxy the app trusts (TRUST_PROXY) says so in X-Forwarded-Proto.
  return { path: REFRESH_COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', maxAge: maxAgeSeconds } as const;
}

/** Sets the cookie for as long as the token can be used (its session's remaining lifetime). */
export function setRefreshCookie(reply: FastifyReply, request: FastifyRequest, token: string, maxAgeSeconds: number): void {
  reply.setCookie(REFRESH_COOKIE, token, cookieOptions(request, Math.max(0, Math.floor(maxAgeSeconds))));
}

/** Tells the browser to forget the cookie (Max-Age=0 and an Expires in the past, same path). */
export function clearRefreshCookie(reply: FastifyReply, request: FastifyRequest): void {
  const { maxAge: _maxAge, ...options } = cookieOptions(request, 0);
  reply.clearCookie(REFRESH_COOKIE, options);
}
