import { formatKroner } from '../core/format/danish.js';
import { type Ore, sumOre } from '../core/money/money.js';
import { DOCUMENT_KIND_NAMES, type DocumentKind } from '../programmes/document-kinds.js';

/** The weights of the CVR number's modulus-11 check, digit by digit. */
export const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** Why a CVR number is not one, or null: eight digits whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11. */
export function cvrProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{8}$/.test(value)) return 'skal være et CVR-nummer på 8 cifre';
  const sum = CVR_WEIGHTS.reduce((total, weight, index) => total + weight * Number(value[index]), 0);
  return sum % 11 === 0 ? null : 'er ikke et gyldigt CVR-nummer (kontrolcifferet passer ikke)';
}

export const isCvr = (value: unknown): value is string => cvrProblem(value) === null;

export interface BudgetLine {
  label: string;
  amountOre: Ore;
}

export interface BudgetMismatch {
  sumOre: Ore;
  /** The lines' sum minus the amount applied for: negative when the lines come short. */
  differenceOre: Ore;
  message: string;
}

/** Null when the budget lines sum to the amount applied for, to the øre; else the difference, said in Danish. */
export function budgetMismatch(lines: readonly BudgetLine[], requestedOre: Ore): BudgetMismatch | null {
  const sum = sumOre(lines.map((line) => line.amountOre));
  const difference = sum - requestedOre;
  if (difference === 0n) return null;
  const how = difference < 0n ? `${formatKroner(-difference)} mindre end` : `${formatKroner(difference)} mere end`;
  return {
    sumOre: sum,
    differenceOre: difference,
    // The amount ends the sentence with its own full stop (`kr.`).
    message: `Budgetlinjerne summerer til ${formatKroner(sum)}, ${how} det ansøgte beløb på ${formatKroner(requestedOre)}`,
  };
}

/** The required kinds not among those on the case, in the programme's order. */
export function missingDocumentKinds(required: readonly string[], present: readonly string[]): string[] {
  const have = new Set(present);
  return [...new Set(required)].filter((kind) => !have.has(kind));
}

/** `Ansøgningen mangler: budget, underskrevet ansøgning.` */
export function missingDocumentsMessage(missing: readonly string[]): string {
  return `Ansøgningen mangler: ${missing.map((kind) => DOCUMENT_KIND_NAMES[kind as DocumentKind] ?? kind).join(', ')}.`;
}
