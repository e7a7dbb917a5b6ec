import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ApiAssumed, type AssumedValues } from '../../core/assumed/assumed-values.js';
import { MAX_AMOUNT_ORE, oreToApi } from '../../core/money/money.js';
import { PageQuery, SortParam } from '../../core/pagination/page.js';
import { IsInstant, IsOre } from '../../core/validation/validators.js';
import type { Ledger } from '../ledger.js';
import type { BudgetAdjustment } from '../budget-adjustment.entity.js';
import { DECISION_MODES, type DecisionMode, type Programme } from '../programme.entity.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../document-kinds.js';
import { DEFAULT_PAYMENT_PLAN, INSTALMENT_TRIGGERS, type InstalmentTrigger } from '../payment-plan.js';

const KEY = /^[a-z0-9][a-z0-9-]{0,49}$/;

export class ThemeDto {
  @ApiProperty({ example: 'livskvalitet' })
  @Matches(KEY, { message: 'skal være 1–50 små bogstaver, cifre eller -' })
  key: string;

  @ApiProperty({ example: 'Livskvalitet' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

export class CriterionDto {
  @ApiProperty({ example: 'formaal' })
  @Matches(KEY, { message: 'skal være 1–50 små bogstaver, cifre eller -' })
  key: string;

  @ApiProperty({ example: 'Understøtter puljens formål' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @ApiProperty()
  @IsString()
  @MaxLength(5000)
  description: string;
}

/** One share of the payment plan: whole percent of the award, and what makes it payable. */
export class PaymentPlanShareDto {
  @ApiProperty({ example: 50, minimum: 1, maximum: 100, description: 'Whole percent of the award; the plan’s shares sum to 100' })
  @IsInt()
  @Min(1)
  @Max(100)
  sharePct: number;

  @ApiProperty({
    enum: INSTALMENT_TRIGGERS,
    description:
      '`award`: payable when the award is made; `status_report_approved`: when status report number `sequence` is approved; `final_accounts_approved`: when the final accounts are approved',
  })
  @IsIn(INSTALMENT_TRIGGERS)
  trigger: InstalmentTrigger;

  @ApiPropertyOptional({ example: 1, minimum: 1, maximum: 50, description: 'The status report’s number, with `status_report_approved` only' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  sequence?: number;
}

const PAYMENT_PLAN_DESCRIPTION =
  'How an award is paid out in instalments (rater): whole-percent shares summing to 100 (422 `payment-plan-invalid` otherwise), each with its trigger. ' +
  'Default 50 % at the award, 40 % when the first status report is approved, 10 % held back until the final accounts are approved';

export class CreateProgrammeBody {
  @ApiProperty({ example: 'ÆLD-2020', description: 'Two to ten capital letters, a dash and a year; the stem of case numbers' })
  @Matches(/^[A-ZÆØÅ]{2,10}-\d{4}$/, { message: 'skal være store bogstaver, en bindestreg og et årstal, fx ÆLD-2020' })
  code: string;

  @ApiProperty({ example: 'Pulje til at styrke omsorg og nærvær i ældreplejen' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiProperty({ example: 24_500_000_000, description: 'Øre' })
  @IsOre()
  budgetOre: number;

  @ApiProperty({ example: 500_000_000, description: 'Øre; applications below it are refused at submission' })
  @IsOre(0)
  minApplicationOre: number;

  @ApiProperty({ example: '2020-08-24T00:00', description: 'ISO 8601; without an offset it is Copenhagen time' })
  @IsInstant()
  applicationOpensAt: string;

  @ApiProperty({ example: '2020-10-19T12:00', description: 'ISO 8601; without an offset it is Copenhagen time' })
  @IsInstant()
  applicationClosesAt: string;

  @ApiPropertyOptional({ default: 6 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24)
  maxCovidExtensionMonths: number = 6;

  @ApiPropertyOptional({ default: 12 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36)
  statusReportIntervalMonths: number = 12;

  @ApiPropertyOptional({ default: 3 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24)
  finalReportDueMonths: number = 3;

  @ApiPropertyOptional({ default: 60, description: 'The longest project period an application may plan, or a decision award' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  maxProjectMonths: number = 60;

  @ApiProperty({ type: [ThemeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ThemeDto)
  themes: ThemeDto[];

  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria: CriterionDto[];

  @ApiPropertyOptional({ example: 'Aktstykke nr. 20 af 29. oktober 2020' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  legalBasis?: string;

  @ApiPropertyOptional({ description: 'Klagevejledning (forvaltningsloven § 25), attached to every decision' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  appealGuidance?: string;

  @ApiPropertyOptional({ description: 'The programme’s own conditions, printed in every award letter after the standard ones' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  awardConditions?: string;

  @ApiPropertyOptional({
    enum: DECISION_MODES,
    default: 'after_deadline',
    description: '`after_deadline`: no decision before the window has closed (a competitive pool, equal treatment); `rolling`: decided as applications arrive',
  })
  @IsOptional()
  @IsIn(DECISION_MODES)
  decisionMode?: DecisionMode;

  @ApiPropertyOptional({ description: 'What the programme is for, shown to applicants' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Whether submission needs budget lines summing to `requestedOre` (422 `budget-lines-mismatch` otherwise)',
  })
  @IsOptional()
  @IsBoolean()
  requiresBudgetLines?: boolean;

  @ApiPropertyOptional({
    enum: DOCUMENT_KINDS,
    isArray: true,
    default: [],
    description: 'Kinds of document that must be on the case before submission (422 `documents-missing` otherwise)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DOCUMENT_KINDS.length)
  @ArrayUnique()
  @IsIn(DOCUMENT_KINDS, { each: true, message: `hvert element skal være en af: ${DOCUMENT_KINDS.join(', ')}` })
  requiredDocumentKinds?: DocumentKind[];

  @ApiPropertyOptional({ type: [PaymentPlanShareDto], description: PAYMENT_PLAN_DESCRIPTION, default: DEFAULT_PAYMENT_PLAN })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PaymentPlanShareDto)
  paymentPlan?: PaymentPlanShareDto[];

  @ApiPropertyOptional({
    description: 'Øre; an award at or above it needs an auditor’s statement (revisorerklæring) with its final accounts (default 500.000 kr.)',
  })
  @IsOptional()
  @IsOre(0)
  auditorStatementThresholdOre?: number;

  @ApiPropertyOptional({ description: 'Øre; a repayment claim below it is waived at once (default 1.000 kr.)' })
  @IsOptional()
  @IsOre(0)
  repaymentWaiverOre?: number;
}

/**
 * What an administrator may change after creation: the texts at any time; a date only while it has
 * not passed (and never to one that has); criteria, themes, the decision mode and what submission
 * requires only before the first submission. The budget changes through adjustments, the code never.
 */
export class UpdateProgrammeBody {
  @ApiPropertyOptional({ description: 'The version read; a stale one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(300) name?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(20000) description?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(5000) appealGuidance?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(2000) legalBasis?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(20000) awardConditions?: string | null;
  @ApiPropertyOptional({ description: 'ISO 8601; only while the current opening has not passed' }) @IsOptional() @IsInstant() applicationOpensAt?: string;
  @ApiPropertyOptional({ description: 'ISO 8601; only while the current closing has not passed' }) @IsOptional() @IsInstant() applicationClosesAt?: string;
  @ApiPropertyOptional({ enum: DECISION_MODES, description: 'Only before the first submission' })
  @IsOptional()
  @IsIn(DECISION_MODES)
  decisionMode?: DecisionMode;

  @ApiPropertyOptional({ type: [ThemeDto], description: 'Only before the first submission' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ThemeDto)
  themes?: ThemeDto[];

  @ApiPropertyOptional({ type: [CriterionDto], description: 'Only before the first submission' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria?: CriterionDto[];

  @ApiPropertyOptional({ description: 'Only before the first submission' })
  @IsOptional()
  @IsBoolean()
  requiresBudgetLines?: boolean;

  @ApiPropertyOptional({ enum: DOCUMENT_KINDS, isArray: true, description: 'Only before the first submission' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DOCUMENT_KINDS.length)
  @ArrayUnique()
  @IsIn(DOCUMENT_KINDS, { each: true, message: `hvert element skal være en af: ${DOCUMENT_KINDS.join(', ')}` })
  requiredDocumentKinds?: DocumentKind[];

  @ApiPropertyOptional({ type: [PaymentPlanShareDto], description: `${PAYMENT_PLAN_DESCRIPTION}. Only before the programme's first award` })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PaymentPlanShareDto)
  paymentPlan?: PaymentPlanShareDto[];

  @ApiPropertyOptional({
    description: 'Øre; an award at or above it needs an auditor’s statement (revisorerklæring) with its final accounts (default 500.000 kr.)',
  })
  @IsOptional()
  @IsOre(0)
  auditorStatementThresholdOre?: number;

  @ApiPropertyOptional({ description: 'Øre; a repayment claim below it is waived at once (default 1.000 kr.)' })
  @IsOptional()
  @IsOre(0)
  repaymentWaiverOre?: number;
}

export class BudgetAdjustmentBody {
  @ApiProperty({ example: 100_000_000, description: 'Øre; negative to reduce the budget' })
  @IsOre(-Number(MAX_AMOUNT_ORE))
  deltaOre: number;

  @ApiProperty({ example: 'Restbeløb fra 2019-puljen overført efter aftale med Finansministeriet' })
  @IsString()
  @MinLength(10, { message: 'skal sige hvorfor, med mindst 10 tegn' })
  @MaxLength(2000)
  reason: string;
}

/** What the list sorts by (`sort`, `-` in front for descending). */
export const PROGRAMME_SORT_FIELDS = ['code', 'name', 'applicationClosesAt'] as const;
export type ProgrammeSortField = (typeof PROGRAMME_SORT_FIELDS)[number];

export class ProgrammeQuery extends PageQuery {
  @SortParam(PROGRAMME_SORT_FIELDS, 'code')
  sort?: string;
}

export class ProgrammeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() budgetOre: number;
  @ApiProperty() minApplicationOre: number;
  @ApiProperty({ format: 'date-time' }) applicationOpensAt: string;
  @ApiProperty({ format: 'date-time' }) applicationClosesAt: string;
  @ApiProperty() maxCovidExtensionMonths: number;
  @ApiProperty() statusReportIntervalMonths: number;
  @ApiProperty() finalReportDueMonths: number;
  @ApiProperty({ description: 'The longest project period an application may plan, or a decision award' }) maxProjectMonths: number;
  @ApiProperty({ type: [ThemeDto] }) themes: ThemeDto[];
  @ApiProperty({ type: [CriterionDto] }) criteria: CriterionDto[];
  @ApiProperty({ nullable: true, type: String }) legalBasis: string | null;
  @ApiProperty({ nullable: true, type: String }) awardConditions: string | null;
  @ApiProperty({ nullable: true, type: String }) appealGuidance: string | null;
  @ApiProperty({ enum: DECISION_MODES }) decisionMode: DecisionMode;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ description: 'Whether submission needs budget lines summing to `requestedOre`' }) requiresBudgetLines: boolean;
  @ApiProperty({ enum: DOCUMENT_KINDS, isArray: true, description: 'Kinds of document that must be on the case before submission' })
  requiredDocumentKinds: string[];
  @ApiProperty({ description: 'Whether an application has been submitted: criteria, themes and the decision mode are then fixed' })
  hasSubmissions: boolean;
  @ApiProperty({ type: [PaymentPlanShareDto], description: PAYMENT_PLAN_DESCRIPTION }) paymentPlan: PaymentPlanShareDto[];
  @ApiProperty({ description: 'Øre; an award at or above it needs an auditor’s statement with its final accounts' }) auditorStatementThresholdOre: number;
  @ApiProperty({ description: 'Øre; a repayment claim below it is waived at once' }) repaymentWaiverOre: number;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'Sum of awards not cancelled' }) committedOre: number;
  @ApiProperty({ description: 'Sum of budget adjustments' }) adjustmentsOre: number;
  @ApiProperty({ description: 'Committed money released back to the budget (final accounts below the award, repayments)' }) releasedOre: number;
  @ApiProperty({ description: 'budget + adjustments − committed + released' }) remainingOre: number;
  @ApiAssumed({ criteria: 'Vurderingskriterierne er ikke offentliggjort: de er udledt af de offentliggjorte begrundelser.' })
  assumed: AssumedValues;

  static from(programme: Programme, ledger: Ledger): ProgrammeResponse {
    return {
      id: programme.id,
      code: programme.code,
      name: programme.name,
      budgetOre: oreToApi(programme.budgetOre),
      minApplicationOre: oreToApi(programme.minApplicationOre),
      applicationOpensAt: programme.applicationOpensAt.toISOString(),
      applicationClosesAt: programme.applicationClosesAt.toISOString(),
      maxCovidExtensionMonths: programme.maxCovidExtensionMonths,
      statusReportIntervalMonths: programme.statusReportIntervalMonths,
      finalReportDueMonths: programme.finalReportDueMonths,
      maxProjectMonths: programme.maxProjectMonths,
      themes: programme.themes,
      criteria: programme.criteria,
      legalBasis: programme.legalBasis,
      awardConditions: programme.awardConditions,
      appealGuidance: programme.appealGuidance,
      decisionMode: programme.decisionMode,
      description: programme.description,
      requiresBudgetLines: programme.requiresBudgetLines,
      requiredDocumentKinds: programme.requiredDocumentKinds,
      hasSubmissions: programme.lastCaseNumber > 0,
      paymentPlan: programme.paymentPlan,
      auditorStatementThresholdOre: oreToApi(programme.auditorStatementThresholdOre),
      repaymentWaiverOre: oreToApi(programme.repaymentWaiverOre),
      version: programme.version,
      committedOre: oreToApi(ledger.committedOre),
      adjustmentsOre: oreToApi(ledger.adjustmentsOre),
      releasedOre: oreToApi(ledger.releasedOre),
      remainingOre: oreToApi(ledger.remainingOre),
      assumed: programme.assumed ?? {},
    };
  }
}

export class ProgrammePage {
  @ApiProperty({ type: [ProgrammeResponse] }) items: ProgrammeResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class BudgetAdjustmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() deltaOre: number;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class LedgerAwardLine {
  @ApiProperty({ format: 'uuid' }) awardId: string;
  @ApiProperty({ example: 'ÆLD-2020-0007' }) caseNumber: string;
  @ApiProperty({ example: '706' }) municipalityCode: string;
  @ApiProperty() amountOre: number;
  @ApiProperty() requestedOre: number;
  @ApiProperty({ example: 'active' }) status: string;
  @ApiProperty({ type: [String], example: ['livskvalitet'], description: 'The theme keys the application named (none for an import whose sources are silent)' })
  themes: string[];
  @ApiProperty({ description: 'Of its instalments: paid out (0 for an imported historical award, whose payments are not registered here)' }) paidOre: number;
  @ApiProperty({ description: 'Of its instalments: approved for payment and not yet paid' }) approvedUnpaidOre: number;
  @ApiProperty({ description: 'Of its commitment: released back to the budget (final accounts below the award, repaid claims)' }) releasedOre: number;
  @ApiProperty({ description: 'Of its repayment claims: open (neither settled nor waived)' }) repaymentsOpenOre: number;
  @ApiProperty({ description: 'Of its repayment claims: paid back (settled); paid − repaid ≤ committed' }) repaidOre: number;
}

export class MunicipalityTotal {
  @ApiProperty({ example: '101' }) municipalityCode: string;
  @ApiProperty({ example: 'København' }) name: string;
  @ApiProperty() awards: number;
  @ApiProperty() amountOre: number;
}

export class DeviationResponse {
  @ApiProperty({ enum: ['budget-exceeded', 'below-minimum', 'above-requested'], description: 'The rule broken: a stable code' }) rule: string;
  @ApiProperty({ nullable: true, type: String }) caseNumber: string | null;
  @ApiProperty({
    description: 'What the deviation is, in Danish, with its amounts',
    example: 'Tilsagnet er på 4.884.429 kr., under puljens mindstebeløb på 5.000.000 kr.',
  })
  message: string;
  @ApiProperty({ description: 'The same text as `message` (kept for clients that read this field)', deprecated: true }) detail: string;
}

export class LedgerResponse {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() budgetOre: number;
  @ApiProperty() adjustmentsOre: number;
  @ApiProperty() committedOre: number;
  @ApiProperty({ description: 'Committed money released back to the budget; budget + adjustments − committed + released = remaining' }) releasedOre: number;
  @ApiProperty() remainingOre: number;
  @ApiProperty({ description: 'How much more is committed than budget + adjustments; 0 when within budget' }) overCommittedOre: number;
  @ApiProperty({ description: 'Paid out of the awards’ instalments: part of what is committed, it moves neither committed nor remaining' }) paidOre: number;
  @ApiProperty({ description: 'Approved for payment and not yet paid' }) approvedUnpaidOre: number;
  @ApiProperty({ description: 'Repayment claims open (neither settled nor waived)' }) repaymentsOpenOre: number;
  @ApiProperty({ description: 'Repayment claims paid back' }) repaidOre: number;
  @ApiProperty({ type: [LedgerAwardLine] }) awards: LedgerAwardLine[];
  @ApiProperty({ type: [BudgetAdjustmentResponse] }) adjustments: BudgetAdjustmentResponse[];
  @ApiProperty({ type: [MunicipalityTotal], description: 'Committed per lead kommune, largest first' }) byMunicipality: MunicipalityTotal[];
  @ApiProperty({ type: [DeviationResponse], description: 'Where the books and the programme’s rules disagree (shown, never corrected)' })
  deviations: DeviationResponse[];
}

export const adjustmentResponse = (adjustment: BudgetAdjustment): BudgetAdjustmentResponse => ({
  id: adjustment.id,
  programmeId: adjustment.programmeId,
  deltaOre: oreToApi(adjustment.deltaOre),
  reason: adjustment.reason,
  createdBy: adjustment.createdBy,
  createdAt: adjustment.createdAt.toISOString(),
});
