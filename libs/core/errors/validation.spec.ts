import { Type } from 'class-transformer';
import { IsArray, IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';
import { createValidationPipe, RequestValidationException } from './validation.js';

class Rating {
  @IsString() criterionKey: string;
  @IsInt() @Min(1) @Max(5) rating: number;
}

class Assessment {
  @IsString() summary: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Rating) ratings: Rating[];
}

async function fieldErrorsFor(body: unknown) {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: Assessment });
  } catch (error) {
    if (error instanceof RequestValidationException) return error.fieldErrors;
    throw error;
  }
  return [];
}

describe('the validation pipe', () => {
  it('names nested fields by their path', async () => {
    const errors = await fieldErrorsFor({
      summary: 'ok',
      ratings: [
        { criterionKey: 'a', rating: 1 },
        { criterionKey: 'b', rating: 9 },
      ],
    });
    expect(errors).toEqual([{ field: 'ratings[1].rating', message: 'must not be greater than 5' }]);
  });

  it('refuses a field the endpoint does not know, instead of dropping it', async () => {
    const errors = await fieldErrorsFor({ summary: 'ok', ratings: [], isAdmin: true });
    expect(errors).toEqual([{ field: 'isAdmin', message: 'is not a known field' }]);
  });

  it('reports every missing field', async () => {
    const errors = await fieldErrorsFor({});
    expect(errors.map((e) => e.field).sort()).toEqual(['ratings', 'summary']);
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
