import { useState } from 'react';
import { formatDate, formatDateTime, formatKroner } from '../../format';
import { Loading } from '../../ui/Loading';
import { useArrivalFocus } from '../../ui/useArrivalFocus';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Facts, type Column, Table } from '../../ui/Table';
import { PaymentRecordForm } from './PaymentRecordForm';
import { INSTALMENT_STATUS, moneySummary, triggerText } from './text';
import { type Instalment, useApproveInstalment, useAwardInstalments, useRecordPayment } from './usePayments';

/** Records that the finance system has paid an approved instalment: the day and its reference. */
function RecordPaymentForm({ instalment, onDone }: { instalment: Instalment; onDone: () => void }) {
  const record = useRecordPayment(instalment.awardId);
  return (
    <PaymentRecordForm
      label={`Registrér udbetaling af rate ${instalment.sequence}`}
      idPrefix={`rate-${instalment.sequence}`}
      referenceLabel="Betalingsreference"
      dateField="paidOn"
      dateLabel="Udbetalt den"
      submit="Registrér udbetalingen"
      pending={record.isPending}
      error={record.error}
      onSubmit={({ reference, date }) => record.mutate({ id: instalment.id, paidOn: date, reference }, { onSuccess: onDone })}
      onCancel={onDone}
    />
  );
}

/** What the caseworker can do with one instalment: approve it (four eyes), or record its payment. */
function InstalmentActions({ instalment, role }: { instalment: Instalment; role: string }) {
  const approve = useApproveInstalment(instalment.awardId);
  const [recording, setRecording] = useState(false);
  if (instalment.status === 'ready') {
    if (role !== 'caseworker') return <span className="text-muted">Godkendes af en sagsbehandler</span>;
    if (!instalment.mayApprove) return <span data-testid={`rate-${instalment.sequence}-firoejne`}>{instalment.mayNotApproveReason}</span>;
    return (
      <>
        <button
          type="button"
          className="button button-secondary"
          disabled={approve.isPending}
          // The button goes with the approval: the keyboard goes on from the section's heading.
          onClick={() => approve.mutate(instalment.id, { onSuccess: () => document.getElementById('udbetalinger')?.focus() })}
        >
          Godkend rate {instalment.sequence}
        </button>
        {approve.error && <ProblemAlert error={approve.error} heading="Raten kunne ikke godkendes" />}
      </>
    );
  }
  // The administrator records what the finance system paid; the caseworkers who approve do not.
  if (instalment.status === 'approved' && role !== 'admin') return <span className="text-muted">Afventer betaling fra økonomisystemet</span>;
  if (instalment.status === 'approved') {
    return recording ? (
      <RecordPaymentForm
        instalment={instalment}
        onDone={() => {
          setRecording(false);
          document.getElementById('udbetalinger')?.focus();
        }}
      />
    ) : (
      <button type="button" className="button button-tertiary" onClick={() => setRecording(true)}>
        Registrér udbetaling af rate {instalment.sequence}
      </button>
    );
  }
  return <span className="text-muted">–</span>;
}

function statusCell(instalment: Instalment) {
  const words = INSTALMENT_STATUS[instalment.status] ?? instalment.status;
  if (instalment.status === 'paid')
    return `${words} ${instalment.paidOn ? formatDate(instalment.paidOn) : ''}${instalment.reference ? ` (ref. ${instalment.reference})` : ''}`;
  if (instalment.status === 'approved')
    return `${words}${instalment.approvedByName ? ` af ${instalment.approvedByName}` : ''}${instalment.approvedAt ? ` ${formatDateTime(instalment.approvedAt)}` : ''}`;
  if (instalment.status === 'ready' && instalment.readyAt) return `${words} siden ${formatDate(instalment.readyAt.slice(0, 10))}`;
  return words;
}

/**
 * The award's money, for the kommune and the ministry alike: the payment plan's instalments (rater) with
 * what makes each payable, its amount to the øre and where it stands, and the totals paid, approved and
 * held back. A caseworker approves a ready instalment here (not one they triggered: four eyes); the
 * administrator records a payment the finance system has made.
 */
export function PaymentsSection({ awardId, awardAmountOre, role }: { awardId: string; awardAmountOre: number; role: string }) {
  const instalments = useAwardInstalments(awardId);
  useArrivalFocus('udbetalinger', instalments.data !== undefined);
  const ministry = role === 'caseworker' || role === 'admin';
  const columns: Column<Instalment>[] = [
    { header: 'Rate', cell: (row) => `${row.sequence}` },
    { header: 'Udbetales', cell: triggerText },
    { header: 'Andel', cell: (row) => `${row.sharePct} %`, numeric: true },
    { header: 'Beløb', cell: (row) => formatKroner(row.amountOre), numeric: true },
    { header: 'Status', cell: statusCell },
    ...(ministry ? [{ header: 'Handling', cell: (row: Instalment) => <InstalmentActions instalment={row} role={role} /> }] : []),
  ];
  return (
    <section aria-labelledby="udbetalinger">
      <h2 id="udbetalinger" tabIndex={-1}>
        Udbetalinger
      </h2>
      {instalments.isPending && <Loading text="Henter udbetalingerne …" />}
      {instalments.error && <ProblemAlert error={instalments.error} heading="Udbetalingerne kunne ikke hentes" />}
      {instalments.data && instalments.data.length === 0 && <p>Tilskuddet har ingen rater i Tilskud: det er udbetalt uden for systemet.</p>}
      {instalments.data && instalments.data.length > 0 && (
        <>
          <Facts
            caption="Tilskuddets penge"
            testId="udbetalinger-i-alt"
            facts={(() => {
              const money = moneySummary(instalments.data);
              return [
                ['Tilsagn', formatKroner(awardAmountOre)],
                ['Udbetalt', formatKroner(money.paid)],
                ['Godkendt, ikke udbetalt', formatKroner(money.approved)],
                ['Klar til godkendelse', formatKroner(money.ready)],
                ['Endnu ikke udløst (senere rater)', formatKroner(money.heldBack)],
                money.cancelled > 0 ? ['Annulleret', formatKroner(money.cancelled)] : null,
              ];
            })()}
          />
          <h3>Rater</h3>
          <Table caption="Rater" columns={columns} rows={instalments.data} rowKey={(row) => row.id} testId="rater" />
        </>
      )}
    </section>
  );
}
