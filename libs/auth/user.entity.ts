import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Role } from '../core/context/request-context.js';

/** A person who signs in: name, work e-mail and role only (no other personal data, never a CPR number). */
@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: Role;

  /** The kommune a project lead works for; null for caseworkers and admins. */
  @Column({ name: 'municipality_code', type: 'char', length: 3, nullable: true })
  municipalityCode: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** argon2id, PHC string format. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'failed_login_count', type: 'int', default: 0 })
  failedLoginCount: number;

  /** Failed sign-ins in a row from addresses that are not the owner's (see `lockout.ts`). */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /**
   * Set while a staff role given to this account waits for a second administrator's approval: the
   * account cannot sign in until then.
   */
  @Column({ name: 'approval_requested_by', type: 'uuid', nullable: true })
  approvalRequestedBy: string | null;

  @Column({ name: 'approval_requested_at', type: 'timestamptz', nullable: true })
  approvalRequestedAt: Date | null;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
