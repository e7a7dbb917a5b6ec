import { useState } from 'react';
import { asProblem } from '../../api/problem';
import { formatDate, formatKroner } from '../../format';
import { errorOf, fieldId, FormShell, TextArea } from '../../ui/Form';
import { Facts } from '../../ui/Table';
import { PaymentRecordForm } from './PaymentRecordForm';
import { type Repayment, useSettleRepayment, useWaiveRepayment } from './useFinalAccounts';

const LABELS: Record<string, string> = { reason: 'Begrundelse for eftergivelsen' };

/** Where a claim stands, in words: open (and whether past its due date), paid back, or waived and why. */
export function repaymentStatus(claim: Repayment): string {
  if (claim.status === 'settled')
    return `Indbetalt ${claim.settledOn ? formatDate(claim.settledOn) : ''}${claim.reference ? ` (ref. ${claim.reference})` : ''}`;
  if (claim.status === 'waived')
    return claim.waivedAutomatically ? 'Eftergivet automatisk (under puljens bagatelgrænse)' : `Eftergivet${claim.waiveReason ? `: ${claim.waiveReason}` : ''}`;
  return claim.overdue ? `Åbent, forfaldent siden ${formatDate(claim.dueDate)}` : 'Åbent';
}

/** Records that the kommune has paid the claim back: the day and the finance system's reference. */
function SettleForm({ claim, onDone }: { claim: Repayment; onDone: () => void }) {
  const settle = useSettleRepayment(claim.awardId);
  return (
    <PaymentRecordForm
      label={`Registrér indbetaling af ${formatKroner(claim.amountOre)} for ${claim.caseNumber}`}
      idPrefix={`krav-${claim.id}`}
      referenceLabel="Indbetalingsreference"
      dateField="settledOn"
      dateLabel="Indbetalt den"
      submit="Registrér indbetalingen"
      pending={settle.isPending}
      error={settle.error}
      onSubmit={({ reference, date }) => settle.mutate({ id: claim.id, settledOn: date, reference }, { onSuccess: onDone })}
      onCancel={onDone}
    />
  );
}

/** Waives the claim, with the reason (kept on the case). */
function WaiveForm({ claim, onDone }: { claim: Repayment; onDone: () => void }) {
  const waive = useWaiveRepayment(claim.awardId);
  const [reason, setReason] = useState('');
  const problem = waive.error ? asProblem(waive.error) : null;
  const id = `krav-${claim.id}-reason`;
  return (
    <FormShell
      label={`Eftergiv kravet på ${formatKroner(claim.amountOre)} for ${claim.caseNumber}`}
      className="payment-form"
      focus={id}
      problem={problem}
      labels={(field) => LABELS[field] ?? field}
      fieldIds={(field) => (field === 'reason' ? id : fieldId(field))}
      onSubmit={() => waive.mutate({ id: claim.id, reason }, { onSuccess: onDone })}
      submit="Eftergiv kravet"
      pendingText="Gemmer …"
      pending={waive.isPending}
      onCancel={onDone}
    >
      <TextArea
        name="reason"
        id={id}
        label="Begrundelse for eftergivelsen"
        hint="Fx at kommunen har dokumenteret yderligere udgifter, som ministeriet godkender."
        value={reason}
        onChange={setReason}
        rows={3}
        error={errorOf(problem, 'reason')}
      />
    </FormShell>
  );
}

/**
 * What the ministry does with an open claim: record that it has been paid back, or waive it with a
 * reason. Either closes it for good. `onDone` gets the keyboard somewhere sensible after the form goes.
 */
export function RepaymentActions({ claim, onDone }: { claim: Repayment; onDone?: () => void }) {
  const [open, setOpen] = useState<'settle' | 'waive' | null>(null);
  if (claim.status !== 'open') return <span className="text-muted">Afsluttet</span>;
  const done = () => {
    setOpen(null);
    onDone?.();
  };
  if (open === 'settle') return <SettleForm claim={claim} onDone={done} />;
  if (open === 'waive') return <WaiveForm claim={claim} onDone={done} />;
  return (
    <div className="button-row">
      <button type="button" className="button button-secondary" onClick={() => setOpen('settle')}>
        Registrér indbetaling
      </button>
      <button type="button" className="button button-tertiary" onClick={() => setOpen('waive')}>
        Eftergiv
      </button>
    </div>
  );
}

/** A claim to pay back as the case pages show it: amount, due date and status, and for the ministry what it can do with an open claim. */
export function RepaymentClaim({
  claim,
  heading: Heading,
  caption,
  testId,
  statusTestId,
  ministry,
  onDone,
}: {
  claim: Repayment;
  heading: 'h3' | 'h4';
  caption: string;
  testId: string;
  statusTestId: string;
  ministry: boolean;
  onDone: () => void;
}) {
  return (
    <div className="repayment-claim" data-testid={testId}>
      <Heading>Krav om tilbagebetaling</Heading>
      <Facts
        caption={caption}
        facts={[
          ['Beløb', formatKroner(claim.amountOre)],
          ['Betales senest', formatDate(claim.dueDate)],
          [
            'Status',
            <span className={claim.overdue ? 'overdue' : undefined} data-testid={statusTestId}>
              {repaymentStatus(claim)}
            </span>,
          ],
        ]}
      />
      {ministry && claim.status === 'open' && <RepaymentActions claim={claim} onDone={onDone} />}
    </div>
  );
}
