import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseEnvOrExit } from '../libs/core/config/parse-env-or-exit.js';
import { seedDemoUsers } from './demo-users.seed.js';
import { describeImport, type ImportReport, seedPool2020 } from './pool-2020.seed.js';
import { SeedModule } from './seed.module.js';

/** Every seed, in order; each is idempotent. */
export async function runSeeds(app: INestApplicationContext): Promise<{ demoAccounts: number; pool2020: ImportReport }> {
  const demoAccounts = await seedDemoUsers(app);
  const pool2020 = await seedPool2020(app);
  return { demoAccounts, pool2020 };
}

/** The context the seeds run in: the domain modules, no HTTP. */
export function createSeedContext(): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(SeedModule.forRoot(), { logger: ['error', 'warn'] });
}

/** `npm start` runs this after the migrations. */
async function main(): Promise<void> {
  const env = parseEnvOrExit('seed');
  if (env.NODE_ENV === 'production') {
    console.log('Seeds: skipped in production (they hold demo accounts).');
    return;
  }
  const app = await createSeedContext();
  try {
    const { demoAccounts, pool2020 } = await runSeeds(app);
    console.log(`Seeds: ${demoAccounts} demo account(s) created.`);
    console.log(describeImport(pool2020));
  } finally {
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
