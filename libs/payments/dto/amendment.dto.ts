import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { AwardAmendment } from '../../awards/award-amendment.entity.js';
import { AMENDMENT_KINDS, type AmendmentKind, AWARD_VERSION_KINDS, type AwardVersionKind } from '../../awards/award-versions.js';
import { AwardResponse } from '../../awards/dto/award.dto.js';
import { IsCalendarDate, IsOre } from '../../core/validation/validators.js';
import { RepaymentResponse } from './final-accounts.dto.js';

export class AmendmentBody {
  @ApiProperty({
    enum: AMENDMENT_KINDS,
    description: 'What is amended: the amount (`amountOre`), the period (`endDate`) or the contact person (`contactUserId`)',
  })
  @IsIn(AMENDMENT_KINDS)
  kind: AmendmentKind;

  @ApiPropertyOptional({ example: 1_201_426_000, description: 'Øre, with `kind: amount`: the award’s new amount' })
  @IsOptional()
  @IsOre(1)
  amountOre?: number;

  @ApiPropertyOptional({ example: '2022-12-31', description: 'With `kind: period`: the project’s new end date (not counted against the COVID-19 maximum)' })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'With `kind: contact`: an active project lead of the award’s lead kommune' })
  @IsOptional()
  @IsUUID()
  contactUserId?: string;

  @ApiPropertyOptional({ example: 'Projektet udvides med to distrikter efter aftale med ministeriet.', description: 'Why: required (422 when empty)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  rationale?: string;
}

/** Why an award is cancelled (bortfald) or reopened: required (422 when empty). */
export class AwardRationaleBody {
  @ApiPropertyOptional({ example: 'Projektet er opgivet af kommunen, og tilsagnets betingelser kan ikke opfyldes.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  rationale?: string;
}

export class AmendmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) awardId: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ example: 2, description: 'The award’s versions are numbered 1, 2, … in the order they were decided' }) version: number;
  @ApiProperty({ enum: AWARD_VERSION_KINDS }) kind: AwardVersionKind;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What was changed, as it was (`amountOre` as a string of øre, `endDate`, `contactUserId` …)',
  })
  before: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What it became' })
  after: Record<string, unknown>;
  @ApiProperty() rationale: string;
  @ApiProperty({ format: 'uuid' }) decidedBy: string;
  @ApiProperty({ nullable: true, type: String }) decidedByName: string | null;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;

  static from(amendment: AwardAmendment, people: Map<string, string>): AmendmentResponse {
    return {
      id: amendment.id,
      awardId: amendment.awardId,
      applicationId: amendment.applicationId,
      version: amendment.version,
      kind: amendment.kind,
      before: amendment.before,
      after: amendment.after,
      rationale: amendment.rationale,
      decidedBy: amendment.decidedBy,
      decidedByName: people.get(amendment.decidedBy) ?? null,
      decidedAt: amendment.decidedAt.toISOString(),
    };
  }
}

export class AmendedAwardResponse extends AmendmentResponse {
  @ApiProperty({ type: AwardResponse, description: 'The award after the change' }) award: AwardResponse;
}

export class CancellationResponse {
  @ApiProperty({ type: AwardResponse }) award: AwardResponse;
  @ApiProperty({ type: AmendmentResponse, description: 'The cancellation as the award’s version' }) amendment: AmendmentResponse;
  @ApiProperty({ description: 'Øre: paid on the award before it was cancelled' }) paidOre: number;
  @ApiProperty({ description: 'Øre: released to the programme’s budget now (the award less what was paid); what is paid is released when it is repaid' })
  releasedOre: number;
  @ApiProperty({ type: [String], description: 'The instalments cancelled (planned or ready ones)' }) cancelledInstalmentIds: string[];
  @ApiProperty({ type: RepaymentResponse, nullable: true, description: 'The claim for what was paid, if anything was' }) repayment: RepaymentResponse | null;
}

export class ReopeningResponse {
  @ApiProperty({ type: AwardResponse }) award: AwardResponse;
  @ApiProperty({ type: AmendmentResponse }) amendment: AmendmentResponse;
}
