import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { RateLimitGuard } from '../core/rate-limit/rate-limit.guard.js';
import type { AppConfigService } from '../core/config/config.module.js';
import { JwtAuthGuard, RolesGuard } from './access.guards.js';
import { AdminBootstrap } from './admin-bootstrap.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { AuthSession } from './auth-session.entity.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshToken } from './refresh-token.entity.js';
import { jwtSigningKey, LocalStrategy } from './strategies.js';
import { User } from './user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

/** Sign-in, tokens, users, and the two global guards every route passes: authentication, then role. */
@Module({
  imports: [
    TypeOrmModule.forFeature([User, AuthSession, RefreshToken]),
    PassportModule,
    AuditModule,
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: AppConfigService) => ({
        secret: jwtSigningKey(config.get('JWT_SECRET', { infer: true })),
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
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [AuthService, UsersService],
})
export class AuthModule {}
