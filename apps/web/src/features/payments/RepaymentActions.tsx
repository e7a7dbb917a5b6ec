import { useEffect, useState } from 'react';
import { asProblem } from '../../api/problem';
import { copenhagenToday, formatDate, formatKroner } from '../../format';
import { errorOf, FormProblem, TextArea, TextField } from '../../ui/Form';
import { type Repayment, useSettleRepayment, useWaiveRepayment } from './useFinalAccounts';

const LABELS: Record<string, string> = { settledOn: 'Indbetalt den', reference: 'Indbetalingsreference', reason: 'Begrundelse for eftergivelsen' };

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
  const [settledOn, setSettledOn] = useState(copenhagenToday());
  const [reference, setReference] = useState('');
  const problem = settle.error ? asProblem(settle.error) : null;
  const prefix = `krav-${claim.id}`;
  useEffect(() => document.getElementById(`${prefix}-reference`)?.focus(), [prefix]);
  return (
    <form
      noValidate
      className="payment-form"
      aria-label={`Registrér indbetaling af ${formatKroner(claim.amountOre)} for ${claim.caseNumber}`}
      onSubmit={(event) => {
        event.preventDefault();
        settle.mutate({ id: claim.id, settledOn, reference }, { onSuccess: onDone });
      }}
    >
      <FormProblem error={problem} labels={(field) => LABELS[field] ?? field} />
      <TextField
        name="reference"
        id={`${prefix}-reference`}
        label="Indbetalingsreference"
        hint="Referencen fra økonomisystemet."
        value={reference}
        onChange={setReference}
        width="m"
        error={errorOf(problem, 'reference')}
      />
      <TextField
        name="settledOn"
        id={`${prefix}-settledOn`}
        label="Indbetalt den"
        type="date"
        value={settledOn}
        onChange={setSettledOn}
        error={errorOf(problem, 'settledOn')}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={settle.isPending}>
          {settle.isPending ? 'Registrerer …' : 'Registrér indbetalingen'}
        </button>
        <button type="button" className="button button-tertiary" onClick={onDone}>
          Fortryd
        </button>
      </div>
    </form>
  );
}

/** Waives the claim, with the reason (kept on the case). */
function WaiveForm({ claim, onDone }: { claim: Repayment; onDone: () => void }) {
  const waive = useWaiveRepayment(claim.awardId);
  const [reason, setReason] = useState('');
  const problem = waive.error ? asProblem(waive.error) : null;
  const id = `krav-${claim.id}-reason`;
  useEffect(() => document.getElementById(id)?.focus(), [id]);
  return (
    <form
      noValidate
      className="payment-form"
      aria-label={`Eftergiv kravet på ${formatKroner(claim.amountOre)} for ${claim.caseNumber}`}
      onSubmit={(event) => {
        event.preventDefault();
        waive.mutate({ id: claim.id, reason }, { onSuccess: onDone });
      }}
    >
      <FormProblem error={problem} labels={(field) => LABELS[field] ?? field} />
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
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={waive.isPending}>
          {waive.isPending ? 'Gemmer …' : 'Eftergiv kravet'}
        </button>
        <button type="button" className="button button-tertiary" onClick={onDone}>
          Fortryd
        </button>
      </div>
    </form>
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
