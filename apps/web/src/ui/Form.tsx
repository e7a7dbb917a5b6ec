import { type ChangeEvent, type ReactNode, useEffect, useRef } from 'react';
import { asProblem, type ApiProblem, type FieldError, isProblem } from '../api/problem';
import { MESSAGES } from '../text/da';
import { Icon } from './Icon';

/**
 * Form pieces on dkfds markup (`form-group`, `form-label`, `form-input`, `form-error-message`), in the
 * GOV.UK pattern the design system follows: each field's error beside it, linked to it by
 * aria-describedby, and an error summary at the top that takes focus and links to the fields. The
 * errors are the API's own (`errors: [{field, message}]`): the page decides nothing.
 */

/** The element id of an API field name: `activities[0]` → `felt-activities-0`. */
export function fieldId(field: string): string {
  return `felt-${field.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}

/** The message for one field in a problem answer, when it names that field. */
export function errorOf(problem: unknown, field: string): string | undefined {
  return isProblem(problem) ? problem.errors.find((error) => error.field === field)?.message : undefined;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="form-error-message" id={`${id}-error`}>
          <span className="sr-only">Fejl: </span>
          {error}
        </span>
      )}
    </>
  );
}

interface FieldProps {
  /** The API's field name; the element id is made from it. */
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  id?: string;
}

interface TextFieldProps extends FieldProps {
  type?: 'text' | 'email' | 'password' | 'date' | 'datetime-local' | 'number';
  autoComplete?: string;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email';
  width?: 'xs' | 's' | 'm' | 'l' | 'xl';
  suffix?: string;
}

export function TextField({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  id = fieldId(name),
  type = 'text',
  autoComplete,
  inputMode,
  width,
  suffix,
}: TextFieldProps) {
  const input = (
    <input
      type={type}
      id={id}
      name={name}
      className={`form-input${width ? ` input-width-${width}` : ''}`}
      value={value}
      onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      autoComplete={autoComplete}
      inputMode={inputMode}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, hint, error)}
    />
  );
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {suffix ? (
        <div className="form-input-wrapper form-input-wrapper--suffix">
          {input}
          <div className="form-input-suffix" aria-hidden="true">
            {suffix}
          </div>
        </div>
      ) : (
        input
      )}
    </div>
  );
}

export function TextArea({ name, label, hint, error, value, onChange, id = fieldId(name), rows = 5 }: FieldProps & { rows?: number }) {
  // As wide as a line of reading text allows (dkfds' widest input), at most the column.
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={name}
        className="form-input input-width-xl"
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  id = fieldId(name),
  options,
  placeholder,
}: FieldProps & { options: Array<{ value: string; label: string }>; placeholder?: string }) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <select
        id={id}
        name={name}
        className="form-select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A group of fields under one legend (themes, a list of activities): its error at the legend, and the
 * fieldset itself is where the error summary's link lands (it takes focus for that).
 */
export function FieldGroup({ name, legend, hint, error, children }: { name: string; legend: string; hint?: string; error?: string; children: ReactNode }) {
  const id = fieldId(name);
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset id={id} tabIndex={-1} aria-describedby={describedBy(id, hint, error)}>
        <legend className="form-label">{legend}</legend>
        <FieldMessages id={id} hint={hint} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

export function Checkbox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="form-group-checkbox">
      <input type="checkbox" id={id} className="form-checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

/** One choice of a radio group (inside a FieldGroup): the input and its label, which may carry a hint. */
export function Radio({
  id,
  name,
  value,
  checked,
  onChange,
  children,
}: {
  id: string;
  name: string;
  value?: string;
  checked: boolean;
  onChange: () => void;
  children: ReactNode;
}) {
  return (
    <div className="form-group-radio">
      <input type="radio" className="form-radio" id={id} name={name} value={value} checked={checked} onChange={onChange} />
      <label className="form-label" htmlFor={id}>
        {children}
      </label>
    </div>
  );
}

/**
 * A list of short texts to add to and remove from (activities, milestones): one field per item, each
 * with its own label and its own error (`activities[1]`).
 */
export function TextList({
  name,
  legend,
  itemLabel,
  addLabel,
  hint,
  problem,
  items,
  onChange,
}: {
  name: string;
  legend: string;
  itemLabel: string;
  addLabel: string;
  hint?: string;
  problem: ApiProblem | null;
  items: string[];
  onChange: (items: string[]) => void;
}) {
  const focusIndex = useRef<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    // After an item is added or removed, focus goes to the field that is now where the user was.
    if (focusIndex.current === null) return;
    const inputs = listRef.current?.querySelectorAll('input');
    inputs?.[Math.min(focusIndex.current, inputs.length - 1)]?.focus();
    focusIndex.current = null;
  }, [items.length]);
  return (
    <FieldGroup name={name} legend={legend} hint={hint} error={errorOf(problem, name)}>
      <ol className="nobullet-list text-list" ref={listRef}>
        {items.map((item, index) => {
          const field = `${name}[${index}]`;
          return (
            <li key={index} className="text-list-item">
              <TextField
                name={field}
                label={`${itemLabel} ${index + 1}`}
                error={errorOf(problem, field)}
                value={item}
                onChange={(value) => onChange(items.map((old, at) => (at === index ? value : old)))}
              />
              <button
                type="button"
                className="function-link text-list-remove"
                onClick={() => {
                  focusIndex.current = index;
                  onChange(items.filter((_, at) => at !== index));
                }}
              >
                <Icon name="delete" />
                Fjern {itemLabel.toLowerCase()} {index + 1}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          focusIndex.current = items.length;
          onChange([...items, '']);
        }}
      >
        {addLabel}
      </button>
    </FieldGroup>
  );
}

function focusField(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

/**
 * What went wrong with a form, at its top: the API's field errors as links to the fields (each named by
 * its label), or, for a problem without fields, its title and detail. It takes focus when it appears,
 * so a screen reader reads it and the keyboard starts from it.
 */
export function FormProblem({
  error,
  labels,
  fieldLinks = true,
  fieldIds = fieldId,
}: {
  error: unknown;
  labels: (field: string) => string;
  fieldLinks?: boolean;
  /** The element id of a field the summary links to, where the form does not use {@link fieldId} (several records' forms on one page). */
  fieldIds?: (field: string) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const problem = asProblem(error);
  const fields: FieldError[] = problem.errors;
  return (
    <div className="alert alert-error mt-0 mb-6" role="alert" tabIndex={-1} ref={ref}>
      <Icon name="error" label="Fejl" className="alert-icon" />
      <div className="alert-body">
        <h2 className="alert-heading">{fields.length > 0 ? MESSAGES.errorSummaryHeading : problem.title}</h2>
        {/* With field errors, the list says it (the detail repeats them with the API's field names). */}
        <p className="alert-text">{fields.length > 0 ? 'Ret følgende, og prøv igen:' : problem.detail}</p>
        {fields.length > 0 && (
          <ul className="alert-text nobullet-list">
            {fields.map((field) => (
              <li key={`${field.field}:${field.message}`}>
                {fieldLinks ? (
                  <a
                    className="function-link"
                    href={`#${fieldIds(field.field)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      focusField(fieldIds(field.field));
                    }}
                  >
                    {labels(field.field)}: {field.message}
                  </a>
                ) : (
                  <>
                    {labels(field.field)}: {field.message}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

interface FormButtonsProps {
  /** The submit button's text, and its text while the request is on its way. */
  submit: string;
  pendingText: string;
  pending: boolean;
  /** Where the form can be left without sending it: Fortryd. */
  onCancel?: () => void;
}

/** A form's buttons: submit, disabled while its request is on its way, and Fortryd where the form can be left. */
function FormButtons({ submit, pendingText, pending, onCancel }: FormButtonsProps) {
  return (
    <div className="button-row">
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? pendingText : submit}
      </button>
      {onCancel && (
        <button type="button" className="button button-tertiary" onClick={onCancel}>
          Fortryd
        </button>
      )}
    </div>
  );
}

