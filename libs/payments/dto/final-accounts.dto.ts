import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ASSIGNEE_FILTER } from '../../applications/dto/application.dto.js';
import { oreToApi } from '../../core/money/money.js';
import { PageQuery } from '../../core/pagination/page.js';
import { IsCalendarDate, IsOre } from '../../core/validation/validators.js';
import { normalizeMunicipalityCode } from '../../municipalities/municipality-code.js';
import { FINAL_ACCOUNT_STATUSES, type FinalAccount, type FinalAccountStatus } from '../final-account.entity.js';
import { REPAYMENT_CAUSES, REPAYMENT_STATUSES, type Repayment, type RepaymentCause, type RepaymentStatus } from '../repayment.entity.js';

export class FinalBudgetLineDto {
  @ApiProperty({ example: 'Løn til projektleder' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'skal udfyldes' })
  label: string;

  @ApiProperty({ example: 240_000_000, description: 'Øre: what the line was budgeted at' })
  @IsOre(0)
  budgetOre: number;

  @ApiProperty({ example: 231_000_000, description: 'Øre: what was spent on the line' })
  @IsOre(0)
  spentOre: number;
}

export class FileFinalAccountsBody {
  @ApiProperty({ example: 700_000_000, description: 'Øre: what the project spent of the award in all; at most the award, the sum of the lines’ `spentOre`' })
  @IsOre(0)
  spentOre: number;

  @ApiProperty({ type: [FinalBudgetLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FinalBudgetLineDto)
  budgetLines: FinalBudgetLineDto[];

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A document of kind `auditor_statement` uploaded on the award; required when the award is at or above the programme’s `auditorStatementThresholdOre`',
  })
  @IsOptional()
  @IsUUID()
  auditorStatementDocumentId?: string;

  @ApiPropertyOptional({ description: 'The kommune’s remarks on the accounts' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}

export class ReviewFinalAccountsBody {
  @ApiProperty({ enum: ['approve', 'return'] })
  @IsIn(['approve', 'return'])
  outcome: 'approve' | 'return';

  @ApiProperty({ description: 'To the kommune; with a return, what must be corrected' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  @Matches(/\S/, { message: 'skal udfyldes' })
  comment: string;
}

export class FinalBudgetLineResponse {
  @ApiProperty() label: string;
  @ApiProperty() budgetOre: number;
  @ApiProperty() spentOre: number;
}

export class FinalAccountResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) awardId: string;
  @ApiProperty({ format: 'uuid', description: 'The case (application) the award was made on' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ example: '751', description: 'The lead kommune' }) municipalityCode: string;
  @ApiProperty() caseNumber: string;
  @ApiProperty({ description: '1, 2, … : each filing is kept; a returned one is followed by the next' }) filingNo: number;
  @ApiProperty({ description: 'Øre' }) spentOre: number;
  @ApiProperty({ type: [FinalBudgetLineResponse] }) budgetLines: FinalBudgetLineResponse[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) auditorStatementDocumentId: string | null;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ enum: FINAL_ACCOUNT_STATUSES }) status: FinalAccountStatus;
  @ApiProperty({ format: 'uuid' }) filedBy: string;
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) reviewedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reviewedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewComment: string | null;

  static from(account: FinalAccount): FinalAccountResponse {
    return {
      id: account.id,
      awardId: account.awardId,
      applicationId: account.applicationId,
      programmeId: account.programmeId,
      municipalityCode: account.municipalityCode,
      caseNumber: account.caseNumber,
      filingNo: account.filingNo,
      spentOre: oreToApi(account.spentOre),
      budgetLines: account.budgetLines.map((line) => ({ label: line.label, budgetOre: Number(line.budgetOre), spentOre: Number(line.spentOre) })),
      auditorStatementDocumentId: account.auditorStatementDocumentId,
      comment: account.comment,
      status: account.status,
      filedBy: account.filedBy,
      filedAt: account.filedAt.toISOString(),
      reviewedBy: account.reviewedBy,
      reviewedAt: account.reviewedAt?.toISOString() ?? null,
      reviewComment: account.reviewComment,
    };
  }
}

export class RepaymentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) awardId: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() caseNumber: string;
  @ApiProperty({ example: '706', description: 'The lead kommune' }) municipalityCode: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The approved final accounts behind the claim; null for a cancellation’s' })
  finalAccountId: string | null;
  @ApiProperty({
    enum: REPAYMENT_CAUSES,
    description: '`final_accounts`: paid beyond the approved spending; `cancellation`: paid on an award that was cancelled (bortfald)',
  })
  cause: RepaymentCause;
  @ApiProperty({ description: 'Øre: what was paid beyond the approved spending, or paid on the cancelled award' }) amountOre: number;
  @ApiProperty({ example: '2021-03-01', description: 'To be paid back by (30 days after the final accounts’ approval)' }) dueDate: string;
  @ApiProperty({ enum: REPAYMENT_STATUSES }) status: RepaymentStatus;
  @ApiProperty({ description: 'Open and past its due date' }) overdue: boolean;
  @ApiProperty({ nullable: true, type: String }) settledOn: string | null;
  @ApiProperty({ nullable: true, type: String }) reference: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) settledBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) settledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) waiveReason: string | null;
  @ApiProperty({ description: 'Waived at once, being below the programme’s `repaymentWaiverOre`' }) waivedAutomatically: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) waivedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) waivedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(repayment: Repayment, today: string): RepaymentResponse {
    return {
      id: repayment.id,
      awardId: repayment.awardId,
      applicationId: repayment.applicationId,
      programmeId: repayment.programmeId,
      caseNumber: repayment.caseNumber,
      municipalityCode: repayment.municipalityCode,
      finalAccountId: repayment.finalAccountId,
      cause: repayment.cause,
      amountOre: oreToApi(repayment.amountOre),
      dueDate: repayment.dueDate,
      status: repayment.status,
      overdue: repayment.status === 'open' && repayment.dueDate < today,
      settledOn: repayment.settledOn,
      reference: repayment.settlementReference,
      settledBy: repayment.settledBy,
      settledAt: repayment.settledAt?.toISOString() ?? null,
      waiveReason: repayment.waiveReason,
      waivedAutomatically: repayment.waivedAutomatically,
      waivedBy: repayment.waivedBy,
      waivedAt: repayment.waivedAt?.toISOString() ?? null,
      createdAt: repayment.createdAt.toISOString(),
    };
  }
}

