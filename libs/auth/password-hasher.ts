import { hash, verify } from '@node-rs/argon2';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

/**
 * argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane). `Algorithm.Argon2id` is an
 * ambient const enum, which isolated modules cannot read, hence its value.
 */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher implements OnModuleInit {
  /** Verified against when the e-mail is unknown, so that answer takes as long as a wrong password. */
  private decoyHash = '';

  async onModuleInit(): Promise<void> {
    this.decoyHash = await hash(randomBytes(24).toString('base64'), ARGON2ID);
  }

  hash(password: string): Promise<string> {
    return hash(password, ARGON2ID);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    try {
      const matches = await verify(passwordHash ?? this.decoyHash, password);
      return passwordHash !== null && matches;
    } catch {
      return false;
    }
  }
}
