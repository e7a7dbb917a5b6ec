import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Audited, audited, AuditService } from '../audit/audit.service.js';
import { ADVISORY_LOCKS } from '../core/database/advisory-locks.js';
import type { Actor, Role } from '../core/context/request-context.js';
import { NotFoundDomainException } from '../core/errors/domain.exception.js';
import { keysetPage, type ListOrders, type Page } from '../core/pagination/page.js';
import { Clock } from '../core/time/clock.js';
import { AuthException } from './auth.exception.js';
import { AuthService } from './auth.service.js';
import type { CreateUserBody, UpdateUserBody, UserQuery, UserSortField } from './dto/user.dto.js';
import { PasswordHasher } from './password-hasher.js';
import { normalizeEmail, passwordProblems } from './password-policy.js';
import { SignInThrottleStore } from './sign-in-throttle.store.js';
import { User } from './user.entity.js';

/** Roles that act on cases for the ministry: giving one needs a second administrator. */
export const STAFF_ROLES: readonly Role[] = ['caseworker', 'admin'];

/** What the audit trail keeps of a user: never the password hash. */
function auditView(user: User) {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    municipalityCode: user.municipalityCode,
    active: user.active,
    awaitingApproval: user.approvalRequestedAt !== null,
  };
}

const NO_APPROVAL = { approvalRequestedBy: null, approvalRequestedAt: null };

/** A person as other answers name them. */
export interface Person {
  id: string;
  name: string;
  role: Role;
  municipalityCode: string | null;
  active: boolean;
}

/**
 * Who can be given a case (`POST /applications/:id/assign`) or an assessment to take over: an active
 * caseworker. The colleagues a caseworker picks from (`GET /users/caseworkers`) are exactly these.
 */
export function isActiveCaseworker(person: Pick<Person, 'role' | 'active'>): boolean {
  return person.active && person.role === 'caseworker';
}

/** Names as a Danish reader orders them: æ, ø and å after z. */
const DANISH_ORDER = new Intl.Collator('da-DK');

