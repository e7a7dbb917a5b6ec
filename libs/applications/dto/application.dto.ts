import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { oreToApi } from '../../core/money/money.js';
import { PageQuery, SortParam } from '../../core/pagination/page.js';
import { IsCalendarDate, IsOre } from '../../core/validation/validators.js';
import { normalizeMunicipalityCode } from '../../municipalities/municipality-code.js';
import type { Application, ContactPerson, Receipt } from '../application.entity.js';
import { cvrProblem } from '../application-structure.rules.js';
import type { ApplicationVersion } from '../application-version.entity.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../application.lifecycle.js';
import type { CasePeopleView } from '../case-people.js';
import { ApiAssumed, type AssumedValues } from '../../core/assumed/assumed-values.js';

/** The statuses of a decided application: its decision and letter exist. */
const DECIDED = new Set<ApplicationStatus>(['awarded', 'rejected']);

const toCodes = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((code) => (typeof code === 'string' ? (normalizeMunicipalityCode(code) ?? code) : code)) : value;
const THEME_KEY = /^[a-z0-9][a-z0-9-]{0,49}$/;
/** `me`, `none` or a user id: the worklists' filter on the assigned caseworker. */
export const ASSIGNEE_FILTER = /^(me|none|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

/** A CVR number: 8 digits whose modulus-11 check holds; the message says which of the two fails. */
function IsCvr(): PropertyDecorator {
  return ValidateBy({
    name: 'isCvr',
    validator: {
      validate: (value) => cvrProblem(value) === null,
      defaultMessage: (args?: ValidationArguments) => cvrProblem(args?.value) ?? 'skal være et CVR-nummer',
    },
  });
}

/** A Danish telephone number: eight digits, spaces allowed, optionally with +45 or 0045 in front. */
const DANISH_PHONE = /^(?:(?:\+|00)45 ?)?(?:\d ?){7}\d$/;

export class ContactPersonDto {
  @ApiProperty({ example: 'Mette Hansen' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'meha@syddjurs.dk', description: 'A work e-mail address' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: '+45 87 53 50 00', description: 'Eight digits, optionally with +45 in front' })
  @IsString()
  @Matches(DANISH_PHONE, { message: 'skal være et dansk telefonnummer på 8 cifre, evt. med +45 foran' })
  phone: string;
}

/** The most budget lines an application has, and the longest label. */
export const MAX_BUDGET_LINES = 50;

export class BudgetLineDto {
  @ApiProperty({ example: 'Løn til projektleder' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label: string;

  @ApiProperty({ example: 240_000_000, description: 'Øre' })
  @IsOre()
  amountOre: number;
}

export class BudgetLineResponse {
  @ApiProperty({ example: 'Løn til projektleder' }) label: string;
  @ApiProperty({ example: 240_000_000, description: 'Øre' }) amountOre: number;
}

export class CreateApplicationBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  programmeId: string;

  @ApiProperty({ example: 'Mere værdig hjemmepleje' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @ApiProperty({ example: 'Projektets formål er at udvikle en hjemmepleje, hvor den enkelte borger føler sig set …' })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  purpose: string;

  @ApiProperty({ type: [String], example: ['Implementere selvstyrende teams i hjemmeplejen'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(2000, { each: true })
  activities: string[];

  @ApiProperty({ type: [String], example: ['livskvalitet'], description: 'Keys of the programme’s themes' })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(THEME_KEY, { each: true, message: 'hvert element skal være en temanøgle' })
  themes: string[];

  @ApiProperty({ example: 1_101_426_000, description: 'Øre. A draft may ask for less than the minimum; it is checked at submission.' })
  @IsOre()
  requestedOre: number;

  @ApiProperty({ example: '2021-01-01' })
  @IsCalendarDate()
  plannedStart: string;

  @ApiProperty({ example: '2022-06-30' })
  @IsCalendarDate()
  plannedEnd: string;

  @ApiPropertyOptional({ type: [String], example: ['851', '751'], description: 'Co-applicant kommuner of a joint application' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(97)
  @ArrayUnique()
  @Transform(toCodes)
  @Matches(/^\d{3}$/, { each: true, message: 'hvert element skal være en kommunekode på tre cifre' })
  coApplicantCodes?: string[];

  @ApiPropertyOptional({ example: '29189846', description: 'The applicant’s CVR number: 8 digits with the modulus-11 check (weights 2,7,6,5,4,3,2,1)' })
  @IsOptional()
  @IsCvr()
  cvr?: string;

  @ApiPropertyOptional({ type: ContactPersonDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactPersonDto)
  contactPerson?: ContactPersonDto;

  @ApiPropertyOptional({ example: 50_000_000, description: 'Øre: what the applicant pays itself (egenfinansiering)' })
  @IsOptional()
  @IsOre(0)
  coFinancingOre?: number;

  @ApiPropertyOptional({
    type: [BudgetLineDto],
    description: `At most ${MAX_BUDGET_LINES}; at submission they must sum to requestedOre (422 \`budget-lines-mismatch\`), and be given when the programme requiresBudgetLines`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BUDGET_LINES)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineDto)
  budgetLines?: BudgetLineDto[];
}

export class UpdateApplicationBody {
  @ApiProperty({ description: 'The version the change was made against; a stale one is refused with 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(10000) purpose?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(2000, { each: true })
  activities?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(THEME_KEY, { each: true, message: 'hvert element skal være en temanøgle' })
  themes?: string[];

  @ApiPropertyOptional() @IsOptional() @IsOre() requestedOre?: number;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() plannedStart?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() plannedEnd?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(97)
  @ArrayUnique()
  @Transform(toCodes)
  @Matches(/^\d{3}$/, { each: true, message: 'hvert element skal være en kommunekode på tre cifre' })
  coApplicantCodes?: string[];

  @ApiPropertyOptional({ nullable: true, type: String, example: '29189846', description: 'null clears it' })
  @IsOptional()
  @IsCvr()
  cvr?: string | null;

  @ApiPropertyOptional({ nullable: true, type: ContactPersonDto, description: 'The whole contact person; null clears it' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactPersonDto)
  contactPerson?: ContactPersonDto | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Øre; null clears it' })
  @IsOptional()
  @IsOre(0)
  coFinancingOre?: number | null;

  @ApiPropertyOptional({ nullable: true, type: [BudgetLineDto], description: 'Replaces every line; null or [] clears them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BUDGET_LINES)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineDto)
  budgetLines?: BudgetLineDto[] | null;
}

/** `a`, `a,b` or a repeated parameter (`[a, b]`) as a list; anything else is left for the validators. */
function toStatusList({ value }: { value: unknown }): unknown {
  if (typeof value === 'string') return value.split(',').map((part) => part.trim());
  if (Array.isArray(value)) return value.flatMap((part) => (typeof part === 'string' ? part.split(',').map((item) => item.trim()) : [part]));
  return value;
}

/** What the list sorts by (`sort`, `-` in front for descending). */
export const APPLICATION_SORT_FIELDS = ['createdAt', 'submittedAt', 'caseNumber', 'title'] as const;
export type ApplicationSortField = (typeof APPLICATION_SORT_FIELDS)[number];

export class ApplicationQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: APPLICATION_STATUSES,
    isArray: true,
    description: 'One status or several (`status=submitted&status=in_assessment`, or `status=submitted,in_assessment`): cases in any of them',
  })
  @IsOptional()
  @Transform(toStatusList)
  @IsArray()
  @ArrayMaxSize(APPLICATION_STATUSES.length)
  // One message for one value or several: the filter is most often one status.
  @IsIn(APPLICATION_STATUSES, { each: true, message: `skal være en af: ${APPLICATION_STATUSES.join(', ')}` })
  status?: ApplicationStatus[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ example: '706', description: 'Lead or co-applicant kommune' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? (normalizeMunicipalityCode(value) ?? value) : value))
  @Matches(/^\d{3}$/, { message: 'skal være en kommunekode på tre cifre' })
  municipalityCode?: string;

  @ApiPropertyOptional({ example: 'livskvalitet' })
  @IsOptional()
  @Matches(THEME_KEY, { message: 'skal være en temanøgle' })
  theme?: string;

  @ApiPropertyOptional({ example: 'me', description: 'The assigned caseworker: `me`, a user id, or `none` for cases nobody has' })
  @IsOptional()
  @Matches(ASSIGNEE_FILTER, { message: 'skal være me, none eller en brugers id' })
  assigneeId?: string;

  @ApiPropertyOptional({
    example: 'selvstyrende teams',
    description:
      'Full text in Danish over title and purpose, without regard to case or accents (`demenscafe` finds “Demenscafé”; æ, ø and å are letters of their own); ' +
      'each word also finds the words it begins (`sø` finds “Søndergård”); `"a phrase"`, `or` and `-word` as in a web search. ' +
      'A case number, or its start (`ÆLD-2020-0007`, `æld-2020`), finds the cases it numbers.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: ['me'],
    description:
      'Caseworkers and admins: `me` keeps to the assessed, undecided cases the caller may decide now under the rules of ' +
      '`POST /applications/{id}/decision`: not the assessment’s author (four-eyes), not disqualified in the programme (conflict of interest), ' +
      'and not before the deadline of a programme that decides after it. Only caseworkers decide, so an admin’s list is empty; a project lead gets 400.',
  })
  @IsOptional()
  @IsIn(['me'])
  decidableBy?: 'me';

  @SortParam(APPLICATION_SORT_FIELDS, '-createdAt', 'Drafts (no submission time or case number) come before every other case.')
  sort?: string;
}

/**
 * A submitted version of an application (application_version): the content as it was at that
 * submission, never changed since. A field the version did not record is null: a historical import
 * keeps only what was published (title, purpose, activities).
 */
export class ApplicationVersionResponse {
  @ApiProperty({ example: 1, description: 'The first submission is 1' }) versionNo: number;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ format: 'uuid' }) submittedBy: string;
  @ApiProperty({ nullable: true, type: String, example: 'Mette Hansen' }) submittedByName: string | null;
  @ApiProperty() title: string;
  @ApiProperty() purpose: string;
  @ApiProperty({ type: [String] }) activities: string[];
  @ApiProperty({ type: [String], nullable: true }) themes: string[] | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Øre' }) requestedOre: number | null;
  @ApiProperty({ type: String, nullable: true, example: '2021-01-01' }) plannedStart: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2022-06-30' }) plannedEnd: string | null;
  @ApiProperty({ type: String, nullable: true, example: '706', description: 'The lead kommune' }) municipalityCode: string | null;
  @ApiProperty({ type: [String], nullable: true }) coApplicantCodes: string[] | null;
  @ApiProperty({ nullable: true, type: String, description: 'Null when not given, or not recorded by the version' }) cvr: string | null;
  @ApiProperty({ nullable: true, type: ContactPersonDto }) contactPerson: ContactPerson | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Øre' }) coFinancingOre: number | null;
  @ApiProperty({ type: [BudgetLineResponse], nullable: true, description: 'Null when the version did not record them' }) budgetLines:
    BudgetLineResponse[] | null;

  static from(version: ApplicationVersion, submittedByName: string | null): ApplicationVersionResponse {
    const content = version.content;
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    const texts = (value: unknown) => (Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : null);
    const ore = content.requestedOre;
    const amount = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? oreToApi(BigInt(value)) : null);
    return {
      versionNo: version.versionNo,
      submittedAt: version.submittedAt.toISOString(),
      submittedBy: version.submittedBy,
      submittedByName,
      title: text(content.title) ?? '',
      purpose: text(content.purpose) ?? '',
      activities: texts(content.activities) ?? [],
      themes: texts(content.themes),
      requestedOre: typeof ore === 'string' || typeof ore === 'number' ? oreToApi(BigInt(ore)) : null,
      plannedStart: text(content.plannedStart),
      plannedEnd: text(content.plannedEnd),
      municipalityCode: text(content.municipalityCode),
      coApplicantCodes: texts(content.coApplicantCodes),
      cvr: text(content.cvr),
      contactPerson: isContactPerson(content.contactPerson) ? content.contactPerson : null,
      coFinancingOre: amount(content.coFinancingOre),
      budgetLines: Array.isArray(content.budgetLines)
        ? (content.budgetLines as Array<{ label: unknown; amountOre: unknown }>).map((line) => ({
            label: text(line.label) ?? '',
            amountOre: amount(line.amountOre) ?? 0,
          }))
        : null,
    };
  }
}

const isContactPerson = (value: unknown): value is ContactPerson =>
  typeof value === 'object' && value !== null && ['name', 'email', 'phone'].every((key) => typeof (value as Record<string, unknown>)[key] === 'string');

/** The case trail's paging: `limit` and `cursor`, oldest first. */
export class CaseEventQuery extends PageQuery {}

export class ReceiptResponse {
  @ApiProperty({ example: 'ÆLD-2020-0007' }) caseNumber: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ example: '19. oktober 2020 kl. 11.58' }) receivedAtCopenhagen: string;
  @ApiProperty() text: string;
}

export class ContactBody {
  @ApiProperty({ format: 'uuid', description: 'An active project lead of the kommune' })
  @IsUUID()
  contactUserId: string;

  @ApiPropertyOptional({ example: '851', description: 'A co-applicant kommune naming its own contact; the lead kommune when left out' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? (normalizeMunicipalityCode(value) ?? value) : value))
  @Matches(/^\d{3}$/, { message: 'skal være en kommunekode på tre cifre' })
  municipalityCode?: string;
}

export class AssignBody {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'An active caseworker; null releases the case' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  assigneeId: string | null;
}

export class ContactResponse {
  @ApiProperty({ example: '706' }) municipalityCode: string;
  @ApiProperty({ example: 'Syddjurs Kommune' }) municipalityName: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Null: nobody named; the kommune’s project leads get the messages' })
  userId: string | null;
  @ApiProperty({ nullable: true, type: String }) userName: string | null;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'False: deactivated (or no longer a project lead there); the kommune’s other project leads get the messages',
  })
  active: boolean | null;
}

export class ApplicationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ example: '706' }) municipalityCode: string;
  @ApiProperty({ example: 'Syddjurs Kommune' }) municipalityName: string;
  @ApiProperty({ type: [String] }) coApplicantCodes: string[];
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty() title: string;
  @ApiProperty() purpose: string;
  @ApiProperty({ type: [String] }) activities: string[];
  @ApiProperty({ type: [String] }) themes: string[];
  @ApiProperty() requestedOre: number;
  @ApiProperty({ example: '2021-01-01' }) plannedStart: string;
  @ApiProperty({ example: '2022-06-30' }) plannedEnd: string;
  @ApiProperty({ nullable: true, type: String, example: '29189846' }) cvr: string | null;
  @ApiProperty({ nullable: true, type: ContactPersonDto }) contactPerson: ContactPerson | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Øre' }) coFinancingOre: number | null;
  @ApiProperty({ type: [BudgetLineResponse], description: 'Empty when none are given' }) budgetLines: BudgetLineResponse[];
  @ApiProperty({ nullable: true, type: String }) caseNumber: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiPropertyOptional({ type: ReceiptResponse, nullable: true }) receipt: Receipt | null;
  @ApiProperty({ nullable: true, type: String, example: '/api/v1/applications/…/receipt.pdf', description: 'The receipt as PDF, once submitted' })
  receiptUrl: string | null;
  @ApiProperty({ nullable: true, type: String, example: '/api/v1/applications/…/decision', description: 'The decision, once made' })
  decisionUrl: string | null;
  @ApiProperty({ nullable: true, type: String, example: '/api/v1/applications/…/decision/letter.pdf', description: 'The decision letter, once made' })
  decisionLetterUrl: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The lead kommune’s contact' }) contactUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) contactUserName: string | null;
  @ApiProperty({ type: [ContactResponse], description: 'Each kommune’s contact: the lead kommune first, then the co-applicants' })
  contacts: ContactResponse[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The caseworker the case is assigned to' }) assigneeId: string | null;
  @ApiProperty({ nullable: true, type: String }) assigneeName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) assignedAt: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The caseworker who wrote the assessment (is writing it, while in assessment); null before one is started. Four-eyes: not the one who decides',
  })
  assessorId: string | null;
  @ApiProperty({ nullable: true, type: String }) assessorName: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ nullable: true, type: String }) createdByName: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiAssumed({ requestedOre: 'Det ansøgte beløb er ikke offentliggjort: registreret som det bevilgede beløb.' })
  assumed: AssumedValues;

  static from(application: Application, people: CasePeopleView): ApplicationResponse {
    const path = `/api/v1/applications/${application.id}`;
    const decided = DECIDED.has(application.status);
    const lead = people.contacts[0];
    return {
      id: application.id,
      programmeId: application.programmeId,
      municipalityCode: application.municipalityCode,
      municipalityName: people.municipalityName,
      coApplicantCodes: application.coApplicantCodes,
      status: application.status,
      title: application.title,
      purpose: application.purpose,
      activities: application.activities,
      themes: application.themes,
      requestedOre: oreToApi(application.requestedOre),
      plannedStart: application.plannedStart,
      plannedEnd: application.plannedEnd,
      cvr: application.cvr,
      contactPerson: application.contactPerson,
      coFinancingOre: application.coFinancingOre === null ? null : oreToApi(application.coFinancingOre),
      budgetLines: application.budgetLines.map((line) => ({ label: line.label, amountOre: oreToApi(line.amountOre) })),
      caseNumber: application.caseNumber,
      submittedAt: application.submittedAt?.toISOString() ?? null,
      receipt: application.receipt,
      receiptUrl: application.caseNumber ? `${path}/receipt.pdf` : null,
      decisionUrl: decided ? `${path}/decision` : null,
      decisionLetterUrl: decided ? `${path}/decision/letter.pdf` : null,
      contactUserId: lead?.userId ?? null,
      contactUserName: lead?.userName ?? null,
      contacts: people.contacts,
      assigneeId: application.assigneeId,
      assigneeName: people.assigneeName,
      assignedAt: application.assignedAt?.toISOString() ?? null,
      assessorId: people.assessorId,
      assessorName: people.assessorName,
      version: application.version,
      createdBy: application.createdBy,
      createdByName: people.createdByName,
      createdAt: application.createdAt.toISOString(),
      updatedAt: application.updatedAt.toISOString(),
      assumed: application.assumed ?? {},
    };
  }
}

export class ApplicationPage {
  @ApiProperty({ type: [ApplicationResponse] }) items: ApplicationResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
