import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, type ValidationError } from 'class-validator';
import { countOf, formatKroner, formatNumber } from '../format/danish.js';
import { describeFieldErrors, type FieldError } from './problem.js';

/** At most this many field errors are listed; a body with more mistakes gets the first ones and their count. */
export const MAX_FIELD_ERRORS = 20;

/** A request body or query that failed validation; carries one entry per bad field, the first {@link MAX_FIELD_ERRORS}. */
export class RequestValidationException extends BadRequestException {
  readonly fieldErrors: FieldError[];
  /** How many more were found than listed. */
  readonly omitted: number;

  constructor(fieldErrors: FieldError[]) {
    const listed = fieldErrors.slice(0, MAX_FIELD_ERRORS);
    const omitted = fieldErrors.length - listed.length;
    super(`Oplysningerne er ikke gyldige: ${describeFieldErrors(listed)}${omitted > 0 ? ` (og ${countOf(omitted, 'fejl mere', 'fejl mere')})` : ''}`);
    this.fieldErrors = listed;
    this.omitted = omitted;
  }
}

/** The arguments of one constraint (`@Min(5)` has `[5]`) and what the field holds. */
interface Constraint {
  args: readonly unknown[];
  /** A field ending in `Ore` holds an amount of øre: its bounds are said in kroner. */
  money: boolean;
}

const number = (value: unknown) => (typeof value === 'number' ? formatNumber(value) : String(value));
const characters = (value: unknown) => (typeof value === 'number' ? countOf(value, 'tegn', 'tegn') : `${String(value)} tegn`);
const items = (value: unknown) => (typeof value === 'number' ? countOf(value, 'element', 'elementer') : `${String(value)} elementer`);
const amount = (value: unknown, money: boolean) =>
  money && typeof value === 'number' && Number.isSafeInteger(value) ? formatKroner(BigInt(value)) : number(value);

/**
 * class-validator's constraints in Danish, with their arguments, for every constraint the DTOs use:
 * the short phrase shown next to a field (`skal være mindst 5.000.000 kr.`). A decorator with a
 * message of its own (`@Matches(…, { message: 'skal være en kommunekode på tre cifre' })`) keeps it;
 * a constraint not listed here keeps the message it gives (this project's own validators give Danish).
 */
const DANISH: Record<string, (constraint: Constraint) => string> = {
  isDefined: () => 'skal udfyldes',
  isNotEmpty: () => 'skal udfyldes',
  isString: () => 'skal være tekst',
  isInt: ({ money }) => (money ? 'skal være et helt antal øre' : 'skal være et helt tal'),
  isNumber: () => 'skal være et tal',
  isBoolean: () => 'skal være true eller false',
  isArray: () => 'skal være en liste',
  isUuid: () => 'skal være et id (UUID)',
  isEmail: () => 'skal være en e-mailadresse',
  isIn: ({ args: [values] }) => `skal være en af: ${Array.isArray(values) ? values.join(', ') : String(values)}`,
  matches: () => 'har ikke det rigtige format',
  min: ({ args: [minimum], money }) => (money && minimum === 1 ? 'skal være mere end 0 kr.' : `skal være mindst ${amount(minimum, money)}`),
  max: ({ args: [maximum], money }) => `må højst være ${amount(maximum, money)}`,
  minLength: ({ args: [minimum] }) => (minimum === 1 ? 'skal udfyldes' : `skal være mindst ${characters(minimum)}`),
  maxLength: ({ args: [maximum] }) => `må højst være ${characters(maximum)}`,
  arrayNotEmpty: () => 'skal indeholde mindst 1 element',
  arrayMinSize: ({ args: [minimum] }) => `skal indeholde mindst ${items(minimum)}`,
  arrayMaxSize: ({ args: [maximum] }) => `må højst indeholde ${items(maximum)}`,
  arrayUnique: () => 'må ikke indeholde den samme værdi to gange',
  nestedValidation: () => 'skal være et objekt',
  whitelistValidation: () => 'er ikke et kendt felt',
  unknownValue: () => 'skal være et JSON-objekt',
};

/** Constraints on a value's type: when one fails, the field's other constraints say nothing more. */
const TYPE_CONSTRAINTS = new Set(['isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'nestedValidation']);

interface ConstraintMetadata {
  propertyName: string;
  name?: string;
  type: string;
  constraints?: unknown[];
  message?: unknown;
  each?: boolean;
}

/** Each DTO class's decorators, read once: a body of a thousand bad items looks them up a thousand times. */
const metadataByClass = new WeakMap<object, ConstraintMetadata[]>();

/** The decorator behind a failed constraint: its arguments, whether it checks each item, and whether it has a message of its own. */
function metadataOf(target: unknown, property: string, name: string): ConstraintMetadata | undefined {
  if (typeof target !== 'object' || target === null || Array.isArray(target)) return undefined;
  let metadata = metadataByClass.get(target.constructor);
  if (!metadata) {
    metadata = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', false, false) as ConstraintMetadata[];
    metadataByClass.set(target.constructor, metadata);
  }
  return metadata.find((entry) => entry.propertyName === property && (entry.name === name || entry.type === name));
}

/** The Danish message of one failed constraint of `error`. */
function danishMessage(error: ValidationError, name: string, given: string): string {
  const metadata = metadataOf(error.target, error.property, name);
  // `@ValidateNested` gives an English message of its own when it is given none.
  if (metadata?.message !== undefined && name !== 'nestedValidation') return given;
  const translate = DANISH[name];
  if (!translate) return given;
  const message = translate({ args: metadata?.constraints ?? [], money: /Ore$/.test(error.property) });
  return metadata?.each ? `hvert element ${message}` : message;
}

/**
 * The messages of one field: `skal udfyldes` alone when it is missing, only the type's when the
 * value has the wrong type (`skal være tekst`, not also its length), otherwise one per constraint.
 */
function messagesOf(error: ValidationError): string[] {
  const failed = Object.entries(error.constraints ?? {});
  if (failed.length === 0) return [];
  for (const whole of ['whitelistValidation', 'unknownValue']) {
    if (failed.some(([name]) => name === whole)) return [DANISH[whole]({ args: [], money: false })];
  }
  if (error.value === undefined || error.value === null) return ['skal udfyldes'];
  // A list that is not one: `skal være en liste` says it; what its items are not adds nothing.
  const typeFailures = error.constraints?.isArray ? failed.filter(([name]) => name === 'isArray') : failed.filter(([name]) => TYPE_CONSTRAINTS.has(name));
  return [...new Set((typeFailures.length > 0 ? typeFailures : failed).map(([name, given]) => danishMessage(error, name, given)))];
}

function childPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** Flattens class-validator's tree of errors into `{field, message}` pairs with full paths and Danish messages. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = error.property === undefined ? parent || '(body)' : childPath(parent, error.property);
    const own = messagesOf(error).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Whitelist, refuse unknown fields, transform into DTO instances: the one pipe every route goes through. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // The target and value stay inside the pipe: they tell which decorator failed (for its arguments)
    // and whether a field is missing; only `{field, message}` pairs leave it.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
  });
}
