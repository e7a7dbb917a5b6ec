import { getDataSourceToken } from '@nestjs/typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { User } from '../libs/auth/user.entity.js';
import { UsersService } from '../libs/auth/users.service.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';

/** Creates the demo accounts that do not exist yet; a second run changes nothing. Returns how many it made. */
export async function seedDemoUsers(app: INestApplicationContext): Promise<number> {
  const users = app.get(UsersService);
  const repository = app.get<DataSource>(getDataSourceToken()).getRepository(User);
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await repository.existsBy({ email: account.email })) continue;
    await users.create({ ...account, password: DEMO_PASSWORD }, null);
    created += 1;
  }
  return created;
}
