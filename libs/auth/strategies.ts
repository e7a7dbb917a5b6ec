import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy as LocalPassportStrategy } from 'passport-local';
import { AuthService } from './auth.service.js';
import type { User } from './user.entity.js';

/**
 * `POST /auth/login`: e-mail and password against the stored argon2id hash, counted per account and
 * client address. The first of the strategies a sign-in can take; single sign-on (OpenID Connect)
 * will be a second one beside it.
 */
@Injectable()
export class LocalStrategy extends PassportStrategy(LocalPassportStrategy) {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: FastifyRequest, email: string, password: string): Promise<User> {
    return this.auth.verifyCredentials(email, password, request.ip ?? 'unknown');
  }
}
