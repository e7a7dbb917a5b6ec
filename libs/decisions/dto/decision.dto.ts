import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { oreToApi } from '../../core/money/money.js';
import { IsCalendarDate, IsOre } from '../../core/validation/validators.js';
import { AwardResponse } from '../../awards/dto/award.dto.js';
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
