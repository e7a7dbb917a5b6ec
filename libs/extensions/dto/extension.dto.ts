import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ASSIGNEE_FILTER } from '../../applications/dto/application.dto.js';
import { CaseNames } from '../../applications/dto/case-names.dto.js';
import { PageQuery, SortParam } from '../../core/pagination/page.js';
import { normalizeMunicipalityCode } from '../../municipalities/municipality-code.js';
import type { ExtensionRequest } from '../extension-request.entity.js';
import { EXTENSION_STATUSES, type ExtensionStatus } from '../extension-request.lifecycle.js';

export class ExtensionRequestBody {
  @ApiProperty({ minimum: 1, maximum: 6, description: 'Whole months; the programme caps the sum of approved months (6)' })
  @IsInt()
  @Min(1)
  @Max(24)
  months: number;

  @ApiProperty({ enum: ['covid19'] })
  @IsIn(['covid19'])
  reason: 'covid19';

  @ApiProperty({ example: 'Nedlukningen af plejecentrene i foråret 2021 forsinkede afprøvningen med fem måneder.' })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  justification: string;
}

export class ExtensionDecisionBody {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'])
  outcome: 'approve' | 'reject';

  @ApiProperty({ description: 'Begrundelse; a rejection or a shorter approval must state its main considerations' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  rationale: string;

  @ApiPropertyOptional({ description: 'Fewer months than requested; all of them when left out' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24)
  approvedMonths?: number;
}

/** What the worklist sorts by (`sort`, `-` in front for descending). */
export const EXTENSION_SORT_FIELDS = ['requestedAt', 'decidedAt'] as const;
export type ExtensionSortField = (typeof EXTENSION_SORT_FIELDS)[number];

export class ExtensionQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EXTENSION_STATUSES })
  @IsOptional()
  @IsIn(EXTENSION_STATUSES)
  status?: ExtensionStatus;

  @ApiPropertyOptional({ example: 'me', description: 'The case’s assigned caseworker: `me`, a user id, or `none`' })
  @IsOptional()
  @Matches(ASSIGNEE_FILTER, { message: 'skal være me, none eller en brugers id' })
  assigneeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The programme of the award' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ example: '706', description: 'Lead or co-applicant kommune of the award' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? (normalizeMunicipalityCode(value) ?? value) : value))
  @Matches(/^\d{3}$/, { message: 'skal være en kommunekode på tre cifre' })
  municipalityCode?: string;

  @SortParam(EXTENSION_SORT_FIELDS, 'requestedAt', 'A request not yet decided comes before every decided one.')
  sort?: string;
}

export class ExtendedAward {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2022-12-30' }) endDate: string;
  @ApiProperty({ example: '2022-06-30' }) originalEndDate: string;
  @ApiProperty() approvedExtensionMonths: number;
}

export class ExtensionRequestResponse extends CaseNames {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) awardId: string;
  @ApiProperty() months: number;
  @ApiProperty({ enum: ['covid19'] }) reason: 'covid19';
  @ApiProperty() justification: string;
  @ApiProperty({ enum: EXTENSION_STATUSES }) status: ExtensionStatus;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty({ nullable: true, type: String }) requestedByName: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) decidedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedByName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) rationale: string | null;
  @ApiProperty({ nullable: true, type: Number }) approvedMonths: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'The award’s end date before an approval' }) endDateBefore: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The award’s end date after an approval' }) endDateAfter: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the project lead withdrew the request (status `withdrawn`)' })
  withdrawnAt: string | null;
  @ApiPropertyOptional({ type: ExtendedAward, description: 'With an approval: the award as it now stands' }) award?: ExtendedAward;

  static from(request: ExtensionRequest, names: CaseNames, people: ReadonlyMap<string, string>): ExtensionRequestResponse {
    return {
      ...names,
      id: request.id,
      awardId: request.awardId,
      months: request.months,
      reason: request.reason,
      justification: request.justification,
      status: request.status,
      requestedBy: request.requestedBy,
      requestedByName: people.get(request.requestedBy) ?? null,
      requestedAt: request.requestedAt.toISOString(),
      decidedBy: request.decidedBy,
      decidedByName: request.decidedBy ? (people.get(request.decidedBy) ?? null) : null,
      decidedAt: request.decidedAt?.toISOString() ?? null,
      rationale: request.decisionRationale,
      approvedMonths: request.approvedMonths,
      endDateBefore: request.endDateBefore,
      endDateAfter: request.endDateAfter,
      withdrawnAt: request.withdrawnAt?.toISOString() ?? null,
    };
  }
}

export class ExtensionRequestPage {
  @ApiProperty({ type: [ExtensionRequestResponse] }) items: ExtensionRequestResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
