import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { type Audited, audited, type AuditRecord, AuditService } from '../audit/audit.service.js';
import type { AuditAction } from '../audit/audit-actions.js';
import type { AppConfigService } from '../core/config/config.module.js';
import type { Role } from '../core/context/request-context.js';
import { Clock } from '../core/time/clock.js';
import { AuthException } from './auth.exception.js';
import { AuthSession } from './auth-session.entity.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { identifierHash, INSTALLATION_KEYS, type InstallationKeys } from './installation-keys.js';
import { afterFailure, afterSuccess, isKnownAddress, waitBeforeAttempt } from './lockout.js';
import { PasswordHasher } from './password-hasher.js';
import { normalizeEmail } from './password-policy.js';
import { issueRefreshToken, parseRefreshToken, secretHashesMatch } from './refresh-token.js';
import { RefreshToken } from './refresh-token.entity.js';
import { SignInThrottleStore } from './sign-in-throttle.store.js';
import { User } from './user.entity.js';

export const ACCESS_TOKEN_ISSUER = 'tilskud';
export const ACCESS_TOKEN_AUDIENCE = 'tilskud-api';
/** Clocks of several API processes may differ this much; a token's age is checked with it. */
const CLOCK_TOLERANCE_SECONDS = 30;

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
  /** Seconds the refresh token can still be used: what is left of its session's lifetime. */
  refreshExpiresIn: number;
  user: User;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every claim an access token of ours has: the library checks `exp`, `iss` and `aud` when they are
 * there, but accepts a token without `exp` (one that never expires) or `iat`; we do not.
 */
export function hasRequiredClaims(payload: unknown): payload is AccessTokenClaims & { exp: number; iat: number } {
  if (typeof payload !== 'object' || payload === null) return false;
  const claims = payload as Record<string, unknown>;
  return (
    Number.isInteger(claims.exp) &&
    Number.isInteger(claims.iat) &&
    claims.iss === ACCESS_TOKEN_ISSUER &&
    claims.aud === ACCESS_TOKEN_AUDIENCE &&
    typeof claims.sub === 'string' &&
    UUID.test(claims.sub) &&
    typeof claims.sid === 'string' &&
    UUID.test(claims.sid)
  );
}

