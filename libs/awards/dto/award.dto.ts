import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../../core/pagination/page.js';
import { normalizeMunicipalityCode } from '../../municipalities/municipality-code.js';
import { AWARD_STATUSES, type AwardStatus } from '../award.lifecycle.js';
import { AwardResponse } from './decision.dto.js';

export class AwardQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ enum: AWARD_STATUSES })
  @IsOptional()
  @IsIn(AWARD_STATUSES)
  status?: AwardStatus;

  @ApiPropertyOptional({ example: '706', description: 'Lead or co-applicant kommune' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? (normalizeMunicipalityCode(value) ?? value) : value))
  @Matches(/^\d{3}$/, { message: 'must be a three-digit kommune code' })
  municipalityCode?: string;
}

export class AwardPage {
  @ApiProperty({ type: [AwardResponse] }) items: AwardResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
