import { applyDecorators, type CanActivate, type ExecutionContext, Inject, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
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
  limitFrom: keyof Pick<Env, 'LOGIN_RATE_LIMIT'>;
  windowSeconds: number;
}

const RATE_LIMIT = 'tilskud:rate-limit';

export class RateLimitException extends DomainException {
  constructor(retryAfterSeconds: number) {
    super('rate-limited', 429, 'Too Many Requests', `Too many attempts; try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
  }
}

/**
 * At most `limit` requests per window from one client address, counted in Redis (fixed windows).
 * A global guard that acts on routes marked `@RateLimit`, registered so it runs before the route's own
 * guards: a throttled sign-in is refused before any password is checked.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger(RateLimitGuard.name);

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(RedisClient) private readonly redis: RedisClient,
    @Inject(ConfigService) private readonly config: AppConfigService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.get<RateLimitRule>(RATE_LIMIT, context.getHandler());
    if (!rule) return true;
    const windowMs = rule.windowSeconds * 1000;
    const now = this.clock.now().getTime();
    const window = Math.floor(now / windowMs);
    const client = context.switchToHttp().getRequest<Request>().ip ?? 'unknown';
    const key = `${this.config.get('QUEUE_PREFIX', { infer: true })}:rate:${rule.bucket}:${client}:${window}`;

    let count: number;
    try {
      const results = await this.redis.multi().incr(key).pexpire(key, windowMs * 2).exec();
      count = Number(results?.[0]?.[1] ?? 0);
    } catch (error) {
      // Redis is down: keep serving. Account lock-outs (in Postgres) still stop password guessing.
      this.logger.warn({ err: error }, 'Rate limiting skipped: Redis unavailable');
      return true;
    }
    if (count > this.config.get(rule.limitFrom, { infer: true })) {
      throw new RateLimitException(Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)));
    }
    return true;
  }
}

/** Limits a route per client address; the limit comes from the environment. */
export function RateLimit(rule: RateLimitRule) {
  return applyDecorators(SetMetadata(RATE_LIMIT, rule), ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' }));
}
