import { useSyncExternalStore } from 'react';
import { MESSAGES } from '../text/da';
import { ApiProblem } from './problem';
import type { components } from './schema';

export type SessionUser = components['schemas']['UserSummary'];

export interface Session {
  /** `restoring` while the app asks whether the browser's refresh cookie still holds a sign-in. */
  status: 'restoring' | 'signed-in' | 'signed-out';
  user: SessionUser | null;
  /** Why the user is signed out, for the sign-in page to say (a session that ended, a sign-out). */
  notice: { tone: 'info' | 'warning'; text: string } | null;
}

interface TokenAnswer {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

const AUTH = '/api/v1/auth';
/**
 * Cookie mode: the API keeps the refresh token in an HttpOnly cookie on the auth path, out of reach of
 * scripts; the access token lives in this module's memory only (never in storage), so a reload signs
 * in again through the cookie.
 */
const COOKIE_MODE = { 'X-Refresh-Token-Transport': 'cookie' };
/** Refresh this long before the access token runs out, and treat a token this close to it as spent. */
const REFRESH_AHEAD_MS = 60_000;
const EXPIRED_AHEAD_MS = 10_000;

let session: Session = { status: 'restoring', user: null, notice: null };
let accessToken: string | null = null;
let expiresAt = 0;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<string | null> | null = null;
const listeners = new Set<() => void>();

function publish(next: Session): void {
  session = next;
  for (const listener of listeners) listener();
}

export const sessionStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get(): Session {
    return session;
  },
};

/** The session, re-rendering when it changes (signed in, refreshed user, signed out). */
export function useSession(): Session {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

async function postAuth(path: 'login' | 'refresh' | 'logout', body: object, token?: string): Promise<Response> {
  try {
    return await fetch(`${AUTH}/${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', ...COOKIE_MODE, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw ApiProblem.network();
  }
}

function accept(answer: TokenAnswer): void {
  accessToken = answer.accessToken;
  expiresAt = Date.now() + answer.expiresIn * 1000;
  clearTimeout(refreshTimer);
  // Silently, before it runs out; a failure here is met again by the next call's own refresh.
  const wait = Math.max(5_000, answer.expiresIn * 1000 - Math.min(REFRESH_AHEAD_MS, (answer.expiresIn * 1000) / 5));
  refreshTimer = setTimeout(() => void refreshSession().catch(() => undefined), wait);
  publish({ status: 'signed-in', user: answer.user, notice: null });
}

function end(notice: Session['notice']): void {
  accessToken = null;
  expiresAt = 0;
  clearTimeout(refreshTimer);
  publish({ status: 'signed-out', user: null, notice });
}

/** Signs in; a refusal (wrong password, throttled, rate-limited) is thrown as the API's problem. */
export async function signIn(email: string, password: string): Promise<SessionUser> {
  const response = await postAuth('login', { email, password });
  if (!response.ok) throw await ApiProblem.fromResponse(response);
  const answer = (await response.json()) as TokenAnswer;
  accept(answer);
  return answer.user;
}

/**
 * Runs `work` as the only refresh of this browser: the refresh token is single use, and two tabs
 * sending the same one would be taken as theft and end the sign-in. Web Locks serialise the tabs; each
 * sends the cookie as the one before it left it.
 */
function exclusively<T>(work: () => Promise<T>): Promise<T> {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks.request('tilskud-refresh', work) : work();
}

async function refreshOnce(): Promise<string | null> {
  const response = await postAuth('refresh', {});
  if (response.ok) {
    accept((await response.json()) as TokenAnswer);
    return accessToken;
  }
  // Throttled or a failure of ours: the sign-in may still be good; the caller sees the problem.
  if (response.status === 429 || response.status >= 500) throw await ApiProblem.fromResponse(response);
  // Refused: expired, revoked, or spent (reused) and so ended by the API. On start-up there was no sign-in to lose.
  end(session.status === 'restoring' ? null : { tone: 'warning', text: MESSAGES.sessionEnded });
  return null;
}

/** A new access token through the refresh cookie, or null (and signed out) when the API refuses it. */
export function refreshSession(): Promise<string | null> {
  refreshing ??= exclusively(refreshOnce).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** On start-up: signed in again through the cookie when it still holds a sign-in, else signed out. */
export async function restoreSession(): Promise<void> {
  try {
    await refreshSession();
  } catch {
    end({ tone: 'warning', text: MESSAGES.network });
  }
}

/** The access token for a call, refreshed first when it is about to run out; null when signed out. */
export async function currentToken(): Promise<string | null> {
  if (accessToken && Date.now() < expiresAt - EXPIRED_AHEAD_MS) return accessToken;
  if (session.status !== 'signed-in') return null;
  return refreshSession();
}

/** Ends the sign-in: the API revokes it and clears the cookie; this tab forgets the token. */
export async function signOut(): Promise<void> {
  try {
    const token = await currentToken();
    if (token) await postAuth('logout', {}, token);
  } catch {
    // Signed out here whatever the API answered.
  }
  end({ tone: 'info', text: MESSAGES.signedOut });
}

/** The API refused a fresh token: the session has ended elsewhere. */
export function sessionRefused(): void {
  end({ tone: 'warning', text: MESSAGES.sessionEnded });
}
