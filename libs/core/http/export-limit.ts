import type { RateLimitRule } from '../rate-limit/rate-limit.guard.js';

/** Exports and chain verifications a user may start a minute (`EXPORT_RATE_LIMIT`), all counted together. */
export const EXPORT_LIMIT: RateLimitRule = { bucket: 'exports', limitFrom: 'EXPORT_RATE_LIMIT', windowSeconds: 60, per: 'user' };
