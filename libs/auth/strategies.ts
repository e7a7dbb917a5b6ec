import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy as LocalPassportStrategy } from 'passport-local';
import { AuthService } from './auth.service.js';
import type { User } from './user.entity.js';

/**
 * The HS256 key as a KeyObject. Given a plain string, jsonwebtoken first tries it as a public key on
 * every verification, which the profile showed as the API's dearest step.
 */
const keys = new Map<string, KeyObject>();
export function jwtSigningKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

/** `POST /auth/login`: e-mail and password against the stored argon2id hash. */
@Injectable()
export class LocalStrategy extends PassportStrategy(LocalPassportStrategy) {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  validate(email: string, password: string): Promise<User> {
    return this.auth.verifyCredentials(email, password);
  }
}