export interface FormShellProps extends FormButtonsProps {
  /** The form's accessible name: a text (`aria-label`) or the id of its heading (`aria-labelledby`). */
  label?: string;
  labelledBy?: string;
  className?: string;
  testId?: string;
  heading?: ReactNode;
  /** The element that takes the keyboard when the form appears. */
  focus?: string;
  problem: unknown;
  labels: (field: string) => string;
  /** See {@link FormProblem}. */
  fieldIds?: (field: string) => string;
  onSubmit: () => void;
  children: ReactNode;
}

/** The frame of a form that sends one request: its heading, what went wrong at its top, its fields, then its buttons. */
export function FormShell({ label, labelledBy, className, testId, heading, focus, problem, labels, fieldIds, onSubmit, children, ...buttons }: FormShellProps) {
  // A form that opens in place of the button that opened it: the keyboard goes on from its first field or heading.
  useEffect(() => {
    if (focus) document.getElementById(focus)?.focus();
  }, [focus]);
  // noValidate: the API's own field errors are shown, not the browser's.
  return (
    <form
      noValidate
      className={className}
      aria-label={label}
      aria-labelledby={labelledBy}
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {heading}
      <FormProblem error={problem} labels={labels} fieldIds={fieldIds} />
      {children}
      <FormButtons {...buttons} />
    </form>
  );
}
