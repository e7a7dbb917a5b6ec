import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One sign-in and every refresh that follows from it (the refresh-token family). Revoking the session
 * ends the family at once: its access tokens stop working on the next request.
 */
@Entity('auth_session')
export class AuthSession {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The family's refresh tokens are not renewed past this time; the user signs in again. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason: string | null;
}
