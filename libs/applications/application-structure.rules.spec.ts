import fc from 'fast-check';
import { kroner } from '../core/money/money.js';
import { budgetMismatch, CVR_WEIGHTS, cvrProblem, isCvr, missingDocumentKinds, missingDocumentsMessage } from './application-structure.rules.js';

/** Seven digits and the check digit that makes them a CVR number, or null when none does (the remainder would be 10). */
function withCheckDigit(digits: number[]): string | null {
  const sum = digits.reduce((total, digit, index) => total + CVR_WEIGHTS[index] * digit, 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? null : [...digits, check].join('');
}

describe('the CVR number', () => {
  it('accepts a real one (Novo Nordisk A/S, 24256790)', () => {
    expect(cvrProblem('24256790')).toBeNull();
  });

  it('refuses a wrong check digit in Danish', () => {
    expect(cvrProblem('24256791')).toBe('er ikke et gyldigt CVR-nummer (kontrolcifferet passer ikke)');
  });

  it('refuses anything but eight digits', () => {
    for (const value of ['2425679', '242567900', '2425679a', ' 24256790', '', 24256790, null]) {
      expect(cvrProblem(value)).toBe('skal være et CVR-nummer på 8 cifre');
    }
  });

  it('accepts every number whose check digit completes the weighted sum to a multiple of 11', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }), (digits) => {
        const cvr = withCheckDigit(digits);
        fc.pre(cvr !== null);
        expect(isCvr(cvr)).toBe(true);
      }),
    );
  });

  it('refuses a valid number with any one digit changed (every weight is prime to 11)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        (digits, position, shift) => {
          const cvr = withCheckDigit(digits);
          fc.pre(cvr !== null);
          const changed = cvr!.slice(0, position) + String((Number(cvr![position]) + shift) % 10) + cvr!.slice(position + 1);
          expect(isCvr(changed)).toBe(false);
        },
      ),
    );
  });
});

describe('the budget lines', () => {
  it('match when they sum to the amount applied for, to the øre', () => {
    expect(
      budgetMismatch(
        [
          { label: 'Løn', amountOre: kroner(2_000_000) },
          { label: 'Uddannelse', amountOre: kroner(500_000) },
        ],
        kroner(2_500_000),
      ),
    ).toBeNull();
  });

  it('say in kroner how much less they sum to', () => {
    expect(budgetMismatch([{ label: 'Løn', amountOre: kroner(2_400_000) }], kroner(2_500_000))).toEqual({
      sumOre: kroner(2_400_000),
      differenceOre: -kroner(100_000),
      message: 'Budgetlinjerne summerer til 2.400.000 kr., 100.000 kr. mindre end det ansøgte beløb på 2.500.000 kr.',
    });
  });

  it('say in kroner how much more they sum to, øre included', () => {
    expect(budgetMismatch([{ label: 'Løn', amountOre: kroner(2_500_000) + 50n }], kroner(2_500_000))?.message).toBe(
      'Budgetlinjerne summerer til 2.500.000,50 kr., 0,50 kr. mere end det ansøgte beløb på 2.500.000 kr.',
    );
  });

  it('differ exactly when the sum differs, by the sum minus the amount applied for', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 1n, max: 10n ** 11n }), { maxLength: 50 }), fc.bigInt({ min: 1n, max: 10n ** 11n }), (amounts, requested) => {
        const lines = amounts.map((amountOre, index) => ({ label: `Linje ${index + 1}`, amountOre }));
        const sum = amounts.reduce((total, amount) => total + amount, 0n);
        const mismatch = budgetMismatch(lines, requested);
        if (sum === requested) expect(mismatch).toBeNull();
        else expect(mismatch).toMatchObject({ sumOre: sum, differenceOre: sum - requested });
      }),
    );
  });

  it('always match when the last line takes up the rest', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 9n }), { minLength: 1, maxLength: 20 }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (amounts, rest) => {
          const requested = amounts.reduce((total, amount) => total + amount, 0n) + rest;
          const lines = [...amounts, rest].map((amountOre) => ({ label: 'Linje', amountOre }));
          expect(budgetMismatch(lines, requested)).toBeNull();
        },
      ),
    );
  });
});

describe('the required documents', () => {
  it('are missing when no document of their kind is on the case', () => {
    expect(missingDocumentKinds(['budget', 'signed_application', 'auditor_statement'], ['auditor_statement', 'other'])).toEqual([
      'budget',
      'signed_application',
    ]);
    expect(missingDocumentKinds(['budget'], ['budget', 'budget'])).toEqual([]);
  });

  it('are named in Danish', () => {
    expect(missingDocumentsMessage(['budget', 'signed_application'])).toBe('Ansøgningen mangler: budget, underskrevet ansøgning.');
  });

  it('never name a kind that is on the case, nor one not required', () => {
    const kinds = fc.constantFrom<string>('budget', 'signed_application', 'auditor_statement', 'report_annex', 'letter', 'other');
    fc.assert(
      fc.property(fc.array(kinds), fc.array(kinds), (required, present) => {
        const missing = missingDocumentKinds(required, present);
        expect(missing.every((kind) => required.includes(kind) && !present.includes(kind))).toBe(true);
        expect(required.filter((kind) => !present.includes(kind)).every((kind) => missing.includes(kind))).toBe(true);
      }),
    );
  });
});
