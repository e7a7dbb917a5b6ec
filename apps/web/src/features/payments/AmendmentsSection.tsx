import { type ReactNode, useState } from 'react';
import { ApiProblem, asProblem } from '../../api/problem';
import { countOf, formatDate, formatDateTime, formatKroner, parseKroner } from '../../format';
import { Alert } from '../../ui/Alert';
import { errorOf, FormShell, type FormShellProps, SelectField, TextArea, TextField } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Facts } from '../../ui/Table';
import { useArrivalFocus } from '../../ui/useArrivalFocus';
import { useLedger } from '../admin/useAdmin';
import type { Award } from '../cases/useCase';
import { useProgramme } from '../reference/useReference';
import { RepaymentClaim } from './RepaymentActions';
import { type Amendment, type Cancellation, useAmendAward, useAmendments, useCancelAward, useProjectLeads, useReopenAward } from './useAmendments';
import { useAwardRepayments } from './useFinalAccounts';
import { sumOf } from './text';
import { useAwardInstalments } from './usePayments';

const SECTION = 'aendringer';

/** What each version of the award is, in words. */
export const AMENDMENT_KINDS: Record<string, string> = {
  amount: 'Beløbet ændret',
  period: 'Perioden ændret',
  contact: 'Kontaktperson skiftet',
  cancellation: 'Tilsagnet bortfaldet',
  reopening: 'Sagen genåbnet',
};

const LABELS: Record<string, string> = {
  amountOre: 'Nyt beløb',
  endDate: 'Ny slutdato',
  contactUserId: 'Ny kontaktperson',
  rationale: 'Begrundelse',
};
const label = (field: string) => LABELS[field] ?? field;

