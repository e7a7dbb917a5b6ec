import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { ASSIGNEE_FILTER } from '../../applications/dto/application.dto.js';
import { normalizeMunicipalityCode } from '../../municipalities/municipality-code.js';

/** The worklist's filters, each applied to every queue as that queue's list applies it. */
export class WorklistCountsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ example: '706', description: 'Lead or co-applicant kommune' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? (normalizeMunicipalityCode(value) ?? value) : value))
  @Matches(/^\d{3}$/, { message: 'skal være en kommunekode på tre cifre' })
  municipalityCode?: string;

  @ApiPropertyOptional({ example: 'me', description: 'The case’s assigned caseworker: `me`, a user id, or `none` for cases nobody has' })
  @IsOptional()
  @Matches(ASSIGNEE_FILTER, { message: 'skal være me, none eller en brugers id' })
  assigneeId?: string;
}

/** How many items wait in each of a caseworker's queues; each equals the length of the list named beside it, with the same filters. */
export class WorklistCountsResponse {
  @ApiProperty({ example: 12, description: 'Applications submitted or in assessment: `GET /applications?status=submitted` plus `?status=in_assessment`' })
  awaitingAssessment: number;

  @ApiProperty({
    example: 3,
    description: 'Assessed applications the caller may decide now: `GET /applications?decidableBy=me` (0 for an admin, who decides nothing)',
  })
  awaitingMyDecision: number;

  @ApiProperty({ example: 5, description: 'Reports submitted and waiting for review: `GET /reports?status=submitted`' })
  reportsToReview: number;

  @ApiProperty({ example: 1, description: 'Extension requests waiting for a decision: `GET /extension-requests?status=submitted`' })
  extensionsToDecide: number;

  @ApiProperty({ example: 2, description: 'Reports past due and not submitted: `GET /reports?status=overdue`' })
  overdueReports: number;

  @ApiProperty({ example: 1, description: 'Access requests (aktindsigt) not yet answered: `GET /access-requests?status=open`' })
  accessRequestsOpen: number;

  @ApiProperty({ example: 0, description: 'Access requests not answered by their due date (Copenhagen today): `GET /access-requests?status=overdue`' })
  accessRequestsOverdue: number;

  @ApiProperty({
    example: 3,
    description:
      'Instalments ready and waiting for a caseworker’s payment approval: `GET /instalments?status=ready` (including those the caller may not approve under four-eyes; each item there says)',
  })
  instalmentsReady: number;

  @ApiProperty({ example: 2, description: 'Final accounts filed and waiting for review: `GET /final-accounts?status=submitted`' })
  finalAccountsToReview: number;

  @ApiProperty({ example: 1, description: 'Repayment claims neither paid back nor waived: `GET /repayments?status=open`' })
  repaymentsOpen: number;

  @ApiProperty({ example: 0, description: 'Open repayment claims past their due date (Copenhagen today): `GET /repayments?status=overdue`' })
  repaymentsOverdue: number;
}
