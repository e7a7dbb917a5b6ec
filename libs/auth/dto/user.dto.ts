import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../core/context/request-context.js';
import { PageQuery, SortParam } from '../../core/pagination/page.js';
import { normalizeMunicipalityCode } from '../../municipalities/municipality-code.js';
import { MAX_PASSWORD_LENGTH } from '../password-policy.js';
import type { User } from '../user.entity.js';

/** `0101` and `101` are the same kommune; anything else is left as given for the validator to refuse. */
const toMunicipalityCode = ({ value }: { value: unknown }) => (typeof value === 'string' ? (normalizeMunicipalityCode(value) ?? value) : value);
const MUNICIPALITY_CODE = /^\d{3}$/;

export class CreateUserBody {
  @ApiProperty({ example: 'mette.hansen@kolding.dk' })
  @IsEmail({}, { message: 'skal være en e-mailadresse' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Mette Hansen' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ minLength: 12, maxLength: MAX_PASSWORD_LENGTH, description: 'At least 12 characters and not the e-mail address' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;

  @ApiPropertyOptional({ example: '621', description: 'Required for a project lead, refused for other roles; `0621` is accepted' })
  @IsOptional()
  @Transform(toMunicipalityCode)
  @Matches(MUNICIPALITY_CODE, { message: 'skal være en kommunekode på tre cifre' })
  municipalityCode?: string;
}

export class UpdateUserBody {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'The kommune, when the role is or becomes project_lead' })
  @IsOptional()
  @Transform(toMunicipalityCode)
  @Matches(MUNICIPALITY_CODE, { message: 'skal være en kommunekode på tre cifre' })
  municipalityCode?: string;
}

/** What the list sorts by (`sort`, `-` in front for descending). */
export const USER_SORT_FIELDS = ['email', 'name', 'createdAt'] as const;
export type UserSortField = (typeof USER_SORT_FIELDS)[number];

export class UserQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: '621' })
  @IsOptional()
  @Transform(toMunicipalityCode)
  @Matches(MUNICIPALITY_CODE, { message: 'skal være en kommunekode på tre cifre' })
  municipalityCode?: string;

  @ApiPropertyOptional({ description: '`true` or `false`' })
  @IsOptional()
  // Only the text: a `@Type(() => Boolean)` here made `Boolean('false')`, true, and the filter showed active users.
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  @SortParam(USER_SORT_FIELDS, 'email')
  sort?: string;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String }) municipalityCode: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Set while addresses the user has not signed in from must wait after failed sign-ins',
  })
  lockedUntil: string | null;
  @ApiProperty({ description: 'A staff role given to the user waits for a second administrator’s approval; the user cannot sign in until then' })
  awaitingApproval: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The administrator who gave the role that waits for approval' })
  approvalRequestedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastSignInAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(user: User): UserResponse {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      municipalityCode: user.municipalityCode,
      active: user.active,
      lockedUntil: user.lockedUntil?.toISOString() ?? null,
      awaitingApproval: user.approvalRequestedAt !== null,
      approvalRequestedBy: user.approvalRequestedBy,
      lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
    };
  }
}

export class UserPage {
  @ApiProperty({ type: [UserResponse] }) items: UserResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

/** A caseworker as a colleague picks them: to assign a case to. */
/** Whose project leads: a kommune's code (`GET /users/project-leads`). */
export class ProjectLeadQuery {
  @ApiProperty({ example: '706' })
  @Transform(toMunicipalityCode)
  @Matches(MUNICIPALITY_CODE, { message: 'skal være en kommunekode på tre cifre' })
  municipalityCode: string;
}

export class CaseworkerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Mette Hansen' }) name: string;
}
