import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { oreToApi } from '../../core/money/money.js';
import { IsCalendarDate, IsOre } from '../../core/validation/validators.js';
import type { Award } from '../award.entity.js';
import type { AwardStatus } from '../award.lifecycle.js';
import type { Decision } from '../decision.entity.js';

export class DecisionBody {
  @ApiProperty({ enum: ['award', 'reject'] })
  @IsIn(['award', 'reject'])
  outcome: 'award' | 'reject';

  @ApiProperty({ description: 'Begrundelse. A rejection or partial award must state its main considerations (§ 24).' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  rationale: string;

  @ApiPropertyOptional({ description: 'Øre; required for an award, not more than requested' })
  @IsOptional()
  @IsOre()
  amountOre?: number;

  @ApiPropertyOptional({ example: '2021-01-01', description: 'Award period; the application’s planned dates when left out' })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ example: '2022-06-30' })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string;
}

export class AwardResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ example: 'ÆLD-2020-0007' }) caseNumber: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ example: '706' }) municipalityCode: string;
  @ApiProperty({ type: [String], description: 'Lead and co-applicant kommuner' }) participantCodes: string[];
  @ApiProperty() amountOre: number;
  @ApiProperty({ example: '2021-01-01' }) startDate: string;
  @ApiProperty({ example: '2022-06-30' }) endDate: string;
  @ApiProperty({ example: '2022-06-30' }) originalEndDate: string;
  @ApiProperty({ enum: ['active', 'completed', 'closed', 'cancelled'] }) status: AwardStatus;
  @ApiProperty() approvedExtensionMonths: number;
  @ApiProperty({ format: 'uuid' }) decidedBy: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty() version: number;

  static from(award: Award): AwardResponse {
    return {
      id: award.id,
      applicationId: award.applicationId,
      caseNumber: award.caseNumber,
      programmeId: award.programmeId,
      municipalityCode: award.municipalityCode,
      participantCodes: award.participantCodes,
      amountOre: oreToApi(award.amountOre),
      startDate: award.startDate,
      endDate: award.endDate,
      originalEndDate: award.originalEndDate,
      status: award.status,
      approvedExtensionMonths: award.approvedExtensionMonths,
      decidedBy: award.decidedBy,
      decidedAt: award.decidedAt.toISOString(),
      version: award.version,
    };
  }
}

export class DecisionRecord {
  @ApiProperty({ enum: ['award', 'reject'] }) outcome: 'award' | 'reject';
  @ApiProperty() rationale: string;
  @ApiProperty({ nullable: true, type: Number }) amountOre: number | null;
  @ApiProperty({ description: 'Everything asked for was granted' }) fullGrant: boolean;
  @ApiProperty({ nullable: true, type: String }) legalBasis: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Klagevejledning (forvaltningsloven § 25)' }) appealGuidance: string | null;
  @ApiProperty({ format: 'uuid' }) decidedBy: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;

  static from(decision: Decision): DecisionRecord {
    return {
      outcome: decision.outcome,
      rationale: decision.rationale,
      amountOre: decision.amountOre === null ? null : oreToApi(decision.amountOre),
      fullGrant: decision.fullGrant,
      legalBasis: decision.legalBasis,
      appealGuidance: decision.appealGuidance,
      decidedBy: decision.decidedBy,
      decidedAt: decision.decidedAt.toISOString(),
    };
  }
}

export class DecisionResponse {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ enum: ['awarded', 'rejected'] }) status: string;
  @ApiProperty({ type: DecisionRecord }) decision: DecisionRecord;
  @ApiPropertyOptional({ type: AwardResponse }) award?: AwardResponse;
}
