import { applyDecorators, type CanActivate, type ExecutionContext, Inject, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import type { AuthUser } from '../access/auth-user.js';
import type { AppConfigService } from '../config/config.module.js';
import type { Env } from '../config/env.js';
import { DomainException } from '../errors/domain.exception.js';
import { Clock } from '../time/clock.js';
import { RedisClient } from '../redis/redis.module.js';

/*
 * Why not @nestjs/throttler: its 6.x release is CommonJS requiring the ESM-only @nestjs/common 12,
 * which Node ≥ 20.19 allows but Jest's module runtime does not before Node 24.9, so no test could load
 * it. Counting in Redis is also what several API processes need: an in-memory count per process would
 * multiply the allowance by the number of processes.
 */

export interface RateLimitRule {
  /** Names the counter: routes with the same bucket share it. */
  bucket: string;
  /** The environment variable that holds the limit per window. */
  limitFrom: keyof Pick<Env, 'LOGIN_RATE_LIMIT' | 'EXPORT_RATE_LIMIT'>;
  windowSeconds: number;
  /** Whom the count is kept for: the client's address, or the signed-in user. */
  per: 'address' | 'user';
}

const RATE_LIMIT = 'tilskud:rate-limit';

export class RateLimitException extends DomainException {
  constructor(retryAfterSeconds: number) {
    super('rate-limited', `For mange forsøg; prøv igen om ${retryAfterSeconds} sekunder.`, { retryAfterSeconds });
  }
}

/**
 * At most `limit` requests per window for one key, counted in Redis (fixed windows). With Redis down
 * the request goes through: the account throttle (in Postgres) still stops password guessing, and the
 * export gate still bounds exports.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

  constructor(
    @Inject(RedisClient) private readonly redis: RedisClient,
    @Inject(ConfigService) private readonly config: AppConfigService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Counts one request of `rule` for `key`; throws {@link RateLimitException} (429) past the limit. */
  async consume(rule: Pick<RateLimitRule, 'bucket' | 'limitFrom' | 'windowSeconds'>, key: string): Promise<void> {
    const windowMs = rule.windowSeconds * 1000;
    const now = this.clock.now().getTime();
    const window = Math.floor(now / windowMs);
    const redisKey = `${this.config.get('QUEUE_PREFIX', { infer: true })}:rate:${rule.bucket}:${key}:${window}`;
    let count: number;
    try {
      const results = await this.redis
        .multi()
        .incr(redisKey)
        .pexpire(redisKey, windowMs * 2)
        .exec();
      count = Number(results?.[0]?.[1] ?? 0);
    } catch (error) {
      this.logger.warn({ err: error }, 'Rate limiting skipped: Redis unavailable');
      return;
    }
    if (count > this.config.get(rule.limitFrom, { infer: true })) {
      throw new RateLimitException(Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)));
    }
  }
}

/**
 * Acts on routes marked `@RateLimit`, after the user is known (it is registered after the access
 * guards) and before the route's own work.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.get<RateLimitRule>(RATE_LIMIT, context.getHandler());
    if (!rule) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const key = rule.per === 'user' && request.user ? `user:${request.user.id}` : `address:${request.ip ?? 'unknown'}`;
    await this.limiter.consume(rule, key);
    return true;
  }
}

/** Limits a route per client address or per user; the limit comes from the environment. */
export function RateLimit(rule: RateLimitRule) {
  return applyDecorators(
    SetMetadata(RATE_LIMIT, rule),
    ApiTooManyRequestsResponse({ description: rule.per === 'user' ? 'Too many requests from this user' : 'Too many requests from this address' }),
  );
}
