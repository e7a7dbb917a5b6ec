import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy as JwtPassportStrategy } from 'passport-jwt';
import { Strategy as LocalPassportStrategy } from 'passport-local';
import type { AppConfigService } from '../core/config/config.module.js';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, type AccessTokenClaims, AuthService } from './auth.service.js';
import type { AuthUser } from '../core/access/auth-user.js';
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

/** Every other route: a Bearer access token, HS256 only, with our issuer and audience. */
@Injectable()
export class JwtStrategy extends PassportStrategy(JwtPassportStrategy) {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(ConfigService) config: AppConfigService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // jsonwebtoken takes a KeyObject; passport-jwt's typings only name strings and Buffers.
      secretOrKey: jwtSigningKey(config.get('JWT_SECRET', { infer: true })) as unknown as string,
      algorithms: ['HS256'],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): Promise<AuthUser> {
    return this.auth.resolveAccessToken(claims);
  }
}
