import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { oreToApi } from '../../core/money/money.js';
import { IsCalendarDate, IsOre } from '../../core/validation/validators.js';
import { AwardResponse } from '../../awards/dto/award.dto.js';
import type { Decision } from '../decision.entity.js';

export class DecisionBody {
  @ApiProperty({ enum: ['award', 'reject'] })
  @IsIn(['award', 'reject'])
  outcome: 'award' | 'reject';

  @ApiPropertyOptional({
    description:
      'Begrundelse. A rejection or partial award must state its main considerations (§ 24); a full grant may leave it out (§ 22), but one that is given must be real text',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  rationale?: string;

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
  @ApiProperty({ description: 'Empty when a full grant was given without one (forvaltningsloven § 22)' }) rationale: string;
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

/** The decision as its parties read it (GET /applications/:id/decision). */
export class DecisionView {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ example: 'ÆLD-2020-0007' }) caseNumber: string;
  @ApiProperty({ example: 'Mere værdig hjemmepleje' }) projectTitle: string;
  @ApiProperty({ example: '706' }) municipalityCode: string;
  @ApiProperty({ example: 'Syddjurs Kommune' }) municipalityName: string;
  @ApiProperty({ enum: ['award', 'reject'] }) outcome: 'award' | 'reject';
  @ApiProperty({ description: 'Begrundelse; for a rejection or partial award its main considerations (forvaltningsloven § 24)' }) rationale: string;
  @ApiProperty({ description: 'Øre asked for' }) requestedOre: number;
  @ApiPropertyOptional({ description: 'Øre awarded' }) amountOre?: number;
  @ApiPropertyOptional({ example: '2021-01-01' }) startDate?: string;
  @ApiPropertyOptional({ example: '2022-06-30', description: 'The award’s end date as decided (extensions move the award’s, not this)' }) endDate?: string;
  @ApiPropertyOptional({ format: 'uuid' }) awardId?: string;
  @ApiProperty({ description: 'Everything asked for was granted' }) fullGrant: boolean;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ format: 'uuid' }) decidedBy: string;
  @ApiProperty({ nullable: true, type: String }) decidedByName: string | null;
  @ApiProperty({ nullable: true, type: String }) legalBasis: string | null;
  @ApiProperty({ description: 'Klagevejledning (forvaltningsloven § 25): the programme’s, as it stood at the decision' }) appealGuidance: string;
  @ApiProperty({ example: 'tilsagnsbrev', enum: ['tilsagnsbrev', 'afgørelsesbrev'] }) letterKind: 'tilsagnsbrev' | 'afgørelsesbrev';
  @ApiProperty({ example: '/api/v1/applications/…/decision/letter.pdf' }) letterUrl: string;
}