/** An amount the API keeps as a string of øre in a version's before and after. */
function ore(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** What a version changed, from its before and after, as the kommune and the caseworker read it. */
function changeText(amendment: Amendment, ministry: boolean): ReactNode {
  const { before, after } = amendment;
  switch (amendment.kind) {
    case 'amount': {
      const from = ore(before.amountOre);
      const to = ore(after.amountOre);
      const left = ore(after.remainingOre);
      return (
        <>
          Fra {from !== null ? formatKroner(from) : '–'} til {to !== null ? formatKroner(to) : '–'}
          {from !== null && to !== null ? ` (${to > from ? 'forhøjet' : 'nedsat'} med ${formatKroner(Math.abs(to - from))})` : ''}.
          {ministry && left !== null ? ` Puljen havde derefter ${formatKroner(left)} tilbage.` : ''}
        </>
      );
    }
    case 'period': {
      const from = text(before.endDate);
      const to = text(after.endDate);
      return `Slutdatoen flyttet fra ${from ? formatDate(from) : '–'} til ${to ? formatDate(to) : '–'}. Rapportfristerne er flyttet med.`;
    }
    case 'contact':
      return `Fra ${text(before.contactName) ?? 'ingen navngiven'} til ${text(after.contactName) ?? '–'}.`;
    case 'cancellation': {
      const paid = ore(after.paidOre) ?? 0;
      const released = ore(after.releasedOre) ?? 0;
      const claim = ore(after.repaymentOre);
      return [
        `De rater, der ikke var udbetalt, er annulleret, og ${formatKroner(released)} er frigivet til puljen.`,
        paid === 0
          ? 'Der var intet udbetalt, så der er intet at betale tilbage.'
          : `Der var udbetalt ${formatKroner(paid)}${claim !== null && claim > 0 ? ', som kommunen skal betale tilbage' : ''}.`,
      ].join(' ');
    }
    case 'reopening': {
      const closed = text(before.closedAt);
      return `Sagen var lukket${closed ? ` ${formatDateTime(closed)}` : ''} og kan nu ændres igen, indtil den lukkes på ny.`;
    }
    default:
      return null;
  }
}

/** The award's versions after its decision, the first first: what changed, from what to what, why, who and when. */
export function AmendmentList({ amendments, ministry }: { amendments: Amendment[]; ministry: boolean }) {
  if (amendments.length === 0) return <p data-testid="aendringer-ingen">Tilsagnet er ikke ændret siden afgørelsen.</p>;
  return (
    <ol className="nobullet-list amendment-list" data-testid="aendringer-liste">
      {amendments.map((amendment) => (
        <li key={amendment.id} className="amendment" data-testid={`aendring-${amendment.version}`}>
          <h3 className="h4 mt-0 mb-2">
            Ændring {amendment.version}: {AMENDMENT_KINDS[amendment.kind] ?? amendment.kind}
          </h3>
          <p className="mt-0 mb-2 text-muted">
            {formatDateTime(amendment.decidedAt)}
            {amendment.decidedByName ? `, ${amendment.decidedByName}` : ''}
          </p>
          <p className="mt-0 mb-2">{changeText(amendment, ministry)}</p>
          <p className="mt-0 mb-0 pre-line">
            <strong>Begrundelse:</strong> {amendment.rationale}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** The award's money today, for the amount form: what it is, and what it cannot go below. */
function useFigures(award: Award) {
  const instalments = useAwardInstalments(award.id);
  const ledger = useLedger(award.programmeId);
  const sum = (statuses: string[]) => sumOf(instalments.data ?? [], statuses);
  return {
    ready: instalments.data !== undefined,
    paid: sum(['paid']),
    approved: sum(['approved']),
    unpaid: (instalments.data ?? []).filter((item) => item.status === 'planned' || item.status === 'ready').length,
    remaining: ledger.data?.remainingOre,
  };
}

type Action = 'amount' | 'period' | 'contact' | 'cancel' | 'reopen';

/** The buttons under the section: where the keyboard goes back to when a form closes. */
function actionButtonId(action: Action): string {
  return `aendring-knap-${action}`;
}

function RationaleField({ problem, hint, value, onChange }: { problem: unknown; hint: string; value: string; onChange: (value: string) => void }) {
  return <TextArea name="rationale" label="Begrundelse" hint={hint} value={value} onChange={onChange} rows={4} error={errorOf(problem, 'rationale')} />;
}

/** The frame the amendment forms share: named by their heading, which takes the keyboard when the form opens, and left by Fortryd. */
function AmendmentForm({
  id,
  title,
  ...shell
}: { id: string; title: string } & Pick<FormShellProps, 'problem' | 'onSubmit' | 'submit' | 'pendingText' | 'pending' | 'onCancel' | 'children'>) {
  const heading = (
    <h3 id={id} tabIndex={-1}>
      {title}
    </h3>
  );
  return <FormShell labelledBy={id} className="amendment-form" testId={`${id}-form`} focus={id} heading={heading} labels={label} {...shell} />;
}

const RATIONALE_HINT = 'Hvorfor tilsagnet ændres. Begrundelsen står i sagen og sendes til kommunens kontaktpersoner sammen med ændringen.';

function AmountForm({ award, applicationId, onDone }: { award: Award; applicationId: string; onDone: (news: string | null) => void }) {
  const amend = useAmendAward(award.id, applicationId);
  const figures = useFigures(award);
  const [amount, setAmount] = useState('');
  const [rationale, setRationale] = useState('');
  const [local, setLocal] = useState<ApiProblem | null>(null);
  const problem = local ?? (amend.error ? asProblem(amend.error) : null);
  const floor = figures.paid + figures.approved;
  const submit = () => {
    const amountOre = parseKroner(amount);
    if (amountOre === null) {
      amend.reset();
      const message = amount.trim() ? 'skal være et beløb i kroner, fx 1.234.567,50' : 'skal udfyldes';
      setLocal(
        new ApiProblem({ status: 400, title: 'Ændringen er ikke udfyldt', detail: 'Ret de markerede felter.', errors: [{ field: 'amountOre', message }] }),
      );
      return;
    }
    setLocal(null);
    amend.mutate(
      { kind: 'amount', amountOre, rationale },
      { onSuccess: (result) => onDone(`Tilsagnets beløb er nu ${formatKroner(result.award.amountOre)}, og de rater, der ikke er udbetalt, er tilpasset.`) },
    );
  };
  return (
    <AmendmentForm
      id="aendr-beloeb"
      title="Ændr beløbet"
      problem={problem}
      onSubmit={submit}
      submit="Gem det nye beløb"
      pendingText="Gemmer …"
      pending={amend.isPending}
      onCancel={() => onDone(null)}
    >
      <p>
        Beløbet kan forhøjes, så længe puljen har penge tilbage, og nedsættes, dog ikke under det, der allerede er udbetalt eller godkendt til udbetaling. De
        rater, der ikke er udbetalt, følger med, så de tilsammen giver det nye beløb.
      </p>
      {figures.ready && (
        <Facts
          caption="Tilsagnets beløb nu"
          testId="aendr-beloeb-tal"
          facts={[
            ['Tilsagnets beløb nu', formatKroner(award.amountOre)],
            ['Udbetalt og godkendt til udbetaling', `${formatKroner(floor)} (beløbet kan ikke nedsættes under dette)`],
            figures.remaining !== undefined
              ? ['Puljens resterende budget', `${formatKroner(figures.remaining)} (så meget kan beløbet højst forhøjes med)`]
              : null,
          ]}
        />
      )}
      <TextField
        name="amountOre"
        label="Nyt beløb"
        hint="I kroner, fx 1.250.000 eller 1.250.000,50."
        value={amount}
        onChange={setAmount}
        inputMode="decimal"
        width="m"
        suffix="kr."
        error={errorOf(problem, 'amountOre')}
      />
      <RationaleField problem={problem} hint={RATIONALE_HINT} value={rationale} onChange={setRationale} />
    </AmendmentForm>
  );
}

function PeriodForm({ award, applicationId, onDone }: { award: Award; applicationId: string; onDone: (news: string | null) => void }) {
  const amend = useAmendAward(award.id, applicationId);
  const [endDate, setEndDate] = useState(award.endDate);
  const [rationale, setRationale] = useState('');
  const problem = amend.error ? asProblem(amend.error) : null;
  return (
    <AmendmentForm
      id="aendr-periode"
      title="Ændr perioden"
      problem={problem}
      onSubmit={() =>
        amend.mutate(
          { kind: 'period', endDate, rationale },
          { onSuccess: (result) => onDone(`Slutdatoen er ændret til ${formatDate(result.award.endDate)}. Rapportfristerne og påmindelserne er flyttet med.`) },
        )
      }
      submit="Gem den nye slutdato"
      pendingText="Gemmer …"
      pending={amend.isPending}
      onCancel={() => onDone(null)}
    >
      <p>
        Projektperioden er {formatDate(award.startDate)} – {formatDate(award.endDate)}. En ny slutdato flytter rapportfristerne og påmindelserne. Ændringen
        tæller ikke med i den forlængelse, kommunen kan søge efter COVID-19-reglerne (der er {countOf(award.extensionMonthsLeft, 'måned', 'måneder')} tilbage af
        den).
      </p>
      <TextField
        name="endDate"
        label="Ny slutdato"
        hint={`Efter projektets startdato ${formatDate(award.startDate)}.`}
        type="date"
        value={endDate}
        onChange={setEndDate}
        error={errorOf(problem, 'endDate')}
      />
      <RationaleField problem={problem} hint={RATIONALE_HINT} value={rationale} onChange={setRationale} />
    </AmendmentForm>
  );
}

function ContactForm({
  award,
  applicationId,
  contact,
  onDone,
}: {
  award: Award;
  applicationId: string;
  contact: { id: string | null; name: string | null };
  onDone: (news: string | null) => void;
}) {
  const amend = useAmendAward(award.id, applicationId);
  const leads = useProjectLeads(award.municipalityCode, true);
  const [chosen, setChosen] = useState('');
  const [rationale, setRationale] = useState('');
  const problem = amend.error ? asProblem(amend.error) : null;
  const options = (leads.data ?? []).filter((lead) => lead.id !== contact.id).map((lead) => ({ value: lead.id, label: lead.name }));
  return (
    <AmendmentForm
      id="skift-kontakt"
      title="Skift kontaktperson"
      problem={problem}
      onSubmit={() =>
        amend.mutate(
          { kind: 'contact', ...(chosen ? { contactUserId: chosen } : {}), rationale },
          {
            onSuccess: (result) =>
              onDone(
                `${text(result.after.contactName) ?? 'Den nye kontaktperson'} er nu kommunens kontaktperson. Både den nye og den tidligere har fået besked.`,
              ),
          },
        )
      }
      submit="Skift kontaktperson"
      pendingText="Gemmer …"
      pending={amend.isPending}
      onCancel={() => onDone(null)}
    >
      <p>
        {contact.name
          ? `Kommunens kontaktperson er ${contact.name}.`
          : 'Kommunen har ingen navngiven kontaktperson; beskederne går til alle dens projektledere.'}{' '}
        Den nye kontaktperson vælges blandt {award.municipalityName}s aktive projektledere.
      </p>
      {leads.error && <ProblemAlert error={leads.error} heading="Projektlederne kunne ikke hentes" />}
      {leads.isPending && <Loading text="Henter kommunens projektledere …" />}
      {leads.data && options.length === 0 && <p data-testid="ingen-projektledere">{award.municipalityName} har ingen andre aktive projektledere i Tilskud.</p>}
      {leads.data && options.length > 0 && (
        <SelectField
          name="contactUserId"
          label="Ny kontaktperson"
          value={chosen}
          onChange={setChosen}
          placeholder="Vælg en projektleder"
          options={options}
          error={errorOf(problem, 'contactUserId')}
        />
      )}
      <RationaleField problem={problem} hint={RATIONALE_HINT} value={rationale} onChange={setRationale} />
    </AmendmentForm>
  );
}

/** What a cancellation did, in one sentence for the page to say. */
function cancellationNews(result: Cancellation): string {
  const parts = [`Tilsagnet er bortfaldet. ${countOf(result.cancelledInstalmentIds.length, 'rate', 'rater')} er annulleret`];
  parts.push(`${formatKroner(result.releasedOre)} er frigivet til puljen`);
  if (result.repayment)
    parts.push(
      result.repayment.status === 'waived'
        ? `det udbetalte beløb på ${formatKroner(result.repayment.amountOre)} er eftergivet (under puljens bagatelgrænse)`
        : `kommunen skal betale ${formatKroner(result.repayment.amountOre)} tilbage senest ${formatDate(result.repayment.dueDate)}`,
    );
  return `${parts.slice(0, -1).join(', ')} og ${parts.at(-1)}.`;
}

function CancelForm({ award, applicationId, onDone }: { award: Award; applicationId: string; onDone: (news: string | null) => void }) {
  const cancel = useCancelAward(award.id, applicationId);
  const figures = useFigures(award);
  const programme = useProgramme(award.programmeId);
  const [rationale, setRationale] = useState('');
  const problem = cancel.error ? asProblem(cancel.error) : null;
  const waiver = programme.data?.repaymentWaiverOre;
  return (
    <AmendmentForm
      id="bortfald"
      title="Bortfald tilsagnet"
      problem={problem}
      onSubmit={() => cancel.mutate(rationale, { onSuccess: (result) => onDone(cancellationNews(result)) })}
      submit="Ja, bortfald tilsagnet"
      pendingText="Bortfalder …"
      pending={cancel.isPending}
      onCancel={() => onDone(null)}
    >
      <Alert tone="warning" heading="Det sker, når tilsagnet bortfalder" testId="bortfald-virkning">
        <ul className="mt-0 mb-0">
          <li>
            De rater, der ikke er udbetalt, annulleres
            {figures.ready ? ` (${countOf(figures.unpaid, 'rate', 'rater')})` : ''}. Der udbetales ikke mere på tilsagnet.
          </li>
          {figures.ready && figures.approved > 0 ? (
            <li>
              {formatKroner(figures.approved)} er godkendt til udbetaling, men ikke registreret som betalt. Tilsagnet kan først bortfalde, når udbetalingen er
              registreret.
            </li>
          ) : null}
          <li>
            {figures.ready && figures.paid === 0
              ? 'Der er intet udbetalt, så kommunen skal ikke betale noget tilbage.'
              : `Det udbetalte beløb${figures.ready ? ` på ${formatKroner(figures.paid)}` : ''} skal betales tilbage: kommunen får et krav med frist om 30 dage.${
                  waiver !== undefined ? ` Et krav under puljens bagatelgrænse på ${formatKroner(waiver)} eftergives automatisk.` : ''
                }`}
          </li>
          <li>
            Resten af tilsagnet{figures.ready ? ` (${formatKroner(Math.max(award.amountOre - figures.paid - figures.approved, 0))})` : ''} frigives til puljens
            budget med det samme.
          </li>
          <li>Rapporterne skal ikke længere indsendes, og kommunens kontaktpersoner får besked med begrundelsen.</li>
        </ul>
      </Alert>
      <p>Et bortfald kan ikke fortrydes.</p>
      <RationaleField
        problem={problem}
        hint="Hvorfor tilsagnet bortfalder. Begrundelsen står i sagen og sendes til kommunens kontaktpersoner."
        value={rationale}
        onChange={setRationale}
      />
    </AmendmentForm>
  );
}

function ReopenForm({ award, applicationId, onDone }: { award: Award; applicationId: string; onDone: (news: string | null) => void }) {
  const reopen = useReopenAward(award.id, applicationId);
  const [rationale, setRationale] = useState('');
  const problem = reopen.error ? asProblem(reopen.error) : null;
  return (
    <AmendmentForm
      id="genaabn"
      title="Genåbn sagen"
      problem={problem}
      onSubmit={() =>
        reopen.mutate(rationale, { onSuccess: () => onDone('Sagen er genåbnet. Tilsagnet er afsluttet igen, og sagen kan lukkes, når den er klar.') })
      }
      submit="Genåbn sagen"
      pendingText="Genåbner …"
      pending={reopen.isPending}
      onCancel={() => onDone(null)}
    >
      <p>
        Når sagen genåbnes, kan der igen registreres udbetalinger, krav om tilbagebetaling og dokumenter på tilsagnet. Rapporterne og slutregnskabet forbliver
        godkendt. Sagen lukkes igen under Afslutning.
      </p>
      <RationaleField problem={problem} hint="Hvorfor sagen genåbnes. Begrundelsen står i sagen." value={rationale} onChange={setRationale} />
    </AmendmentForm>
  );
}

/** The cancellation's claim for what was paid, with what the ministry can do about it. */
function CancellationClaims({ awardId, ministry }: { awardId: string; ministry: boolean }) {
  const claims = useAwardRepayments(awardId);
  const mine = (claims.data ?? []).filter((claim) => claim.cause === 'cancellation');
  if (claims.error) return <ProblemAlert error={claims.error} heading="Kravet om tilbagebetaling kunne ikke hentes" />;
  return (
    <>
      {mine.map((claim) => (
        <RepaymentClaim
          key={claim.id}
          claim={claim}
          heading="h3"
          caption="Krav om tilbagebetaling efter bortfaldet"
          testId="bortfald-krav"
          statusTestId="bortfald-krav-status"
          ministry={ministry}
          onDone={() => requestAnimationFrame(() => document.getElementById(SECTION)?.focus())}
        />
      ))}
    </>
  );
}

/** Where the award stands, when that is not plain "active": cancelled with its rationale, closed, or reopened. */
function StatusNote({ award, amendments, ministry }: { award: Award; amendments: Amendment[]; ministry: boolean }) {
  const last = amendments.at(-1);
  if (award.status === 'cancelled') {
    const cancellation = [...amendments].reverse().find((amendment) => amendment.kind === 'cancellation');
    return (
      <>
        <Alert tone="error" heading="Tilsagnet er bortfaldet" testId="bortfaldet">
          {cancellation ? (
            <>
              <p>
                Bortfaldet {formatDateTime(cancellation.decidedAt)}
                {cancellation.decidedByName ? ` af ${cancellation.decidedByName}` : ''}. Der udbetales ikke mere på tilsagnet.
              </p>
              <p className="pre-line">
                <strong>Begrundelse:</strong> {cancellation.rationale}
              </p>
            </>
          ) : (
            <p>Der udbetales ikke mere på tilsagnet.</p>
          )}
        </Alert>
        <CancellationClaims awardId={award.id} ministry={ministry} />
      </>
    );
  }
  if (award.status === 'closed')
    return (
      <p data-testid="tilsagn-status">
        Sagen er lukket{award.closedAt ? ` ${formatDateTime(award.closedAt)}` : ''}; intet på tilsagnet kan ændres, medmindre sagen genåbnes.
      </p>
    );
  if (award.status === 'completed')
    return (
      <p data-testid="tilsagn-status">
        {last?.kind === 'reopening'
          ? `Sagen blev genåbnet ${formatDateTime(last.decidedAt)}. Tilsagnet er afsluttet og kan ikke ændres; sagen lukkes igen under Afslutning.`
          : 'Tilsagnet er afsluttet (slutrapporten er godkendt); beløb, periode og kontaktperson kan ikke længere ændres.'}
      </p>
    );
  return null;
}

/** The section on both case pages: its heading, then the award's status and versions once read, and on the caseworker's page the news and the forms. */
function AmendmentsFrame({ award, ministry, news, children }: { award: Award; ministry: boolean; news?: string | null; children?: ReactNode }) {
  const amendments = useAmendments(award.id);
  useArrivalFocus(SECTION, amendments.data !== undefined);
  return (
    <section aria-labelledby={SECTION}>
      <h2 id={SECTION} tabIndex={-1}>
        Ændringer af tilsagnet
      </h2>
      {amendments.isPending && <Loading text="Henter ændringerne …" />}
      {amendments.error && <ProblemAlert error={amendments.error} heading="Ændringerne kunne ikke hentes" />}
      {amendments.data && (
        <>
          {news && (
            <div id="aendring-nyhed" tabIndex={-1}>
              <Alert tone="success" role="status" heading="Ændringen er gemt" testId="aendring-gemt">
                <p>{news}</p>
              </Alert>
            </div>
          )}
          <StatusNote award={award} amendments={amendments.data} ministry={ministry} />
          <AmendmentList amendments={amendments.data} ministry={ministry} />
          {children}
        </>
      )}
    </section>
  );
}

/**
 * The award's changes after its decision (ændringer af tilsagnet) on the caseworker's case page: the
 * versions so far, and on an active award the forms that change its amount, its period or its contact
 * person, or cancel it (bortfald) after a warning; on a closed one, the reopening. Each needs a
 * rationale; the API's refusals (the budget, what is paid, an instalment awaiting payment) are shown at
 * the form. An administrator sees the same, without the forms.
 */
export function AmendmentsSection({
  award,
  applicationId,
  role,
  contact,
}: {
  award: Award;
  applicationId: string;
  role: string;
  contact: { id: string | null; name: string | null };
}) {
  const [open, setOpen] = useState<Action | null>(null);
  const [news, setNews] = useState<string | null>(null);
  const caseworker = role === 'caseworker';
  const done = (action: Action) => (message: string | null) => {
    setOpen(null);
    setNews(message);
    // After a change the news (or the section) has the keyboard; after Fortryd, the button that opened the form.
    requestAnimationFrame(() => (document.getElementById(message ? 'aendring-nyhed' : actionButtonId(action)) ?? document.getElementById(SECTION))?.focus());
  };
  const start = (action: Action) => {
    setNews(null);
    setOpen(action);
  };
  const actions: Array<[Action, string]> =
    award.status === 'active'
      ? [
          ['amount', 'Ændr beløb'],
          ['period', 'Ændr periode'],
          ['contact', 'Skift kontaktperson'],
          ['cancel', 'Bortfald tilsagnet'],
        ]
      : award.status === 'closed'
        ? [['reopen', 'Genåbn sagen']]
        : [];
  return (
    <AmendmentsFrame award={award} ministry news={news}>
      {caseworker && actions.length > 0 && open === null && (
        <div className="button-row amendment-actions">
          {actions.map(([action, text]) => (
            <button
              key={action}
              id={actionButtonId(action)}
              type="button"
              className={`button ${action === 'cancel' ? 'button-tertiary' : 'button-secondary'}`}
              onClick={() => start(action)}
            >
              {text}
            </button>
          ))}
        </div>
      )}
      {caseworker && open === 'amount' && <AmountForm award={award} applicationId={applicationId} onDone={done('amount')} />}
      {caseworker && open === 'period' && <PeriodForm award={award} applicationId={applicationId} onDone={done('period')} />}
      {caseworker && open === 'contact' && <ContactForm award={award} applicationId={applicationId} contact={contact} onDone={done('contact')} />}
      {caseworker && open === 'cancel' && <CancelForm award={award} applicationId={applicationId} onDone={done('cancel')} />}
      {caseworker && open === 'reopen' && <ReopenForm award={award} applicationId={applicationId} onDone={done('reopen')} />}
    </AmendmentsFrame>
  );
}

/** The same changes on the lead kommune's case page, read-only: what changed and why, and a cancelled award shown as such. */
export function LeadAmendmentsSection({ award }: { award: Award }) {
  return <AmendmentsFrame award={award} ministry={false} />;
}
