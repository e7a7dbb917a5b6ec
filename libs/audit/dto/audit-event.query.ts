import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery, SortParam } from '../../core/pagination/page.js';
import { IsInstant } from '../../core/validation/validators.js';

/** What the trail sorts by (`sort`, `-` in front for descending): its chain order. */
export const AUDIT_EVENT_SORT_FIELDS = ['seq'] as const;
export type AuditEventSortField = (typeof AUDIT_EVENT_SORT_FIELDS)[number];

export class AuditEventQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'application' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An application id: every event of the case (application, assessment, decision, award, reports, extension requests, assignments, contacts)',
  })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'auth.login_failed' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ description: 'From this time (inclusive); without an offset, Copenhagen time', example: '2020-12-18T00:00:00Z' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this time (exclusive)' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @SortParam(AUDIT_EVENT_SORT_FIELDS, '-seq')
  sort?: string;
}

/** A head kept from `GET /audit-events/head` (or the daily log line): both or neither. */
export class ChainVerificationQuery {
  @ApiPropertyOptional({ description: 'The kept head’s `seq`' })
  @ValidateIf((query: ChainVerificationQuery) => query.headSeq !== undefined || query.headHash !== undefined)
  @Type(() => Number)
  @IsInt()
  @Min(0)
  headSeq?: number;

  @ApiPropertyOptional({ description: 'The kept head’s `hash`' })
  @ValidateIf((query: ChainVerificationQuery) => query.headSeq !== undefined || query.headHash !== undefined)
  @Matches(/^[0-9a-f]{64}$/, { message: 'skal være 64 hexadecimale cifre' })
  headHash?: string;
}
