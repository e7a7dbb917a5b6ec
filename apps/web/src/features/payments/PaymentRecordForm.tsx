import { useState } from 'react';
import { asProblem } from '../../api/problem';
import { copenhagenToday } from '../../format';
import { errorOf, FormShell, TextField } from '../../ui/Form';

/** Records money the finance system has moved, by its reference there and the day (an instalment paid out, a claim paid back). */
export function PaymentRecordForm({
  label,
  idPrefix,
  referenceLabel,
  dateField,
  dateLabel,
  submit,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  /** The form's accessible name. */
  label: string;
  idPrefix: string;
  referenceLabel: string;
  dateField: string;
  dateLabel: string;
  submit: string;
  pending: boolean;
  /** The request's failure, shown at the form. */
  error: unknown;
  onSubmit: (record: { reference: string; date: string }) => void;
  onCancel: () => void;
}) {
  const [date, setDate] = useState(copenhagenToday());
  const [reference, setReference] = useState('');
  const problem = error ? asProblem(error) : null;
  const labels: Record<string, string> = { [dateField]: dateLabel, reference: referenceLabel };
  return (
    <FormShell
      label={label}
      className="payment-form"
      focus={`${idPrefix}-reference`}
      problem={problem}
      labels={(field) => labels[field] ?? field}
      fieldIds={(field) => `${idPrefix}-${field}`}
      onSubmit={() => onSubmit({ reference, date })}
      submit={submit}
      pendingText="Registrerer …"
      pending={pending}
      onCancel={onCancel}
    >
      <TextField
        name="reference"
        id={`${idPrefix}-reference`}
        label={referenceLabel}
        hint="Referencen fra økonomisystemet."
        value={reference}
        onChange={setReference}
        width="m"
        error={errorOf(problem, 'reference')}
      />
      <TextField
        name={dateField}
        id={`${idPrefix}-${dateField}`}
        label={dateLabel}
        type="date"
        value={date}
        onChange={setDate}
        error={errorOf(problem, dateField)}
      />
    </FormShell>
  );
}
