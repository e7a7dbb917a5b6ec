// Drops the run's database and its Redis keys (every key under the run's prefix, or a prefix that extends it), unless KEEP_TEST_DATABASE is set for a post-mortem.
import { Redis } from 'ioredis';

export default async function globalTeardown() {
  if (process.env.KEEP_TEST_DATABASE) {
    console.log(`Kept test database: ${process.env.DATABASE_URL}`);
    return;
  }
  if (process.env.DATABASE_URL) {
    const { databaseUrls, dropDatabase } = await import(new URL('../../dist/libs/core/database/database-setup.js', import.meta.url));
    await dropDatabase(databaseUrls(process.env));
  }
  const prefix = process.env.QUEUE_PREFIX;
  if (!prefix) return;
  const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
