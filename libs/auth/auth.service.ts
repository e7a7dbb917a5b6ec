import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AppConfigService } from '../core/config/config.module.js';
import type { Role } from '../core/context/request-context.js';
import { Clock } from '../core/time/clock.js';
import { AuthException } from './auth.exception.js';
import { AuthSession } from './auth-session.entity.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { afterFailedLogin, afterSuccessfulLogin, isLockedOut } from './lockout.js';
import { PasswordHasher } from './password-hasher.js';
import { normalizeEmail } from './password-policy.js';
import { issueRefreshToken, parseRefreshToken, secretHashesMatch } from './refresh-token.js';
import { RefreshToken } from './refresh-token.entity.js';
import { User } from './user.entity.js';

export const ACCESS_TOKEN_ISSUER = 'tilskud';
export const ACCESS_TOKEN_AUDIENCE = 'tilskud-api';

/** What an access token says: who (`sub`), which sign-in (`sid`); role and kommune are re-read each request. */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
  role: Role;
  mun: string | null;
}

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: User;
}

/** The token of an `Authorization: Bearer <token>` header (the scheme in any case), or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  return header === undefined ? undefined : /^bearer +(\S+) *$/i.exec(header)?.[1];
}

type Outcome<T> = { ok: T } | { refused: AuthException };

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(PasswordHasher) private readonly passwords: PasswordHasher,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ConfigService) private readonly config: AppConfigService,
  ) {}

  /**
   * The password check behind `POST /auth/login`. An unknown e-mail, a wrong password, a locked and a
   * deactivated account all get the same answer after the same argon2 work. Failures are counted and
   * recorded even though the answer is a refusal.
   */
  async verifyCredentials(email: string, password: string): Promise<User> {
    const address = normalizeEmail(email);
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome<User>> => {
      const user = await manager.findOne(User, { where: { email: address }, lock: { mode: 'pessimistic_write' } });
      const passwordMatches = await this.passwords.verify(user?.passwordHash ?? null, password);
      const now = this.clock.now();
      const refuse = async (reason: string, after: Record<string, unknown> = {}) => {
        await this.audit.record(manager, {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          after: { email: address, reason, ...after },
          actor: null,
        });
        return { refused: AuthException.invalidCredentials() };
      };

      if (!user) return refuse('unknown-email');
      if (isLockedOut(user, now)) return refuse('locked', { lockedUntil: user.lockedUntil });
      if (!passwordMatches) {
        const next = afterFailedLogin(user, now);
        await manager.update(User, user.id, { failedLoginCount: next.failedLoginCount, lockedUntil: next.lockedUntil });
        if (next.lockedNow) {
          await this.audit.record(manager, {
            action: 'auth.locked_out',
            entityType: 'user',
            entityId: user.id,
            after: { lockedUntil: next.lockedUntil },
            actor: null,
          });
        }
        return refuse('wrong-password', { failedLoginCount: next.lockedNow ? 10 : next.failedLoginCount });
      }
      if (!user.active) return refuse('inactive');
      return { ok: user };
    });
    if ('refused' in outcome) throw outcome.refused;
    return outcome.ok;
  }

  /** Starts a session (a refresh-token family) for a user whose password was just checked. */
  signIn(user: User): Promise<SignedIn> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      if (user.failedLoginCount !== 0 || user.lockedUntil !== null) await manager.update(User, user.id, afterSuccessfulLogin());
      const session = manager.create(AuthSession, {
        id: randomUUID(),
        userId: user.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.config.get('SESSION_TTL_DAYS', { infer: true }) * 86_400_000),
        revokedAt: null,
        revokedReason: null,
      });
      await manager.insert(AuthSession, session);
      const signedIn = await this.issueTokens(manager, user, session.id);
      await this.audit.record(manager, {
        action: 'auth.login_succeeded',
        entityType: 'user',
        entityId: user.id,
        after: { sessionId: session.id },
        actor: { id: user.id, role: user.role, municipalityCode: user.municipalityCode },
      });
      return signedIn;
    });
  }

  /**
   * Exchanges a refresh token for a new pair. The old token is spent; presenting a spent token again
   * means it was copied, so the whole session is revoked and the answer is 401.
   */
  async refresh(refreshToken: string): Promise<SignedIn> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw AuthException.invalidRefreshToken();
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome<SignedIn>> => {
      const token = await manager.findOne(RefreshToken, { where: { id: parsed.id }, lock: { mode: 'pessimistic_write' } });
      if (!token || !secretHashesMatch(token.secretHash, parsed.secretHash)) return { refused: AuthException.invalidRefreshToken() };
      const session = await manager.findOne(AuthSession, { where: { id: token.sessionId }, lock: { mode: 'pessimistic_write' } });
      const user = session && (await manager.findOneBy(User, { id: session.userId }));
      const now = this.clock.now();
      if (!session || !user || session.revokedAt !== null) return { refused: AuthException.invalidRefreshToken() };

      if (token.usedAt !== null) {
        await this.revokeSession(manager, session, 'refresh-token-reuse');
        await this.audit.record(manager, {
          action: 'auth.refresh_token_reused',
          entityType: 'user',
          entityId: user.id,
          after: { sessionId: session.id, tokenId: token.id },
          actor: null,
        });
        return { refused: AuthException.invalidRefreshToken() };
      }
      if (session.expiresAt.getTime() <= now.getTime() || !user.active) return { refused: AuthException.invalidRefreshToken() };

      await manager.update(RefreshToken, token.id, { usedAt: now });
      return { ok: await this.issueTokens(manager, user, session.id) };
    });
    if ('refused' in outcome) throw outcome.refused;
    return outcome.ok;
  }

  /** Ends the caller's session, and the session of the given refresh token when it is the caller's too. */
  async logout(user: AuthUser, refreshToken: string): Promise<void> {
    const parsed = parseRefreshToken(refreshToken);
    await this.dataSource.transaction(async (manager) => {
      const sessionIds = new Set([user.sessionId]);
      if (parsed) {
        const token = await manager.findOneBy(RefreshToken, { id: parsed.id });
        if (token && secretHashesMatch(token.secretHash, parsed.secretHash)) sessionIds.add(token.sessionId);
      }
      let revoked = 0;
      for (const id of sessionIds) {
        const session = await manager.findOne(AuthSession, { where: { id, userId: user.id }, lock: { mode: 'pessimistic_write' } });
        if (session && session.revokedAt === null) {
          await this.revokeSession(manager, session, 'logout');
          revoked += 1;
        }
      }
      if (revoked > 0) {
        await this.audit.record(manager, { action: 'auth.logged_out', entityType: 'user', entityId: user.id, after: { sessions: revoked } });
      }
    });
  }

  /** Revokes every open session of a user (deactivation); returns how many. */
  async revokeAllSessions(manager: EntityManager, userId: string, reason: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(AuthSession)
      .set({ revokedAt: this.clock.now(), revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }

  /**
   * The user an access token speaks for, for every authenticated route and the queue dashboard: HS256
   * only (no `none`, no other algorithm), our issuer and audience, not expired, then the session and
   * user as {@link resolveAccessToken} reads them. Any failure is the same 401.
   */
  async verifyAccessToken(token: string): Promise<AuthUser> {
    let claims: AccessTokenClaims;
    try {
      claims = this.jwt.verify<AccessTokenClaims>(token, { algorithms: ['HS256'], issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE });
    } catch {
      throw AuthException.unauthenticated();
    }
    return this.resolveAccessToken(claims);
  }

  /**
   * Turns a verified access token into the current user, reading role, kommune and the active flag
   * from the database: a deactivated user or a revoked session is refused at once.
   */
  async resolveAccessToken(claims: AccessTokenClaims): Promise<AuthUser> {
    const [row]: Array<{ id: string; email: string; name: string; role: Role; municipality_code: string | null }> = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.role, u.municipality_code
         FROM app_user u JOIN auth_session s ON s.user_id = u.id
        WHERE u.id = $1 AND s.id = $2 AND u.active AND s.revoked_at IS NULL AND s.expires_at > $3`,
      [claims.sub, claims.sid, this.clock.now()],
    );
    if (!row) throw AuthException.unauthenticated();
    return { id: row.id, email: row.email, name: row.name, role: row.role, municipalityCode: row.municipality_code, sessionId: claims.sid };
  }

  private async revokeSession(manager: EntityManager, session: AuthSession, reason: string): Promise<void> {
    await manager.update(AuthSession, session.id, { revokedAt: this.clock.now(), revokedReason: reason });
  }

  private async issueTokens(manager: EntityManager, user: User, sessionId: string): Promise<SignedIn> {
    const refresh = issueRefreshToken();
    await manager.insert(RefreshToken, { id: refresh.id, sessionId, secretHash: refresh.secretHash, createdAt: this.clock.now(), usedAt: null });
    const claims: AccessTokenClaims = { sub: user.id, sid: sessionId, role: user.role, mun: user.municipalityCode };
    const expiresIn = this.config.get('JWT_ACCESS_TTL_SECONDS', { infer: true });
    const accessToken = await this.jwt.signAsync(claims, { expiresIn, issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE });
    return { accessToken, refreshToken: refresh.token, tokenType: 'Bearer', expiresIn, user };
  }
}