/** What the audit trail may say of a session: a digest that links its events, never the id that a token could be made from. */
export function sessionRef(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex').slice(0, 16);
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
    @Inject(INSTALLATION_KEYS) private readonly keys: InstallationKeys,
  ) {}

  /** The keyed hash that stands in for a typed e-mail address in counters and the audit trail. */
  emailHash(email: string): string {
    return identifierHash(this.keys.identifierKey, normalizeEmail(email));
  }

  /**
   * The password check behind `POST /auth/login`, from one client address. An address that must still
   * wait after its failures on this account is refused (429) without a check; otherwise an unknown
   * e-mail, a wrong password, a locked, deactivated or unapproved account all get the same 401 after
   * the same argon2 work. Failures are counted and recorded even though the answer is a refusal; what
   * was typed as the e-mail is recorded only as its keyed hash, unless it is a known user's.
   */
  async verifyCredentials(email: string, password: string, client: string): Promise<User> {
    const address = normalizeEmail(email);
    const emailHash = this.emailHash(address);
    const outcome = await this.audit.transaction(async (manager): Promise<Audited<Outcome<User>>> => {
      const throttle = await SignInThrottleStore.lock(manager, emailHash, client);
      const user = await manager.findOne(User, { where: { email: address }, lock: { mode: 'pessimistic_write' } });
      const now = this.clock.now();
      const event = (action: AuditAction, reason: string, after: Record<string, unknown> = {}): AuditRecord => ({
        action,
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { reason, ...(user ? {} : { emailHash }), ...after },
        actor: null,
      });

      const addressWait = waitBeforeAttempt(throttle, null, now);
      if (addressWait > 0)
        return audited({ refused: AuthException.throttled(Math.ceil(addressWait / 1000)) }, event('auth.login_throttled', 'address-waiting'));
      const passwordMatches = await this.passwords.verify(user?.passwordHash ?? null, password);
      const refuse = (reason: string, after: Record<string, unknown> = {}, ...more: AuditRecord[]) =>
        audited({ refused: AuthException.invalidCredentials() }, ...more, event('auth.login_failed', reason, after));

      if (user && waitBeforeAttempt(throttle, user, now) > 0) return refuse('account-waiting', { lockedUntil: user.lockedUntil });
      if (!user || !passwordMatches) {
        const next = afterFailure(throttle, user, now);
        await SignInThrottleStore.save(manager, emailHash, client, next.address, now);
        if (!user) return refuse('unknown-email');
        const lockedNow = next.account !== user && next.account !== null && next.account.lockedUntil !== null && next.account.lockedUntil !== user.lockedUntil;
        if (next.account !== user && next.account !== null) {
          await manager.update(User, user.id, { failedLoginCount: next.account.failedLoginCount, lockedUntil: next.account.lockedUntil });
        }
        const lockout: AuditRecord[] = lockedNow
          ? [{ action: 'auth.locked_out', entityType: 'user', entityId: user.id, after: { lockedUntil: next.account!.lockedUntil }, actor: null }]
          : [];
        return refuse('wrong-password', { failuresFromAddress: next.address.failures, knownAddress: isKnownAddress(throttle, now) }, ...lockout);
      }
      if (!user.active) return refuse('inactive');
      if (user.approvalRequestedAt !== null) return refuse('awaiting-approval');
      await SignInThrottleStore.save(manager, emailHash, client, afterSuccess(now).address, now);
      return audited({ ok: user });
    });
    if ('refused' in outcome) throw outcome.refused;
    return outcome.ok;
  }

  /** Starts a session (a refresh-token family) for a user whose password was just checked. */
  signIn(user: User): Promise<SignedIn> {
    return this.audit.transaction(async (manager) => {
      const now = this.clock.now();
      await manager.update(User, user.id, { ...afterSuccess(now).account, lastSignInAt: now });
      const session = manager.create(AuthSession, {
        id: randomUUID(),
        userId: user.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.config.get('SESSION_TTL_DAYS', { infer: true }) * 86_400_000),
        revokedAt: null,
        revokedReason: null,
      });
      await manager.insert(AuthSession, session);
      const signedIn = await this.issueTokens(manager, user, session);
      return audited(signedIn, {
        action: 'auth.login_succeeded',
        entityType: 'user',
        entityId: user.id,
        after: { sessionRef: sessionRef(session.id) },
        actor: { id: user.id, role: user.role, municipalityCode: user.municipalityCode },
      });
    });
  }

  /**
   * Exchanges a refresh token for a new pair. The old token is spent; presenting a spent token again
   * means it was copied, so the whole session is revoked and the answer is 401.
   */
  async refresh(refreshToken: string): Promise<SignedIn> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw AuthException.invalidRefreshToken();
    const outcome = await this.audit.transaction(async (manager): Promise<Audited<Outcome<SignedIn>>> => {
      const token = await manager.findOne(RefreshToken, { where: { id: parsed.id }, lock: { mode: 'pessimistic_write' } });
      if (!token || !secretHashesMatch(token.secretHash, parsed.secretHash)) return audited({ refused: AuthException.invalidRefreshToken() });
      const session = await manager.findOne(AuthSession, { where: { id: token.sessionId }, lock: { mode: 'pessimistic_write' } });
      const user = session && (await manager.findOneBy(User, { id: session.userId }));
      const now = this.clock.now();
      if (!session || !user || session.revokedAt !== null) return audited({ refused: AuthException.invalidRefreshToken() });

      if (token.usedAt !== null) {
        await this.revokeSession(manager, session, 'refresh-token-reuse');
        return audited(
          { refused: AuthException.invalidRefreshToken() },
          {
            action: 'auth.refresh_token_reused',
            entityType: 'user',
            entityId: user.id,
            after: { sessionRef: sessionRef(session.id) },
            actor: null,
          },
        );
      }
      if (session.expiresAt.getTime() <= now.getTime() || !user.active) return audited({ refused: AuthException.invalidRefreshToken() });

      await manager.update(RefreshToken, token.id, { usedAt: now });
      return audited({ ok: await this.issueTokens(manager, user, session) });
    });
    if ('refused' in outcome) throw outcome.refused;
    return outcome.ok;
  }

  /** Ends the caller's session, and the session of the given refresh token when it is the caller's too. */
  async logout(user: AuthUser, refreshToken: string): Promise<void> {
    const parsed = parseRefreshToken(refreshToken);
    await this.audit.transaction(async (manager) => {
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
      return audited(undefined, revoked > 0 && { action: 'auth.logged_out', entityType: 'user', entityId: user.id, after: { sessions: revoked } });
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
   * only (no `none`, no other algorithm), signed by the current key (or, after a rotation and only for
   * the tokens' lifetime, the previous one), our issuer and audience, with `exp` and `iat`, not expired
   * and not older than an access token lives, then the session and user as {@link resolveAccessToken}
   * reads them. Any failure is the same 401.
   */
  async verifyAccessToken(token: string): Promise<AuthUser> {
    const { current, previous, previousUntil } = this.keys.accessTokens;
    // Token times are checked against the real time, as they were signed; the rotation window too.
    const previousAccepted = previous !== null && (previousUntil === null || Date.now() < previousUntil.getTime());
    const claims = this.verifiedClaims(token, current) ?? (previousAccepted ? this.verifiedClaims(token, previous) : null);
    if (!claims) throw AuthException.unauthenticated();
    return this.resolveAccessToken(claims);
  }

  private verifiedClaims(token: string, secret: InstallationKeys['accessTokens']['current']): AccessTokenClaims | null {
    try {
      const payload = this.jwt.verify<AccessTokenClaims>(token, {
        // jsonwebtoken takes a KeyObject (see installation-keys.ts); @nestjs/jwt's option type leaves it out.
        secret: secret as unknown as Buffer,
        algorithms: ['HS256'],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        maxAge: this.config.get('JWT_ACCESS_TTL_SECONDS', { infer: true }) + CLOCK_TOLERANCE_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      return hasRequiredClaims(payload) ? payload : null;
    } catch {
      return null;
    }
  }

  /**
   * Turns a verified access token into the current user, reading role, kommune and the active flag
   * from the database: a deactivated user or a revoked session is refused at once.
   */
  async resolveAccessToken(claims: AccessTokenClaims): Promise<AuthUser> {
    const [row]: Array<{ id: string; email: string; name: string; role: Role; municipality_code: string | null }> = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.role, u.municipality_code
         FROM app_user u JOIN auth_session s ON s.user_id = u.id
        WHERE u.id = $1 AND s.id = $2 AND u.active AND u.approval_requested_at IS NULL AND s.revoked_at IS NULL AND s.expires_at > $3`,
      [claims.sub, claims.sid, this.clock.now()],
    );
    if (!row) throw AuthException.unauthenticated();
    return { id: row.id, email: row.email, name: row.name, role: row.role, municipalityCode: row.municipality_code, sessionId: claims.sid };
  }

  private async revokeSession(manager: EntityManager, session: AuthSession, reason: string): Promise<void> {
    await manager.update(AuthSession, session.id, { revokedAt: this.clock.now(), revokedReason: reason });
  }

  private async issueTokens(manager: EntityManager, user: User, session: Pick<AuthSession, 'id' | 'expiresAt'>): Promise<SignedIn> {
    const refresh = issueRefreshToken();
    const now = this.clock.now();
    await manager.insert(RefreshToken, { id: refresh.id, sessionId: session.id, secretHash: refresh.secretHash, createdAt: now, usedAt: null });
    const claims: AccessTokenClaims = { sub: user.id, sid: session.id, role: user.role, mun: user.municipalityCode };
    const expiresIn = this.config.get('JWT_ACCESS_TTL_SECONDS', { infer: true });
    const accessToken = await this.jwt.signAsync(claims, { expiresIn, issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE });
    const refreshExpiresIn = Math.max(0, Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000));
    return { accessToken, refreshToken: refresh.token, tokenType: 'Bearer', expiresIn, refreshExpiresIn, user };
  }
}
