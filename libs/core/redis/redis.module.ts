import { Global, Inject, Injectable, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import type { AppConfigService } from '../config/config.module.js';

/** Connection settings for BullMQ and our own clients. BullMQ workers need `maxRetriesPerRequest: null`. */
export function redisConnectionOptions(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

const CONNECT_TIMEOUT_MS = 2_000;

/**
 * The app's own Redis client (health checks, small keys). Commands fail at once while Redis is away
 * (no offline queue), so a request never hangs on it; the client keeps reconnecting in the background.
 */
@Injectable()
export class RedisClient extends Redis implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(ConfigService) config: AppConfigService) {
    super({
      ...redisConnectionOptions(config.get('REDIS_URL', { infer: true })),
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: false,
      connectTimeout: CONNECT_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    // Without a listener ioredis prints every failed reconnect; health reports the state instead.
    this.on('error', () => undefined);
  }

  /** Waits briefly for the first connection so the first request finds Redis ready; starts anyway if Redis is down. */
  async onModuleInit(): Promise<void> {
    if (this.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CONNECT_TIMEOUT_MS).unref();
      this.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.status === 'ready') await this.quit();
    else this.disconnect();
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
