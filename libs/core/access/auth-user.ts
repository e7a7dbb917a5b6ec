import type { Actor } from '../context/request-context.js';

/** The signed-in user, as the guards put it on the request (read fresh from the database each request). */
export interface AuthUser extends Actor {
  email: string;
  name: string;
  sessionId: string;
}
