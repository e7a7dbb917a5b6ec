import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { RateLimiter, RateLimitGuard } from '../core/rate-limit/rate-limit.guard.js';
import type { AppConfigService } from '../core/config/config.module.js';
import { JwtAuthGuard, RolesGuard } from './access.guards.js';
import { ACCESS_TOKEN_VERIFIER } from './access-token.port.js';
import { AdminBootstrap } from './admin-bootstrap.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { AuthSession } from './auth-session.entity.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshToken } from './refresh-token.entity.js';
import { INSTALLATION_KEYS, type InstallationKeys, loadInstallationKeys } from './installation-keys.js';
import { LocalStrategy } from './strategies.js';
import { User } from './user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

/** The installation's keys, read once at start-up (the configured JWT secret, or the installation's own). */
const installationKeysProvider = {
  provide: INSTALLATION_KEYS,
  inject: [ConfigService, getDataSourceToken()],
  useFactory: (config: AppConfigService, dataSource: DataSource) =>
    loadInstallationKeys(
      { JWT_SECRET: config.get('JWT_SECRET', { infer: true }), JWT_SECRET_PREVIOUS: config.get('JWT_SECRET_PREVIOUS', { infer: true }) },
      dataSource,
    ),
};

@Module({ providers: [installationKeysProvider], exports: [INSTALLATION_KEYS] })
class InstallationKeysModule {}

/** Sign-in, tokens, users, and the global guards every route passes: authentication, role, then rate limits. */
@Module({
  imports: [
    TypeOrmModule.forFeature([User, AuthSession, RefreshToken]),
    PassportModule,
    AuditModule,
    InstallationKeysModule,
    JwtModule.registerAsync({
      imports: [InstallationKeysModule],
      inject: [INSTALLATION_KEYS],
      useFactory: (keys: InstallationKeys) => ({
        secret: keys.accessTokens.current,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    AuthService,
    UsersService,
    PasswordHasher,
    LocalStrategy,
    LocalAuthGuard,
    AdminBootstrap,
    RateLimiter,
    { provide: ACCESS_TOKEN_VERIFIER, useExisting: AuthService },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [AuthService, UsersService, RateLimiter, ACCESS_TOKEN_VERIFIER],
})
export class AuthModule {}
