import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import fc from 'fast-check';
import { CreateApplicationBody } from '../../applications/dto/application.dto.js';
import { PutAssessmentBody } from '../../assessments/dto/assessment.dto.js';
import { CreateUserBody } from '../../auth/dto/user.dto.js';
import { DecisionBody } from '../../decisions/dto/decision.dto.js';
import { BudgetAdjustmentBody, CreateProgrammeBody } from '../../programmes/dto/programme.dto.js';
import { SubmitReportBody } from '../../reports/dto/report.dto.js';
import { IsCalendarDate, IsInstant, IsOre } from '../validation/validators.js';
import { createValidationPipe, MAX_FIELD_ERRORS, RequestValidationException } from './validation.js';

class Rating {
  @IsString() criterionKey: string;
  @IsInt() @Min(1) @Max(5) rating: number;
}

class Assessment {
  @IsString() summary: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Rating) ratings: Rating[];
}

/** One field per constraint the DTOs use, each optional so a body can probe one at a time. */
class EveryConstraint {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @IsOptional() @IsString() @MinLength(10) reason?: string;
  @IsOptional() @IsInt() @Min(1) @Max(1200) months?: number;
  @IsOptional() @IsOre() requestedOre?: number;
  @IsOptional() @IsOre(0) minApplicationOre?: number;
  @IsOptional() @IsIn(['award', 'reject']) outcome?: string;
  @IsOptional() @IsUUID() programmeId?: string;
  @IsOptional() @IsEmail() email?: string;
  @IsOptional() @IsBoolean() active?: boolean;
  @IsOptional() @Matches(/^\d{3}$/) code?: string;
  @IsOptional() @Matches(/^\d{3}$/, { message: 'skal være en kommunekode på tre cifre' }) municipalityCode?: string;
  @IsOptional() @IsCalendarDate() plannedStart?: string;
  @IsOptional() @IsInstant() opensAt?: string;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(3) @ArrayUnique() themes?: string[];
  @IsOptional() @IsArray() @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(5, { each: true }) activities?: string[];
}

async function fieldErrorsFor(body: unknown, metatype: new () => object = Assessment) {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype });
  } catch (error) {
    if (error instanceof RequestValidationException) return error.fieldErrors;
    throw error;
  }
  return [];
}

const messageOf = async (body: object) => (await fieldErrorsFor(body, EveryConstraint)).map((error) => `${error.field}: ${error.message}`);

/** Words of class-validator's English defaults; none may reach a person. */
const ENGLISH =
  /\b(must|should|be|is|not|than|each|value|array|string|number|elements|characters?|longer|shorter|greater|less|empty|valid|unknown|property)\b/i;

