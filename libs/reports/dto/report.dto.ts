import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { oreToApi } from '../../core/money/money.js';
import { PageQuery, SortParam } from '../../core/pagination/page.js';
import { IsCalendarDate, IsOre } from '../../core/validation/validators.js';
import { normalizeMunicipalityCode } from '../../municipalities/municipality-code.js';
import { ASSIGNEE_FILTER } from '../../applications/dto/application.dto.js';
import { CaseNames } from '../../applications/dto/case-names.dto.js';
import type { ProgressReport } from '../progress-report.entity.js';
import { REPORT_STATUSES, type ReportStatus } from '../report.lifecycle.js';
import type { ReportKind } from '../report-schedule.js';
import type { ReportSubmission } from '../report-submission.entity.js';

export const REPORT_STATUS_FILTERS = [...REPORT_STATUSES, 'overdue'] as const;

export class SubmitReportBody {
  @ApiProperty({ description: 'What happened in the period' })
  @IsString()
  @MinLength(1)
  @MaxLength(50000)
  narrative: string;

  @ApiProperty({ description: 'Øre spent so far', example: 250_000_000 })
  @IsOre(0)
  spentToDateOre: number;

  @ApiProperty({ type: [String], example: ['Selvstyrende teams etableret i to distrikter'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(2000, { each: true })
  milestones: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) deviations?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) nextSteps?: string;
}

export class ReviewReportBody {
  @ApiProperty({ enum: ['approve', 'return'] })
  @IsIn(['approve', 'return'])
  outcome: 'approve' | 'return';

  @ApiProperty({ description: 'To the project lead; with a return, what must be improved' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  comment: string;
}

/** What the worklist sorts by (`sort`, `-` in front for descending). */
export const REPORT_SORT_FIELDS = ['dueDate', 'submittedAt'] as const;
export type ReportSortField = (typeof REPORT_SORT_FIELDS)[number];

export class ReportQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REPORT_STATUS_FILTERS, description: '`overdue`: past due and not submitted' })
  @IsOptional()
  @IsIn(REPORT_STATUS_FILTERS)
  status?: (typeof REPORT_STATUS_FILTERS)[number];

  @ApiPropertyOptional({ enum: ['status', 'final'] })
  @IsOptional()
  @IsIn(['status', 'final'])
  kind?: ReportKind;

  @ApiPropertyOptional({ example: '2022-12-31', description: 'Due on or before this date' })
  @IsOptional()
  @IsCalendarDate()
  dueBefore?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ example: '706' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? (normalizeMunicipalityCode(value) ?? value) : value))
  @Matches(/^\d{3}$/, { message: 'skal være en kommunekode på tre cifre' })
  municipalityCode?: string;

  @ApiPropertyOptional({ example: 'me', description: 'The case’s assigned caseworker: `me`, a user id, or `none`' })
  @IsOptional()
  @Matches(ASSIGNEE_FILTER, { message: 'skal være me, none eller en brugers id' })
  assigneeId?: string;

  @SortParam(REPORT_SORT_FIELDS, 'dueDate', 'A report not yet submitted comes before every submitted one.')
  sort?: string;
}

export class ReportResponse extends CaseNames {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) awardId: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() municipalityCode: string;
  @ApiProperty({ enum: ['status', 'final'] }) kind: ReportKind;
  @ApiProperty() sequence: number;
  @ApiProperty({ example: '2022-09-30' }) dueDate: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ description: 'Past due and not submitted (derived)' }) overdue: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;

  static from(report: ProgressReport, today: string, names: CaseNames): ReportResponse {
    return {
      ...names,
      id: report.id,
      awardId: report.awardId,
      programmeId: report.programmeId,
      municipalityCode: report.municipalityCode,
      kind: report.kind,
      sequence: report.sequence,
      dueDate: report.dueDate,
      status: report.status,
      overdue: (report.status === 'due' || report.status === 'returned') && report.dueDate < today,
      submittedAt: report.submittedAt?.toISOString() ?? null,
    };
  }
}

export class SubmissionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() submissionNo: number;
  @ApiProperty() narrative: string;
  @ApiProperty() spentToDateOre: number;
  @ApiProperty({ type: [String] }) milestones: string[];
  @ApiProperty({ nullable: true, type: String }) deviations: string | null;
  @ApiProperty({ nullable: true, type: String }) nextSteps: string | null;
  @ApiProperty({ format: 'uuid' }) submittedBy: string;
  @ApiProperty({ nullable: true, type: String }) submittedByName: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ nullable: true, enum: ['approve', 'return'] }) reviewOutcome: 'approve' | 'return' | null;
  @ApiProperty({ nullable: true, type: String }) reviewComment: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) reviewedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewedByName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reviewedAt: string | null;

  static from(submission: ReportSubmission, people: ReadonlyMap<string, string>): SubmissionResponse {
    return {
      id: submission.id,
      submissionNo: submission.submissionNo,
      narrative: submission.narrative,
      spentToDateOre: oreToApi(submission.spentToDateOre),
      milestones: submission.milestones,
      deviations: submission.deviations,
      nextSteps: submission.nextSteps,
      submittedBy: submission.submittedBy,
      submittedByName: people.get(submission.submittedBy) ?? null,
      submittedAt: submission.submittedAt.toISOString(),
      reviewOutcome: submission.reviewOutcome,
      reviewComment: submission.reviewComment,
      reviewedBy: submission.reviewedBy,
      reviewedByName: submission.reviewedBy ? (people.get(submission.reviewedBy) ?? null) : null,
      reviewedAt: submission.reviewedAt?.toISOString() ?? null,
    };
  }
}

export class ReportDetailResponse extends ReportResponse {
  @ApiProperty({ type: [SubmissionResponse], description: 'Every submission, oldest first' }) submissions: SubmissionResponse[];
}

export class ReportPage {
  @ApiProperty({ type: [ReportResponse] }) items: ReportResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