export class ReducedInstalment {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fromOre: number;
  @ApiProperty() toOre: number;
}

/** What an approval settled: only the spending is paid, the rest released or claimed back. */
export class SettlementResponse {
  @ApiProperty({ description: 'Øre still to be paid out of the unpaid instalments: max(0, spent − paid)' }) payableOre: number;
  @ApiProperty({ description: 'Øre released to the programme’s budget now: award − max(spent, paid)' }) releasedOre: number;
  @ApiProperty({ type: [ReducedInstalment] }) reducedInstalments: ReducedInstalment[];
  @ApiProperty({ type: [String], description: 'Instalments no longer due, cancelled' }) cancelledInstalmentIds: string[];
  @ApiProperty({ type: RepaymentResponse, nullable: true, description: 'The claim for what was paid beyond the spending, if any' })
  repayment: RepaymentResponse | null;
}

export class FinalAccountReviewResponse extends FinalAccountResponse {
  @ApiProperty({ type: SettlementResponse, nullable: true, description: 'With an approval' }) settlement: SettlementResponse | null;
}

/** The worklist's filters, as the instalments' queue takes them: the programme, a kommune (lead or co-applicant), the case's caseworker. */
class CaseQueueQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ example: '706', description: 'Lead or co-applicant kommune' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? (normalizeMunicipalityCode(value) ?? value) : value))
  @Matches(/^\d{3}$/, { message: 'skal være en kommunekode på tre cifre' })
  municipalityCode?: string;

  @ApiPropertyOptional({ example: 'me', description: 'The case’s assigned caseworker: `me`, a user id, or `none`' })
  @IsOptional()
  @Matches(ASSIGNEE_FILTER, { message: 'skal være me, none eller en brugers id' })
  assigneeId?: string;
}

export class RepaymentQuery extends CaseQueueQuery {
  @ApiPropertyOptional({ enum: [...REPAYMENT_STATUSES, 'overdue'], description: '`overdue`: open and past its due date' })
  @IsOptional()
  @IsIn([...REPAYMENT_STATUSES, 'overdue'])
  status?: RepaymentStatus | 'overdue';
}

export class FinalAccountQuery extends CaseQueueQuery {
  @ApiPropertyOptional({ enum: FINAL_ACCOUNT_STATUSES, description: '`submitted`: the review queue, the longest waiting first' })
  @IsOptional()
  @IsIn(FINAL_ACCOUNT_STATUSES)
  status?: FinalAccountStatus;
}

export class FinalAccountPage {
  @ApiProperty({ type: [FinalAccountResponse] }) items: FinalAccountResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class RepaymentPage {
  @ApiProperty({ type: [RepaymentResponse] }) items: RepaymentResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class SettleRepaymentBody {
  @ApiProperty({ example: '2021-03-01', description: 'The day the money was paid back' })
  @IsCalendarDate()
  settledOn: string;

  @ApiProperty({ example: 'NAV-2021-000456', description: 'The repayment’s reference in the finance system' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'skal udfyldes' })
  reference: string;
}

export class WaiveRepaymentBody {
  @ApiProperty({ example: 'Kommunen har dokumenteret yderligere udgifter, som ministeriet godkender.' })
  @IsString()
  @MinLength(10, { message: 'skal sige hvorfor, med mindst 10 tegn' })
  // Ten characters of text, not ten spaces (the reason is stored trimmed).
  @Matches(/^\s*\S[\s\S]{8,}\S\s*$/, { message: 'skal sige hvorfor, med mindst 10 tegn' })
  @MaxLength(2000)
  reason: string;
}

export class CloseoutItem {
  @ApiProperty({ example: 'Slutregnskabet er ikke godkendt', description: 'What is still open, in Danish' }) what: string;
  @ApiProperty({ format: 'uuid', description: 'The report, final account, instalment, repayment claim (or award) it is about' }) id: string;
}

export class CloseoutResponse {
  @ApiProperty({ format: 'uuid' }) awardId: string;
  @ApiProperty({ example: 'completed' }) status: string;
  @ApiProperty({ description: 'Whether the award can be closed now: completed, and nothing open' }) closable: boolean;
  @ApiProperty({ type: [CloseoutItem] }) open: CloseoutItem[];
}
