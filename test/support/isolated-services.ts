import { Redis } from 'ioredis';
import { createScratchDatabase } from './databases.js';
import { TestSmtpServer } from './smtp.js';

export interface IsolatedServices {
  smtp: TestSmtpServer;
  scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  /** For the apps and worker processes under test: this database, Redis database, key prefix and SMTP server. */
  env: Record<string, string>;
  /** Stops the SMTP server, drops the database and empties the Redis database (close the apps first). */
  stop(): Promise<void>;
}

/**
 * A migrated database, a Redis database and key prefix, and an SMTP server of a suite's own, so that
 * workers, reconciles and FLUSHDB there touch no other suite.
 */
export async function isolatedServices(name: string, redisDb: number, env: Record<string, string> = {}): Promise<IsolatedServices> {
  const smtp = new TestSmtpServer();
  const smtpPort = await smtp.start();
  const scratch = await createScratchDatabase(name);
  await scratch.dataSource.runMigrations();
  const all = {
    DATABASE_URL: scratch.url,
    REDIS_URL: `redis://127.0.0.1:6379/${redisDb}`,
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-${name.replaceAll('_', '-')}`,
    SMTP_PORT: String(smtpPort),
    ...env,
  };
  return {
    smtp,
    scratch,
    env: all,
    stop: async () => {
      await smtp.stop();
      await scratch.drop();
      const redis = new Redis(all.REDIS_URL);
      await redis.flushdb();
      redis.disconnect();
    },
  };
}
