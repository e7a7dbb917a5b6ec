import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ASSIGNEE_FILTER } from '../../applications/dto/application.dto.js';
import { normalizeMunicipalityCode } from '../../municipalities/municipality-code.js';
import { CaseNames } from '../../applications/dto/case-names.dto.js';
import { oreToApi } from '../../core/money/money.js';
import { PageQuery } from '../../core/pagination/page.js';
import { IsCalendarDate } from '../../core/validation/validators.js';
import { INSTALMENT_TRIGGERS, type InstalmentTrigger } from '../../programmes/payment-plan.js';
import type { Instalment } from '../instalment.entity.js';
import { INSTALMENT_STATUSES, type InstalmentStatus } from '../instalment.lifecycle.js';

export class InstalmentQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INSTALMENT_STATUSES, description: '`ready`: the payment approval queue, the longest waiting first' })
  @IsOptional()
  @IsIn(INSTALMENT_STATUSES)
  status?: InstalmentStatus;

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

export class RecordPaymentBody {
  @ApiProperty({ example: '2021-01-15', description: 'The day the finance system paid the instalment' })
  @IsCalendarDate()
  paidOn: string;

  @ApiProperty({ example: 'NAV-2021-000123', description: 'The payment’s reference in the finance system' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'skal udfyldes' })
  reference: string;
}

/** Whether the caller may approve an instalment now, and if not, why (in Danish). */
export interface ApprovalRight {
  mayApprove: boolean;
  reason: string | null;
}

export class InstalmentResponse extends CaseNames {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) awardId: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ example: '706', description: 'The lead kommune' }) municipalityCode: string;
  @ApiProperty({ example: 1, description: '1, 2, … in the order of the payment plan' }) sequence: number;
  @ApiProperty({ enum: INSTALMENT_TRIGGERS }) trigger: InstalmentTrigger;
  @ApiProperty({ nullable: true, type: Number, description: 'With `status_report_approved`: the number of the status report whose approval makes it payable' })
  reportSequence: number | null;
  @ApiProperty({ example: 50 }) sharePct: number;
  @ApiProperty({ description: 'Øre; the instalments of an award sum to its amount exactly' }) amountOre: number;
  @ApiProperty({ enum: INSTALMENT_STATUSES }) status: InstalmentStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When its trigger happened (ready since)' }) readyAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Who made the trigger happen; they may not approve it' })
  triggeredBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) approvedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) approvedByName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) approvedAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2021-01-15', description: 'The day the finance system paid it' }) paidOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the payment was recorded' }) paidAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The payment’s reference in the finance system' }) reference: string | null;
  @ApiProperty({ description: 'Whether the caller may approve it now (ready, a caseworker, and not the one who made its trigger happen)' })
  mayApprove: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Why not, in Danish, when the instalment is ready but the caller may not approve it' })
  mayNotApproveReason: string | null;

  static from(instalment: Instalment, names: CaseNames, people: ReadonlyMap<string, string>, right: ApprovalRight): InstalmentResponse {
    return {
      ...names,
      id: instalment.id,
      awardId: instalment.awardId,
      programmeId: instalment.programmeId,
      municipalityCode: instalment.municipalityCode,
      sequence: instalment.sequence,
      trigger: instalment.trigger,
      reportSequence: instalment.reportSequence,
      sharePct: instalment.sharePct,
      amountOre: oreToApi(instalment.amountOre),
      status: instalment.status,
      readyAt: instalment.readyAt?.toISOString() ?? null,
      triggeredBy: instalment.triggeredBy,
      approvedBy: instalment.approvedBy,
      approvedByName: instalment.approvedBy ? (people.get(instalment.approvedBy) ?? null) : null,
      approvedAt: instalment.approvedAt?.toISOString() ?? null,
      paidOn: instalment.paidOn,
      paidAt: instalment.paidAt?.toISOString() ?? null,
      reference: instalment.paymentReference,
      mayApprove: right.mayApprove,
      mayNotApproveReason: right.reason,
    };
  }
}

export class InstalmentPage {
  @ApiProperty({ type: [InstalmentResponse] }) items: InstalmentResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