/** The list's orders, each on an index (migration 1765910000000). */
export const USER_ORDERS: ListOrders<User, UserSortField> = {
  default: 'email',
  keys: {
    // Unique: no tie to break.
    email: [{ column: 'user.email', key: (user) => user.email }],
    name: [
      { column: 'user.name', key: (user) => user.name },
      { column: 'user.id', key: (user) => user.id },
    ],
    createdAt: [
      { column: 'user.created_at', key: (user) => user.createdAt.toISOString() },
      { column: 'user.id', key: (user) => user.id },
    ],
  },
};

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PasswordHasher) private readonly passwords: PasswordHasher,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * A new user. A staff account an administrator creates waits for a second administrator's approval
   * before it can sign in (see {@link requestApprovalIfNeeded}); the system's own (the first
   * administrator, the demo accounts) do not.
   */
  async create(body: CreateUserBody, actor?: Actor | null): Promise<User> {
    const prepared = await this.prepare(body);
    return this.audit.transaction(async (manager) => {
      const approval = actor ? await this.requestApprovalIfNeeded(manager, prepared.role, null, actor) : NO_APPROVAL;
      return this.insert(manager, { ...prepared, ...approval }, actor);
    });
  }

  /** Who these users are, for answers that name people beside their ids; one query. */
  async people(ids: ReadonlyArray<string | null | undefined>, manager: EntityManager = this.dataSource.manager): Promise<Map<string, Person>> {
    const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
    if (wanted.length === 0) return new Map();
    const rows: Array<{ id: string; name: string; role: Role; municipality_code: string | null; active: boolean }> = await manager.query(
      'SELECT id, name, role, municipality_code, active FROM app_user WHERE id = ANY($1)',
      [wanted],
    );
    return new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, role: row.role, municipalityCode: row.municipality_code, active: row.active }]));
  }

  /** Every active caseworker (see {@link isActiveCaseworker}), by name in Danish order, ties by id. */
  async caseworkers(): Promise<Array<Pick<Person, 'id' | 'name'>>> {
    const rows: Array<{ id: string; name: string; role: Role; active: boolean }> = await this.dataSource.query(
      `SELECT id, name, role, active FROM app_user WHERE role = 'caseworker'`,
    );
    return rows
      .filter(isActiveCaseworker)
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => DANISH_ORDER.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** A kommune's active project leads: whom its contact on a case or an award can be (CasePeople.nameContact). */
  async projectLeads(municipalityCode: string): Promise<Array<Pick<Person, 'id' | 'name'>>> {
    const rows: Array<{ id: string; name: string }> = await this.dataSource.query(
      `SELECT id, name FROM app_user WHERE role = 'project_lead' AND active AND municipality_code = $1`,
      [municipalityCode],
    );
    return rows.sort((a, b) => DANISH_ORDER.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async list(query: UserQuery): Promise<Page<User>> {
    const builder = this.dataSource.getRepository(User).createQueryBuilder('user');
    if (query.role) builder.andWhere('user.role = :role', { role: query.role });
    if (query.municipalityCode) builder.andWhere('user.municipality_code = :code', { code: query.municipalityCode });
    if (query.active !== undefined) builder.andWhere('user.active = :active', { active: query.active });
    return keysetPage(builder, 'users', query, USER_ORDERS);
  }

  /**
   * Role, name, kommune and the active flag. Nobody changes their own role or deactivates themself;
   * a staff role given to someone waits for a second administrator's approval, and ends the user's
   * sessions until then; deactivating ends every session of the user at once.
   */
  update(id: string, body: UpdateUserBody, actor: Actor): Promise<User> {
    return this.audit.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundDomainException('Brugeren', id);
      const before = auditView(user);
      if (id === actor.id && ((body.role !== undefined && body.role !== user.role) || body.active === false)) throw AuthException.selfChange();

      const role = body.role ?? user.role;
      const requestedCode = body.municipalityCode ?? (role === 'project_lead' ? user.municipalityCode : null);
      user.municipalityCode = await this.checkedMunicipality(manager, role, requestedCode);
      user.role = role;
      user.name = body.name?.trim() ?? user.name;
      user.active = body.active ?? user.active;

      if (before.role === 'admin' && before.active && (user.role !== 'admin' || !user.active)) {
        // Locks the other admins' rows, so two admins cannot demote each other at the same time.
        const otherAdmins = await manager
          .createQueryBuilder(User, 'other')
          .select('other.id')
          .setLock('pessimistic_write')
          .where(`other.role = 'admin' AND other.active AND other.id <> :id`, { id })
          .getMany();
        if (otherAdmins.length === 0) throw AuthException.lastAdmin();
      }
      if (role !== before.role) Object.assign(user, await this.requestApprovalIfNeeded(manager, role, before.role, actor));
      // A change that changes nothing is neither saved nor audited.
      if (JSON.stringify(auditView(user)) === JSON.stringify(before)) return audited(user);
      const saved = await manager.save(user);
      if (before.active && !saved.active) await this.auth.revokeAllSessions(manager, saved.id, 'deactivated');
      if (!before.awaitingApproval && saved.approvalRequestedAt !== null) await this.auth.revokeAllSessions(manager, saved.id, 'awaiting-approval');
      return audited(saved, { action: 'user.updated', entityType: 'user', entityId: saved.id, before, after: auditView(saved) });
    });
  }

  /**
   * A second administrator approves a staff role another administrator gave: the account can sign in
   * from now on. The administrator who asked cannot approve their own request.
   */
  approve(id: string, actor: Actor): Promise<User> {
    return this.audit.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundDomainException('Brugeren', id);
      if (user.approvalRequestedAt === null) throw AuthException.approvalNotPossible('Brugeren venter ikke på godkendelse.');
      if (user.approvalRequestedBy === actor.id || user.id === actor.id) {
        throw AuthException.approvalNotPossible('En anden administrator end den, der gav rollen, skal godkende den.');
      }
      const before = auditView(user);
      const requestedBy = user.approvalRequestedBy;
      user.approvalRequestedBy = null;
      user.approvalRequestedAt = null;
      const saved = await manager.save(user);
      return audited(saved, { action: 'user.approved', entityType: 'user', entityId: id, before, after: { ...auditView(saved), requestedBy } });
    });
  }

  /** An administrator lets a user whose failed sign-ins made them wait sign in again at once, from anywhere. */
  unlock(id: string): Promise<User> {
    return this.audit.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundDomainException('Brugeren', id);
      const before = { failedLoginCount: user.failedLoginCount, lockedUntil: user.lockedUntil };
      user.failedLoginCount = 0;
      user.lockedUntil = null;
      const saved = await manager.save(user);
      await SignInThrottleStore.clear(manager, this.auth.emailHash(user.email));
      return audited(saved, {
        action: 'user.unlocked',
        entityType: 'user',
        entityId: id,
        before,
        after: { failedLoginCount: 0, lockedUntil: null },
      });
    });
  }

  /**
   * Giving someone a staff role (caseworker or admin) needs two administrators: the one who gives it and
   * another who approves it, so no administrator can make an account of their own (or their own) decide
   * cases alone. While the system has a single active administrator, there is nobody to approve, and the
   * role is given at once (the audit event shows it: `awaitingApproval` false).
   */
  private async requestApprovalIfNeeded(manager: EntityManager, role: Role, previousRole: Role | null, actor: Actor) {
    if (!STAFF_ROLES.includes(role) || role === previousRole) return NO_APPROVAL;
    const [{ others }]: Array<{ others: number }> = await manager.query(
      `SELECT count(*)::int AS others FROM app_user WHERE role = 'admin' AND active AND approval_requested_at IS NULL AND id <> $1`,
      [actor.id],
    );
    return others > 0 ? { approvalRequestedBy: actor.id, approvalRequestedAt: this.clock.now() } : NO_APPROVAL;
  }

  /**
   * At start-up: the first administrator from ADMIN_EMAIL/ADMIN_PASSWORD, when no administrator exists.
   * Several API processes may start at once; an advisory lock lets only one of them create it.
   */
  async ensureFirstAdmin(email: string, password: string): Promise<User | null> {
    const prepared = await this.prepare({ email, password, name: 'Administrator', role: 'admin' });
    return this.audit.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.firstAdministrator]);
      if ((await manager.countBy(User, { role: 'admin' })) > 0) return audited(null);
      return this.insert(manager, { ...prepared, ...NO_APPROVAL }, null);
    });
  }

  /** The checks and the (slow, so outside any transaction) password hashing of a new user. */
  private async prepare(body: CreateUserBody) {
    const email = normalizeEmail(body.email);
    const problems = passwordProblems(body.password, email, body.name);
    if (problems.length > 0) throw AuthException.weakPassword(problems);
    const municipalityCode = await this.checkedMunicipality(this.dataSource.manager, body.role, body.municipalityCode ?? null);
    return { email, name: body.name.trim(), role: body.role, municipalityCode, passwordHash: await this.passwords.hash(body.password) };
  }

  private async insert(
    manager: EntityManager,
    fields: Awaited<ReturnType<UsersService['prepare']>> & Pick<User, 'approvalRequestedBy' | 'approvalRequestedAt'>,
    actor?: Actor | null,
  ): Promise<Audited<User>> {
    if (await manager.existsBy(User, { email: fields.email })) throw AuthException.emailTaken();
    const user = await manager.save(manager.create(User, fields));
    return audited(user, { action: 'user.created', entityType: 'user', entityId: user.id, after: auditView(user), actor });
  }

  /** A project lead belongs to exactly one existing kommune; other roles to none. */
  private async checkedMunicipality(manager: EntityManager, role: Role, code: string | null): Promise<string | null> {
    if (role !== 'project_lead') {
      if (code !== null) throw AuthException.invalidUser('municipalityCode', 'gælder kun projektledere');
      return null;
    }
    if (code === null) throw AuthException.invalidUser('municipalityCode', 'skal udfyldes for en projektleder');
    const [kommune] = await manager.query('SELECT 1 FROM municipality WHERE code = $1', [code]);
    if (!kommune) throw AuthException.invalidUser('municipalityCode', 'er ikke en kommunekode');
    return code;
  }
}