describe('the validation pipe', () => {
  it('names nested fields by their path', async () => {
    const errors = await fieldErrorsFor({
      summary: 'ok',
      ratings: [
        { criterionKey: 'a', rating: 1 },
        { criterionKey: 'b', rating: 9 },
      ],
    });
    expect(errors).toEqual([{ field: 'ratings[1].rating', message: 'må højst være 5' }]);
  });

  it('refuses a field the endpoint does not know, instead of dropping it', async () => {
    const errors = await fieldErrorsFor({ summary: 'ok', ratings: [], isAdmin: true });
    expect(errors).toEqual([{ field: 'isAdmin', message: 'er ikke et kendt felt' }]);
  });

  it('reports every missing field, once, as one to fill in', async () => {
    const errors = await fieldErrorsFor({});
    expect(errors.sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: 'ratings', message: 'skal udfyldes' },
      { field: 'summary', message: 'skal udfyldes' },
    ]);
  });

  it('says only the type of a value of the wrong type, not every rule it then also breaks', async () => {
    expect(await messageOf({ name: 7 })).toEqual(['name: skal være tekst']);
    expect(await messageOf({ months: 'mange' })).toEqual(['months: skal være et helt tal']);
    expect(await messageOf({ themes: 'a' })).toEqual(['themes: skal være en liste']);
    expect(await fieldErrorsFor({ summary: 'ok', ratings: [5] })).toEqual([{ field: 'ratings[0]', message: 'skal være et objekt' }]);
  });

  it('says every constraint the DTOs use in Danish, with its arguments', async () => {
    expect(await messageOf({ name: '' })).toEqual(['name: skal udfyldes']);
    expect(await messageOf({ name: 'x'.repeat(201) })).toEqual(['name: må højst være 200 tegn']);
    expect(await messageOf({ reason: 'kort' })).toEqual(['reason: skal være mindst 10 tegn']);
    expect(await messageOf({ months: 0 })).toEqual(['months: skal være mindst 1']);
    expect(await messageOf({ months: 1201 })).toEqual(['months: må højst være 1.200']);
    expect(await messageOf({ months: 1.5 })).toEqual(['months: skal være et helt tal']);
    expect(await messageOf({ outcome: 'maybe' })).toEqual(['outcome: skal være en af: award, reject']);
    expect(await messageOf({ programmeId: 'abc' })).toEqual(['programmeId: skal være et id (UUID)']);
    expect(await messageOf({ email: 'nej' })).toEqual(['email: skal være en e-mailadresse']);
    expect(await messageOf({ active: 'ja' })).toEqual(['active: skal være true eller false']);
    expect(await messageOf({ code: '1234' })).toEqual(['code: har ikke det rigtige format']);
    expect(await messageOf({ plannedStart: '2021-02-30' })).toEqual(['plannedStart: skal være en dato skrevet ÅÅÅÅ-MM-DD mellem 1900 og 2199']);
    expect(await messageOf({ opensAt: 'i morgen' })).toEqual([expect.stringMatching(/^opensAt: skal være et tidspunkt efter ISO 8601/)]);
    expect(await messageOf({ themes: [] })).toEqual(['themes: skal indeholde mindst 1 element']);
    expect(await messageOf({ themes: ['a', 'b', 'c', 'd'] })).toEqual(['themes: må højst indeholde 3 elementer']);
    expect(await messageOf({ themes: ['a', 'a'] })).toEqual(['themes: må ikke indeholde den samme værdi to gange']);
  });

  it('keeps a decorator’s own message', async () => {
    expect(await messageOf({ municipalityCode: '12' })).toEqual(['municipalityCode: skal være en kommunekode på tre cifre']);
  });

  it('says a rule on each item of a list as one for every item', async () => {
    expect(await messageOf({ activities: ['ok', ''] })).toEqual(['activities: hvert element skal udfyldes']);
    expect(await messageOf({ activities: ['for lang'] })).toEqual(['activities: hvert element må højst være 5 tegn']);
    expect(await messageOf({ activities: [1] })).toEqual(['activities: hvert element skal være tekst']);
  });

  it('says the bounds of an amount in kroner, one full stop after kr.', async () => {
    expect(await messageOf({ requestedOre: 0 })).toEqual(['requestedOre: skal være mere end 0 kr.']);
    expect(await messageOf({ minApplicationOre: -1 })).toEqual(['minApplicationOre: skal være mindst 0 kr.']);
    expect(await messageOf({ requestedOre: 100_000_000_001 })).toEqual(['requestedOre: må højst være 1.000.000.000 kr.']);
    expect(await messageOf({ requestedOre: 10.5 })).toEqual(['requestedOre: skal være et helt antal øre']);
  });

  it('says in its detail which fields are wrong, in Danish', async () => {
    try {
      await createValidationPipe().transform({ months: 0, name: 7 }, { type: 'body', metatype: EveryConstraint });
      throw new Error('not refused');
    } catch (error) {
      expect((error as RequestValidationException).message).toBe('Oplysningerne er ikke gyldige: name skal være tekst; months skal være mindst 1.');
    }
  });

  it('lists at most the first field errors and counts the rest', () => {
    const many = Array.from({ length: MAX_FIELD_ERRORS + 5 }, (_, index) => ({ field: `items[${index}]`, message: 'skal udfyldes' }));
    const exception = new RequestValidationException(many);
    expect(exception.fieldErrors).toHaveLength(MAX_FIELD_ERRORS);
    expect(exception.omitted).toBe(5);
    expect(exception.message).toMatch(/\(og 5 fejl mere\)$/);
  });

  it('never answers the English of class-validator, whatever the body, for the real request bodies (property)', async () => {
    const bodies = [CreateProgrammeBody, BudgetAdjustmentBody, CreateApplicationBody, PutAssessmentBody, DecisionBody, SubmitReportBody, CreateUserBody];
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.oneof(fc.string(), fc.integer(), fc.object())),
      fc.object(),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...bodies),
        fc.dictionary(
          fc.constantFrom('name', 'code', 'themes', 'criteria', 'budgetOre', 'ratings', 'amountOre', 'outcome', 'email', 'role', 'milestones', 'x'),
          value,
        ),
        async (metatype, body) => {
          for (const { field, message } of await fieldErrorsFor(body, metatype as new () => object)) {
            expect(typeof field).toBe('string');
            expect(message).not.toMatch(ENGLISH);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('passes a valid body through as a DTO instance', async () => {
    const value = await createValidationPipe().transform(
      { summary: 'ok', ratings: [{ criterionKey: 'a', rating: 3 }] },
      { type: 'body', metatype: Assessment },
    );
    expect(value).toBeInstanceOf(Assessment);
    expect(value.ratings[0]).toBeInstanceOf(Rating);
  });
});
