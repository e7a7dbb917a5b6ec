import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEvent } from '../audit-event.entity.js';

export class AuditEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Position in the hash chain' }) seq: number;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Mette Hansen', description: 'The actor’s name now; null for the system (no actor)' })
  actorName: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty({ example: 'application.submitted' }) action: string;
  @ApiProperty({ example: 'application' }) entityType: string;
  @ApiProperty({ nullable: true, type: String }) entityId: string | null;
  @ApiPropertyOptional({ nullable: true, type: Object }) before: unknown;
  @ApiPropertyOptional({ nullable: true, type: Object }) after: unknown;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
  @ApiProperty({
    example: 'Vurderingen overdraget til Mette Hansen',
    description: 'What happened, in one Danish sentence (amounts as `1.250.000 kr.`); every action has its words',
  })
  summary: string;

  static from(event: AuditEvent, words: { actorName: string | null; summary: string }): AuditEventResponse {
    return {
      id: event.id,
      seq: Number(event.seq),
      occurredAt: event.occurredAt.toISOString(),
      actorId: event.actorId,
      actorName: words.actorName,
      actorRole: event.actorRole,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before,
      after: event.after,
      requestId: event.requestId,
      prevHash: event.prevHash,
      hash: event.hash,
      summary: words.summary,
    };
  }
}

export class AuditEventPage {
  @ApiProperty({ type: [AuditEventResponse] }) items: AuditEventResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class KeptHeadResult {
  @ApiProperty() seq: number;
  @ApiProperty() hash: string;
  @ApiProperty({
    enum: ['matches', 'differs', 'missing'],
    description: '`differs`: the chain holds another event at that place; `missing`: it ends before it (cut short)',
  })
  status: 'matches' | 'differs' | 'missing';
}

export class ChainVerificationResponse {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'Events checked, up to and including the first broken one' }) checked: number;
  @ApiPropertyOptional({ format: 'uuid' }) firstBrokenId?: string;
  @ApiPropertyOptional({ type: KeptHeadResult, description: 'When a kept head was given' }) keptHead?: KeptHeadResult;
}

export class ChainHeadResponse {
  @ApiProperty({ description: 'The last event’s place in the chain (0 for an empty chain)' }) seq: number;
  @ApiProperty() hash: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) occurredAt: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ description: 'Names the audit key without revealing it; a new fingerprint means a new key' }) keyFingerprint: string;
  @ApiProperty({ example: 'tilskud-audit-head:v1:1042:9f…:2026-12-03T23:05:00.000Z', description: 'The text the signature is over' }) statement: string;
  @ApiProperty({ enum: ['Ed25519'] }) algorithm: 'Ed25519';
  @ApiProperty({ description: 'Base64 Ed25519 signature of `statement`' }) signature: string;
  @ApiProperty({ description: 'Base64 raw Ed25519 public key (32 bytes) to check the signature with' }) publicKey: string;
}
