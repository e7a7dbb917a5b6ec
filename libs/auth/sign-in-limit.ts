import type { RateLimitRule } from '../core/rate-limit/rate-limit.guard.js';

/** Well-formed sign-in and refresh attempts share one counter per client address (`LOGIN_RATE_LIMIT` a minute). */
export const SIGN_IN_LIMIT: Omit<RateLimitRule, 'per'> = { bucket: 'sign-in', limitFrom: 'LOGIN_RATE_LIMIT', windowSeconds: 60 };
