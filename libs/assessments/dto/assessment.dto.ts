import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ApiAssumed, type AssumedValues } from '../../core/assumed/assumed-values.js';
import { oreToApi } from '../../core/money/money.js';
import { IsOre } from '../../core/validation/validators.js';
import type { Assessment } from '../assessment.entity.js';

export class RatingDto {
  @ApiProperty({ example: 'formaal' })
  @IsString()
  @MaxLength(50)
  criterionKey: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @ApiProperty({ example: 'Projektet understøtter puljens formål ved at implementere selvstyrende teams i hjemmeplejen.' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  rationale: string;
}

export class RatingResponse {
  @ApiProperty() criterionKey: string;
  @ApiProperty({ nullable: true, type: Number, minimum: 1, maximum: 5, description: 'Null for an imported historical assessment without scores' })
  rating: number | null;
  @ApiProperty() rationale: string;
}

export class PutAssessmentBody {
  @ApiProperty({ type: [RatingDto], description: 'One per criterion; all are needed before the assessment can be completed' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RatingDto)
  ratings: RatingDto[];

  @ApiProperty({ description: 'The summary rationale' })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  summary: string;

  @ApiProperty({ enum: ['award', 'reject'] })
  @IsIn(['award', 'reject'])
  recommendation: 'award' | 'reject';

  @ApiPropertyOptional({ description: 'Øre; required with recommendation "award", not more than requested' })
  @IsOptional()
  @IsOre()
  recommendedOre?: number;

  @ApiPropertyOptional({ description: 'The version read; a stale one answers 409 (send it: without it the last write wins)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/** Hands an assessment in progress to another caseworker (the first is away); four-eyes follows the new author. */
export class HandoverAssessmentBody {
  @ApiProperty({ format: 'uuid', description: 'An active caseworker other than the present author' })
  @IsUUID()
  assessorId: string;

  @ApiPropertyOptional({ example: 'Sagsbehandleren er på barsel.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class AssessmentResponse {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ description: 'The application’s status after the change', example: 'in_assessment' }) status: string;
  @ApiProperty({ format: 'uuid' }) assessorId: string;
  @ApiProperty({ type: [RatingResponse] }) ratings: RatingResponse[];
  @ApiProperty() summary: string;
  @ApiProperty({ enum: ['award', 'reject'] }) recommendation: 'award' | 'reject';
  @ApiProperty({ nullable: true, type: Number }) recommendedOre: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: string | null;
  @ApiProperty() version: number;
  @ApiAssumed({ ratings: 'Kriterierne er udledt af de offentliggjorte begrundelser; karakterer er ikke offentliggjort.' })
  assumed: AssumedValues;

  static from(assessment: Assessment, status: string): AssessmentResponse {
    return {
      applicationId: assessment.applicationId,
      status,
      assessorId: assessment.assessorId,
      ratings: assessment.ratings,
      summary: assessment.summary,
      recommendation: assessment.recommendation,
      recommendedOre: assessment.recommendedOre === null ? null : oreToApi(assessment.recommendedOre),
      completedAt: assessment.completedAt?.toISOString() ?? null,
      version: assessment.version,
      assumed: assessment.assumed ?? {},
    };
  }
}
