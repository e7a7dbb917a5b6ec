import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ASSIGNEE_FILTER } from '../../applications/dto/application.dto.js';
import { normalizeMunicipalityCode } from '../../municipalities/municipality-code.js';
import { PageQuery } from '../../core/pagination/page.js';
import { IsCalendarDate } from '../../core/validation/validators.js';
import type { AccessRequest } from '../access-request.entity.js';
import { ACCESS_KINDS, ACCESS_REQUEST_STATUSES, type AccessKind, type AccessRequestStatus } from '../access-request.rules.js';

export class CreateAccessRequestBody {
  @ApiProperty({ format: 'uuid', description: 'The case (a submitted application)' })
  @IsUUID()
  applicationId: string;

  @ApiProperty({ example: 'Jens Journalist', description: 'Who asked (a name)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  requester: string;

  @ApiPropertyOptional({ example: 'jens@avisen.dk' })
  @IsOptional()
  @IsEmail({}, { message: 'skal være en e-mailadresse' })
  @MaxLength(254)
  requesterEmail?: string;

  @ApiProperty({ enum: ACCESS_KINDS, description: '`aktindsigt` (offentlighedsloven) or `partsaktindsigt` (forvaltningsloven, a party to the case)' })
  @IsIn(ACCESS_KINDS, { message: 'vælg aktindsigt eller partsaktindsigt' })
  kind: AccessKind;

  @ApiProperty({ example: '2026-03-31', description: 'The day the request was received (Copenhagen); not in the future' })
  @IsCalendarDate()
  receivedOn: string;
}

export class CompleteAccessRequestBody {
  @ApiProperty({ example: 'Aktindsigt givet i ansøgning og afgørelse; personoplysninger undtaget.', description: 'How the request was answered' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  note: string;
}

/** A status, or `overdue`: open and past the due date. */
export const ACCESS_REQUEST_FILTERS = [...ACCESS_REQUEST_STATUSES, 'overdue'] as const;

export class AccessRequestQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The requests on one case' })
  @IsOptional()
  @IsUUID()
  applicationId?: string;

  @ApiPropertyOptional({ enum: ACCESS_REQUEST_FILTERS, description: '`overdue`: open and past the due date (Copenhagen today)' })
  @IsOptional()
  @IsIn(ACCESS_REQUEST_FILTERS)
  status?: (typeof ACCESS_REQUEST_FILTERS)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'The case’s programme' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ example: '706', description: 'The case’s lead or co-applicant kommune' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? (normalizeMunicipalityCode(value) ?? value) : value))
  @Matches(/^\d{3}$/, { message: 'skal være en kommunekode på tre cifre' })
  municipalityCode?: string;

  @ApiPropertyOptional({ example: 'me', description: 'The case’s assigned caseworker: `me`, a user id, or `none`' })
  @IsOptional()
  @Matches(ASSIGNEE_FILTER, { message: 'skal være me, none eller en brugers id' })
  assigneeId?: string;
}

/** What a request's response names beside its own row: its case, and who answered it. */
export interface AccessRequestNames {
  caseNumber: string | null;
  projectTitle: string;
  completedByName: string | null;
}

export class AccessRequestResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ nullable: true, type: String, example: 'ÆLD-2020-0007' }) caseNumber: string | null;
  @ApiProperty({ example: 'Demenscaféer i landdistrikterne', description: 'The case’s project title' }) projectTitle: string;
  @ApiProperty() requester: string;
  @ApiProperty({ nullable: true, type: String }) requesterEmail: string | null;
  @ApiProperty({ enum: ACCESS_KINDS }) kind: AccessKind;
  @ApiProperty({ example: '2026-03-31' }) receivedOn: string;
  @ApiProperty({
    example: '2026-04-14',
    description: 'The day it must be answered: 7 working days after receivedOn (weekends, Danish holidays and closure days skipped)',
  })
  dueDate: string;
  @ApiProperty({ enum: ACCESS_REQUEST_STATUSES }) status: AccessRequestStatus;
  @ApiProperty({ description: 'Open and past its due date (Copenhagen today)' }) overdue: boolean;
  @ApiProperty({ nullable: true, type: String }) completionNote: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) completedBy: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The name of the caseworker who answered it' }) completedByName: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(request: AccessRequest, names: AccessRequestNames, today: string): AccessRequestResponse {
    return {
      id: request.id,
      applicationId: request.applicationId,
      caseNumber: names.caseNumber,
      projectTitle: names.projectTitle,
      requester: request.requester,
      requesterEmail: request.requesterEmail,
      kind: request.kind,
      receivedOn: request.receivedOn,
      dueDate: request.dueDate,
      status: request.status,
      overdue: request.status === 'open' && request.dueDate < today,
      completionNote: request.completionNote,
      completedAt: request.completedAt?.toISOString() ?? null,
      completedBy: request.completedBy,
      completedByName: names.completedByName,
      createdBy: request.createdBy,
      createdAt: request.createdAt.toISOString(),
    };
  }
}

export class AccessRequestPage {
  @ApiProperty({ type: [AccessRequestResponse] }) items: AccessRequestResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
