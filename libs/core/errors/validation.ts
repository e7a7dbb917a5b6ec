import { BadRequestException, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldError } from './problem.js';

/** At most this many field errors are listed; a body with more mistakes gets the first ones and their count. */
export const MAX_FIELD_ERRORS = 20;

/** A request body or query that failed validation; carries one entry per bad field, the first {@link MAX_FIELD_ERRORS}. */
export class RequestValidationException extends BadRequestException {
  readonly fieldErrors: FieldError[];
  /** How many more were found than listed. */
  readonly omitted: number;

  constructor(fieldErrors: FieldError[]) {
    super('The request has invalid fields.');
    this.fieldErrors = fieldErrors.slice(0, MAX_FIELD_ERRORS);
    this.omitted = fieldErrors.length - this.fieldErrors.length;
  }
}

function childPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** class-validator's default messages start with the property name, which `field` already says. */
function withoutPropertyName(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/** Flattens class-validator's tree of errors into `{field, message}` pairs with full paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = childPath(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? 'is not a known field' : withoutPropertyName(message, error.property),
    }));
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
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
  });
}
