import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery, SortParam } from '../../core/pagination/page.js';
import { normalizeMunicipalityCode } from '../../municipalities/municipality-code.js';
import { AWARD_STATUSES, type AwardStatus } from '../award.lifecycle.js';
import { oreToApi } from '../../core/money/money.js';
import { ApiAssumed, type AssumedValues } from '../../core/assumed/assumed-values.js';
import type { Award } from '../award.entity.js';
import { ASSIGNEE_FILTER } from '../../applications/dto/application.dto.js';

/** What the list sorts by (`sort`, `-` in front for descending). */
export const AWARD_SORT_FIELDS = ['createdAt', 'decidedAt', 'amountOre', 'caseNumber', 'endDate'] as const;
export type AwardSortField = (typeof AWARD_SORT_FIELDS)[number];

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
  @Matches(/^\d{3}$/, { message: 'skal være en kommunekode på tre cifre' })
  municipalityCode?: string;

  @ApiPropertyOptional({ example: 'me', description: 'The case’s assigned caseworker: `me`, a user id, or `none`' })
  @IsOptional()
  @Matches(ASSIGNEE_FILTER, { message: 'skal være me, none eller en brugers id' })
  assigneeId?: string;

  @SortParam(AWARD_SORT_FIELDS, '-createdAt')
  sort?: string;
}

/** The names an award's answer carries beside its ids. */
export interface AwardNames {
  projectTitle: string;
  municipalityName: string;
  decidedByName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  extensionMonthsLeft: number;
}

export class AwardResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ example: 'ÆLD-2020-0007' }) caseNumber: string;
  @ApiProperty({ example: 'Mere værdig hjemmepleje' }) projectTitle: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ example: '706' }) municipalityCode: string;
  @ApiProperty({ example: 'Syddjurs Kommune' }) municipalityName: string;
  @ApiProperty({ type: [String], description: 'Lead and co-applicant kommuner' }) participantCodes: string[];
  @ApiProperty() amountOre: number;
  @ApiProperty({ example: '2021-01-01' }) startDate: string;
  @ApiProperty({ example: '2022-06-30' }) endDate: string;
  @ApiProperty({ example: '2022-06-30' }) originalEndDate: string;
  @ApiProperty({ enum: ['active', 'completed', 'closed', 'cancelled'] }) status: AwardStatus;
  @ApiProperty() approvedExtensionMonths: number;
  @ApiProperty({
    example: 4,
    description:
      'COVID-19 extension months still available under the programme’s maximum: the maximum less the approved months. ' +
      'A pending request is not counted, as the request rule does not count it (one may wait at a time; its approval is checked against this)',
  })
  extensionMonthsLeft: number;
  @ApiProperty({ format: 'uuid' }) decidedBy: string;
  @ApiProperty({ nullable: true, type: String }) decidedByName: string | null;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The caseworker the case is assigned to' }) assigneeId: string | null;
  @ApiProperty({ nullable: true, type: String }) assigneeName: string | null;
  @ApiProperty({ example: '/api/v1/applications/…/decision' }) decisionUrl: string;
  @ApiProperty({ example: '/api/v1/applications/…/decision/letter.pdf' }) decisionLetterUrl: string;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the award was closed' }) closedAt: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Opfølgningen er ikke registreret i Tilskud (historisk import).',
    description: 'Why it was closed',
  })
  closedReason: string | null;
  @ApiAssumed({ startDate: 'Projektperioden er ikke offentliggjort: 1. januar 2021 – 31. december 2022 er antaget for alle puljens projekter.' })
  assumed: AssumedValues;

  static from(award: Award, names: AwardNames): AwardResponse {
    return {
      id: award.id,
      applicationId: award.applicationId,
      caseNumber: award.caseNumber,
      projectTitle: names.projectTitle,
      programmeId: award.programmeId,
      municipalityCode: award.municipalityCode,
      municipalityName: names.municipalityName,
      participantCodes: award.participantCodes,
      amountOre: oreToApi(award.amountOre),
      startDate: award.startDate,
      endDate: award.endDate,
      originalEndDate: award.originalEndDate,
      status: award.status,
      approvedExtensionMonths: award.approvedExtensionMonths,
      extensionMonthsLeft: names.extensionMonthsLeft,
      decidedBy: award.decidedBy,
      decidedByName: names.decidedByName,
      decidedAt: award.decidedAt.toISOString(),
      assigneeId: names.assigneeId,
      assigneeName: names.assigneeName,
      decisionUrl: `/api/v1/applications/${award.applicationId}/decision`,
      decisionLetterUrl: `/api/v1/applications/${award.applicationId}/decision/letter.pdf`,
      version: award.version,
      closedAt: award.closedAt?.toISOString() ?? null,
      closedReason: award.closedReason ?? null,
      assumed: award.assumed ?? {},
    };
  }
}

export class AwardPage {
  @ApiProperty({ type: [AwardResponse] }) items: AwardResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
