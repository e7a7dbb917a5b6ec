import { type ReactNode, useState } from 'react';
import { ApiProblem, asProblem } from '../../api/problem';
import { formatDate, formatDateTime, formatKroner, kronerNumber, parseKroner } from '../../format';
import { Alert } from '../../ui/Alert';
import { errorOf, FieldGroup, FormShell, Radio, TextArea, TextField } from '../../ui/Form';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { type Column, Facts, Table } from '../../ui/Table';
import { useArrivalFocus } from '../../ui/useArrivalFocus';
import type { Application } from '../applications/useApplications';
import type { Award } from '../cases/useCase';
import { DownloadLink } from '../documents/DocumentsSection';
import { type CaseDocument, useCaseDocuments } from '../documents/useDocuments';
import { useProgramme } from '../reference/useReference';
import { RepaymentClaim } from './RepaymentActions';
import { type FinalAccount, type Repayment, useAwardRepayments, useFileFinalAccounts, useFinalAccounts, useReviewFinalAccounts } from './useFinalAccounts';
import { sumOf } from './text';
import { type Instalment, useAwardInstalments } from './usePayments';

export const FINAL_ACCOUNT_STATUS: Record<string, string> = {
  submitted: 'Venter på gennemgang',
  approved: 'Godkendt',
  returned: 'Sendt retur',
};

type Line = FinalAccount['budgetLines'][number];

/** After a filing or a review, the keyboard goes on from the section's heading rather than the page's top. */
function focusSection() {
  requestAnimationFrame(() => document.getElementById('slutregnskab')?.focus());
}

/** How far a line's spending is from its budget, in words. */
function difference(line: Line): string {
  const diff = line.spentOre - line.budgetOre;
  if (diff === 0) return 'Som budgetteret';
  return diff < 0 ? `${formatKroner(-diff)} under budget` : `${formatKroner(diff)} over budget`;
}

const LINE_COLUMNS: Column<Line & { index: number }>[] = [
  { header: 'Budgetlinje', cell: (row) => row.label },
  { header: 'Budget', cell: (row) => formatKroner(row.budgetOre), numeric: true },
  { header: 'Forbrug', cell: (row) => formatKroner(row.spentOre), numeric: true },
  { header: 'Forskel', cell: difference, numeric: true },
];

/** One filing as filed: the total, the lines against their budget, the auditor's statement, and the review. */
function FilingFacts({ account, documents }: { account: FinalAccount; documents: CaseDocument[] }) {
  const statement = documents.find((document) => document.id === account.auditorStatementDocumentId);
  const budget = account.budgetLines.reduce((total, line) => total + line.budgetOre, 0);
  return (
    <>
      <Facts
        caption={`Slutregnskab nr. ${account.filingNo}`}
        testId={`slutregnskab-${account.filingNo}`}
        facts={[
          ['Status', FINAL_ACCOUNT_STATUS[account.status] ?? account.status],
          ['Indsendt', formatDateTime(account.filedAt)],
          ['Forbrug i alt', formatKroner(account.spentOre)],
          ['Budget i alt', formatKroner(budget)],
          [
            'Revisorerklæring',
            account.auditorStatementDocumentId ? statement ? <DownloadLink document={statement} /> : 'Vedlagt' : 'Ingen (kræves ikke for tilsagnet)',
          ],
          account.comment ? ['Kommunens bemærkninger', <span className="pre-line">{account.comment}</span>] : null,
          account.reviewedAt ? [account.status === 'approved' ? 'Godkendt' : 'Sendt retur', formatDateTime(account.reviewedAt)] : null,
          account.reviewComment ? ['Ministeriets kommentar', <span className="pre-line">{account.reviewComment}</span>] : null,
        ]}
      />
      <h4>Forbrug pr. budgetlinje</h4>
      <Table
        caption={`Forbrug pr. budgetlinje, slutregnskab nr. ${account.filingNo}`}
        columns={LINE_COLUMNS}
        rows={account.budgetLines.map((line, index) => ({ ...line, index }))}
        rowKey={(row) => String(row.index)}
        testId={`budgetlinjer-${account.filingNo}`}
      />
    </>
  );
}

/** The money as the approval left it: the approved spending, what is paid and still to be paid, what went back to the programme, and any claim. */
function Settlement({
  award,
  account,
  instalments,
  claims,
  ministry,
}: {
  award: Award;
  account: FinalAccount;
  instalments: Instalment[];
  claims: Repayment[];
  ministry: boolean;
}) {
  const sum = (statuses: string[]) => sumOf(instalments, statuses);
  const paid = sum(['paid']);
  const toPay = sum(['planned', 'ready', 'approved']);
  // What the approval released: the commitment beyond what is paid and still to be paid (the cancelled and reduced instalments).
  const released = award.amountOre - paid - toPay;
  return (
    <>
      <h3>Afregning</h3>
      <Facts
        caption="Afregningen efter slutregnskabet"
        testId="afregning"
        facts={[
          ['Tilsagn', formatKroner(award.amountOre)],
          ['Godkendt forbrug', formatKroner(account.spentOre)],
          ['Udbetalt', formatKroner(paid)],
          toPay > 0 ? ['Udbetales endnu', formatKroner(toPay)] : null,
          released > 0 ? ['Frigivet til puljen (ikke brugt)', formatKroner(released)] : null,
          claims.length === 0 ? ['Tilbagebetaling', 'Ingen: der er ikke udbetalt mere end det godkendte forbrug'] : null,
        ]}
      />
      {claims.map((claim) => (
        <RepaymentClaim
          key={claim.id}
          claim={claim}
          heading="h4"
          caption="Krav om tilbagebetaling"
          testId="tilbagebetalingskrav"
          statusTestId="krav-status"
          ministry={ministry}
          onDone={focusSection}
        />
      ))}
    </>
  );
}

/** Earlier filings, each folded: what was filed, and what the ministry said. */
function History({ filings, documents }: { filings: FinalAccount[]; documents: CaseDocument[] }) {
  if (filings.length === 0) return null;
  return (
    <>
      <h3>Tidligere indsendelser</h3>
      <ol className="nobullet-list" data-testid="tidligere-slutregnskaber">
        {[...filings].reverse().map((account) => (
          <li key={account.id}>
            <details className="version">
              <summary>
                Slutregnskab nr. {account.filingNo}, indsendt {formatDateTime(account.filedAt)}: {FINAL_ACCOUNT_STATUS[account.status]?.toLowerCase()}
              </summary>
              <FilingFacts account={account} documents={documents} />
            </details>
          </li>
        ))}
      </ol>
    </>
  );
}

// The lead's form

interface LineDraft {
  label: string;
  budget: string;
  spent: string;
}

const LABELS = (field: string): string => {
  const line = /^budgetLines\[(\d+)\]\.(\w+)$/.exec(field);
  if (line) return `Budgetlinje ${Number(line[1]) + 1}, ${{ label: 'betegnelse', budgetOre: 'budget', spentOre: 'forbrug' }[line[2]] ?? line[2]}`;
  return (
    {
      spentOre: 'Forbrug i alt',
      budgetLines: 'Forbrug pr. budgetlinje',
      auditorStatementDocumentId: 'Revisorerklæring',
      comment: 'Bemærkninger',
    }[field] ?? field
  );
};

/** The lines to start from: the returned filing's, else the application's budget, else one empty line. */
function startingLines(application: Application, returned: FinalAccount | undefined): LineDraft[] {
  if (returned) return returned.budgetLines.map((line) => ({ label: line.label, budget: kronerNumber(line.budgetOre), spent: kronerNumber(line.spentOre) }));
  if (application.budgetLines.length > 0)
    return application.budgetLines.map((line) => ({ label: line.label, budget: kronerNumber(line.amountOre), spent: '' }));
  return [{ label: '', budget: '', spent: '' }];
}

/** A budget line's two amounts: the API's field, its label, and where the draft keeps it. */
const AMOUNT_FIELDS = [
  ['budgetOre', 'Budget', 'budget'],
  ['spentOre', 'Forbrug', 'spent'],
] as const;

function amountError(text: string): string | null {
  if (!text.trim()) return 'skal udfyldes';
  return parseKroner(text) === null ? 'skal være et beløb i kroner, fx 1.234.567,50' : null;
}

function FileForm({
  award,
  application,
  returned,
  statements,
  thresholdOre,
}: {
  award: Award;
  application: Application;
  returned: FinalAccount | undefined;
  statements: CaseDocument[];
  thresholdOre: number | undefined;
}) {
  const file = useFileFinalAccounts(award.id);
  const [spent, setSpent] = useState(returned ? kronerNumber(returned.spentOre) : '');
  const [lines, setLines] = useState<LineDraft[]>(() => startingLines(application, returned));
  const [statement, setStatement] = useState(returned?.auditorStatementDocumentId ?? '');
  const [comment, setComment] = useState('');
  const [local, setLocal] = useState<ApiProblem | null>(null);
  const problem = local ?? (file.error ? asProblem(file.error) : null);
  const required = thresholdOre !== undefined && award.amountOre >= thresholdOre;
  const linesSum = lines.reduce((total, line) => total + (parseKroner(line.spent) ?? 0), 0);
  const spentOre = parseKroner(spent);

  const setLine = (index: number, key: keyof LineDraft) => (value: string) =>
    setLines((old) => old.map((line, at) => (at === index ? { ...line, [key]: value } : line)));

  const submit = () => {
    const errors: Array<{ field: string; message: string }> = [];
    const spentError = amountError(spent);
    if (spentError) errors.push({ field: 'spentOre', message: spentError });
    lines.forEach((line, index) => {
      if (!line.label.trim()) errors.push({ field: `budgetLines[${index}].label`, message: 'skal udfyldes' });
      const budgetError = amountError(line.budget);
      if (budgetError) errors.push({ field: `budgetLines[${index}].budgetOre`, message: budgetError });
      const lineError = amountError(line.spent);
      if (lineError) errors.push({ field: `budgetLines[${index}].spentOre`, message: lineError });
    });
    if (errors.length > 0) {
      file.reset();
      setLocal(new ApiProblem({ status: 400, title: 'Slutregnskabet er ikke udfyldt', detail: 'Ret de markerede felter.', errors }));
      return;
    }
    setLocal(null);
    file.mutate(
      {
        spentOre: parseKroner(spent)!,
        budgetLines: lines.map((line) => ({ label: line.label.trim(), budgetOre: parseKroner(line.budget)!, spentOre: parseKroner(line.spent)! })),
        ...(statement ? { auditorStatementDocumentId: statement } : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      },
      { onSuccess: focusSection },
    );
  };

  return (
    <FormShell
      labelledBy="indsend-slutregnskab"
      testId="slutregnskab-form"
      heading={<h3 id="indsend-slutregnskab">{returned ? 'Indsend slutregnskabet igen' : 'Indsend slutregnskabet'}</h3>}
      problem={problem}
      labels={LABELS}
      onSubmit={submit}
      submit="Indsend slutregnskabet"
      pendingText="Indsender …"
      pending={file.isPending}
    >
      <TextField
        name="spentOre"
        label="Forbrug i alt"
        hint={`Hvad projektet har brugt af tilskuddet, i kroner. Højst ${formatKroner(award.amountOre)}, tilsagnets beløb.`}
        value={spent}
        onChange={setSpent}
        inputMode="decimal"
        width="m"
        suffix="kr."
        error={errorOf(problem, 'spentOre')}
      />
      <FieldGroup
        name="budgetLines"
        legend="Forbrug pr. budgetlinje"
        hint="Budgettet og forbruget på hver linje i kroner. Forbruget på linjerne skal tilsammen give forbruget i alt."
        error={errorOf(problem, 'budgetLines')}
      >
        <ol className="nobullet-list budget-lines">
          {lines.map((line, index) => {
            const field = (key: string) => `budgetLines[${index}].${key}`;
            return (
              <li key={index} className="budget-line">
                <fieldset>
                  <legend className="h5 mt-0 mb-0">Budgetlinje {index + 1}</legend>
                  <TextField
                    name={field('label')}
                    label="Betegnelse"
                    value={line.label}
                    onChange={setLine(index, 'label')}
                    width="xl"
                    error={errorOf(problem, field('label'))}
                  />
                  <div className="budget-line-fields">
                    {AMOUNT_FIELDS.map(([key, label, draft]) => (
                      <TextField
                        key={key}
                        name={field(key)}
                        label={label}
                        value={line[draft]}
                        onChange={setLine(index, draft)}
                        inputMode="decimal"
                        width="s"
                        suffix="kr."
                        error={errorOf(problem, field(key))}
                      />
                    ))}
                  </div>
                  {lines.length > 1 && (
                    <button type="button" className="function-link" onClick={() => setLines((old) => old.filter((_, at) => at !== index))}>
                      <Icon name="delete" />
                      Fjern budgetlinje {index + 1}
                    </button>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
        <p data-testid="linjesum" aria-live="polite">
          {spentOre !== null && spentOre !== linesSum
            ? `Linjerne summer til ${formatKroner(linesSum)}: ${formatKroner(Math.abs(spentOre - linesSum))} ${linesSum > spentOre ? 'mere' : 'mindre'} end forbruget i alt.`
            : `Linjerne summer til ${formatKroner(linesSum)}`}
        </p>
        <button type="button" className="button button-secondary" onClick={() => setLines((old) => [...old, { label: '', budget: '', spent: '' }])}>
          Tilføj en budgetlinje
        </button>
      </FieldGroup>
      <FieldGroup
        name="auditorStatementDocumentId"
        legend={required ? 'Revisorerklæring' : 'Revisorerklæring (kræves ikke)'}
        hint={
          thresholdOre === undefined
            ? undefined
            : required
              ? `Tilsagnet er på ${formatKroner(award.amountOre)}, og puljen kræver en revisorerklæring for tilsagn på ${formatKroner(thresholdOre)} eller derover. Upload den under Dokumenter nedenfor som dokumenttypen Revisorerklæring, og vælg den her.`
              : `Puljen kræver kun en revisorerklæring for tilsagn på ${formatKroner(thresholdOre)} eller derover; tilsagnet er på ${formatKroner(award.amountOre)}.`
        }
        error={errorOf(problem, 'auditorStatementDocumentId')}
      >
        {statements.length === 0 ? (
          <p className="mt-0">
            Der er ingen revisorerklæring på tilsagnet endnu. <a href="#dokumenter">Gå til Dokumenter for at uploade den</a>
          </p>
        ) : (
          <>
            {!required && (
              <Radio id="erklaering-ingen" name="auditorStatementDocumentId" checked={statement === ''} onChange={() => setStatement('')}>
                Ingen revisorerklæring
              </Radio>
            )}
            {statements.map((document) => (
              <Radio
                key={document.id}
                id={`erklaering-${document.id}`}
                name="auditorStatementDocumentId"
                checked={statement === document.id}
                onChange={() => setStatement(document.id)}
              >
                {document.filename}
                <span className="form-hint d-block">Uploadet {formatDateTime(document.uploadedAt)}</span>
              </Radio>
            ))}
          </>
        )}
      </FieldGroup>
      <TextArea
        name="comment"
        label="Bemærkninger (valgfri)"
        hint="Fx hvorfor forbruget afviger fra budgettet."
        value={comment}
        onChange={setComment}
        rows={3}
        error={errorOf(problem, 'comment')}
      />
    </FormShell>
  );
}

/** What the section needs read before it says anything, and its filings as both case pages speak of them. */
function useMoney(award: Award, applicationId: string) {
  const filings = useFinalAccounts(award.id);
  const claims = useAwardRepayments(award.id);
  const instalments = useAwardInstalments(award.id);
  const documents = useCaseDocuments(applicationId);
  const programme = useProgramme(award.programmeId);
  const error = filings.error ?? claims.error ?? instalments.error ?? documents.error;
  const ready = filings.data && claims.data && instalments.data && documents.data;
  useArrivalFocus('slutregnskab', Boolean(ready));
  const filed = filings.data ?? [];
  return {
    claims,
    instalments,
    programme,
    error,
    ready,
    filings: filed,
    documents: documents.data?.items ?? [],
    approved: filed.find((filing) => filing.status === 'approved'),
    pending: filed.find((filing) => filing.status === 'submitted'),
    latest: filed.at(-1),
  };
}

/** The section on both case pages: its heading, where a worklist link lands, and nothing but the wait or the failure until all is read. */
function FinalAccountsFrame({ money, children }: { money: ReturnType<typeof useMoney>; children: ReactNode }) {
  return (
    <section aria-labelledby="slutregnskab">
      <h2 id="slutregnskab" tabIndex={-1}>
        Slutregnskab
      </h2>
      {money.error && <ProblemAlert error={money.error} heading="Slutregnskabet kunne ikke hentes" />}
      {!money.ready && !money.error && <Loading text="Henter slutregnskabet …" />}
      {money.ready && children}
    </section>
  );
}

/**
 * The lead kommune's final accounts (slutregnskab) on its case page: the form to file them (again,
 * after a return, with the ministry's comment above it), the filing waiting for review, and once
 * approved, the settlement: the approved spending, what is still paid out or was released, and any
 * claim to pay back with its due date.
 */
export function LeadFinalAccountsSection({ award, application }: { award: Award; application: Application }) {
  const money = useMoney(award, application.id);
  const { filings, documents, approved, pending, latest } = money;
  const returned = latest?.status === 'returned' ? latest : undefined;
  const statements = documents.filter(
    (document) => document.kind === 'auditor_statement' && document.subjectType === 'award' && document.subjectId === award.id,
  );
  const open = award.status === 'active' || award.status === 'completed';
  return (
    <FinalAccountsFrame money={money}>
      {approved && (
        <>
          <Alert tone="success" heading="Slutregnskabet er godkendt" testId="slutregnskab-status">
            <p>
              Ministeriet godkendte slutregnskabet {approved.reviewedAt ? formatDate(approved.reviewedAt) : ''}. Der udbetales kun det godkendte forbrug på{' '}
              {formatKroner(approved.spentOre)}
            </p>
          </Alert>
          <Settlement award={award} account={approved} instalments={money.instalments.data!} claims={money.claims.data!} ministry={false} />
        </>
      )}
      {pending && (
        <Alert tone="info" heading="Slutregnskabet venter på ministeriets gennemgang" testId="slutregnskab-status">
          <p>
            Slutregnskab nr. {pending.filingNo} blev indsendt {formatDateTime(pending.filedAt)}. Ministeriet godkender det eller sender det retur med en
            kommentar; I får besked begge gange.
          </p>
        </Alert>
      )}
      {!approved && !pending && open && (
        <>
          {returned ? (
            <Alert tone="warning" heading={`Slutregnskab nr. ${returned.filingNo} er sendt retur`} testId="slutregnskab-status">
              <p className="pre-line" data-testid="retur-kommentar">
                {returned.reviewComment}
              </p>
              <p>Ret slutregnskabet nedenfor, og indsend det igen.</p>
            </Alert>
          ) : (
            <p>
              Når projektet er slut, indsender I slutregnskabet: hvad I har brugt af tilskuddet, i alt og fordelt på budgetlinjerne. Ministeriet udbetaler kun
              det godkendte forbrug. Er der udbetalt mere, skal forskellen betales tilbage.
            </p>
          )}
          <FileForm
            key={returned?.id ?? 'first'}
            award={award}
            application={application}
            returned={returned}
            statements={statements}
            thresholdOre={money.programme.data?.auditorStatementThresholdOre}
          />
        </>
      )}
      {!approved && !pending && !open && <p>Tilsagnet er {award.status === 'closed' ? 'lukket' : 'bortfaldet'}; der kan ikke indsendes slutregnskab.</p>}
      {pending && <FilingFacts account={pending} documents={documents} />}
      <History filings={filings.filter((filing) => filing !== pending && filing !== approved)} documents={documents} />
      {approved && (
        <details className="version">
          <summary>Det godkendte slutregnskab (nr. {approved.filingNo})</summary>
          <FilingFacts account={approved} documents={documents} />
        </details>
      )}
    </FinalAccountsFrame>
  );
}

// The caseworker's review

/** What approving these accounts will do to the money, from the instalments as they stand (final-accounts.rules.ts). */
function approvalEffect(award: Award, account: FinalAccount, instalments: Instalment[], waiverOre: number | undefined): string[] {
  const sum = (statuses: string[]) => sumOf(instalments, statuses);
  const paid = sum(['paid']);
  const spent = account.spentOre;
  const lines = [`Forbruget fastsættes til ${formatKroner(spent)}, og der er udbetalt ${formatKroner(paid)}`];
  if (spent > paid) lines.push(`Der udbetales ${formatKroner(spent - paid)} mere af de rater, der ikke er udbetalt; resten af dem annulleres.`);
  else if (sum(['planned', 'ready']) > 0) lines.push('De rater, der ikke er udbetalt, annulleres.');
  if (paid > spent) {
    const claim = paid - spent;
    lines.push(
      waiverOre !== undefined && claim < waiverOre
        ? `Der er udbetalt ${formatKroner(claim)} for meget. Beløbet er under puljens bagatelgrænse på ${formatKroner(waiverOre)} og eftergives automatisk.`
        : `Der er udbetalt ${formatKroner(claim)} for meget: kommunen får et krav om tilbagebetaling med frist 30 dage efter godkendelsen.`,
    );
  }
  const released = award.amountOre - Math.max(spent, paid);
  if (released > 0) lines.push(`${formatKroner(released)} frigives til puljens budget.`);
  return lines;
}

function ReviewForm({
  award,
  account,
  instalments,
  waiverOre,
}: {
  award: Award;
  account: FinalAccount;
  instalments: Instalment[];
  waiverOre: number | undefined;
}) {
  const review = useReviewFinalAccounts(award.id);
  const [outcome, setOutcome] = useState<'approve' | 'return' | ''>('');
  const [comment, setComment] = useState('');
  const [local, setLocal] = useState<ApiProblem | null>(null);
  const problem = local ?? (review.error ? asProblem(review.error) : null);
  const awaiting = instalments.filter((item) => item.status === 'approved');
  const submit = () => {
    const errors: Array<{ field: string; message: string }> = [];
    if (!outcome) errors.push({ field: 'outcome', message: 'vælg, om slutregnskabet godkendes eller sendes retur' });
    if (!comment.trim()) errors.push({ field: 'comment', message: outcome === 'return' ? 'skriv, hvad kommunen skal rette' : 'skal udfyldes' });
    if (errors.length > 0) {
      review.reset();
      setLocal(new ApiProblem({ status: 400, title: 'Gennemgangen er ikke udfyldt', detail: 'Ret de markerede felter.', errors }));
      return;
    }
    setLocal(null);
    review.mutate({ id: account.id, outcome: outcome as 'approve' | 'return', comment: comment.trim() }, { onSuccess: focusSection });
  };
  return (
    <FormShell
      labelledBy="gennemgang-slutregnskab"
      testId="gennemgang-form"
      heading={<h3 id="gennemgang-slutregnskab">Gennemgang</h3>}
      problem={problem}
      labels={(field) => ({ outcome: 'Afgørelse', comment: 'Kommentar til kommunen' })[field] ?? field}
      onSubmit={submit}
      submit={outcome === 'return' ? 'Send retur' : outcome === 'approve' ? 'Godkend' : 'Gem gennemgangen'}
      pendingText="Gemmer …"
      pending={review.isPending}
    >
      <FieldGroup name="outcome" legend="Afgørelse" error={errorOf(problem, 'outcome')}>
        <Radio id="slutregnskab-godkend" name="outcome" checked={outcome === 'approve'} onChange={() => setOutcome('approve')}>
          Godkend slutregnskabet
        </Radio>
        <Radio id="slutregnskab-retur" name="outcome" checked={outcome === 'return'} onChange={() => setOutcome('return')}>
          Send slutregnskabet retur til kommunen
        </Radio>
      </FieldGroup>
      {outcome === 'approve' && (
        <Alert tone={awaiting.length > 0 ? 'warning' : 'info'} heading="Det sker ved godkendelsen" testId="godkendelsens-virkning">
          {awaiting.length > 0 ? (
            <p>
              Rate {awaiting.map((item) => item.sequence).join(' og ')} er godkendt til udbetaling, men ikke registreret som betalt. Slutregnskabet kan først
              godkendes, når udbetalingen er registreret.
            </p>
          ) : (
            <ul className="mt-0 mb-0">
              {approvalEffect(award, account, instalments, waiverOre).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <TextArea
        name="comment"
        label="Kommentar til kommunen"
        hint={
          outcome === 'return' ? 'Skriv, hvad kommunen skal rette. Kommentaren sendes til kommunens kontaktpersoner.' : 'Sendes til kommunens kontaktpersoner.'
        }
        value={comment}
        onChange={setComment}
        rows={4}
        error={errorOf(problem, 'comment')}
      />
    </FormShell>
  );
}

/**
 * The final accounts on the caseworker's case page: the filing waiting for review (its figures, the
 * lines against their budget, the auditor's statement) with the review form and, before approving, what
 * the approval will do to the money; after approval, the settlement and any claim to settle or waive.
 */
export function ReviewFinalAccountsSection({ award, applicationId, role }: { award: Award; applicationId: string; role: string }) {
  const money = useMoney(award, applicationId);
  const { filings, documents, approved, pending, latest } = money;
  return (
    <FinalAccountsFrame money={money}>
      {filings.length === 0 && <p data-testid="slutregnskab-status">Kommunen har ikke indsendt slutregnskab endnu.</p>}
      {latest?.status === 'returned' && (
        <p data-testid="slutregnskab-status">
          Slutregnskab nr. {latest.filingNo} er sendt retur {latest.reviewedAt ? formatDate(latest.reviewedAt) : ''}; kommunen har ikke indsendt det igen.
        </p>
      )}
      {pending && (
        <>
          <p data-testid="slutregnskab-status">
            Slutregnskab nr. {pending.filingNo} er indsendt {formatDateTime(pending.filedAt)} og venter på gennemgang.
          </p>
          <FilingFacts account={pending} documents={documents} />
          {role === 'caseworker' && award.status !== 'closed' && (
            <ReviewForm award={award} account={pending} instalments={money.instalments.data!} waiverOre={money.programme.data?.repaymentWaiverOre} />
          )}
        </>
      )}
      {approved && (
        <>
          <Alert tone="success" heading="Slutregnskabet er godkendt" testId="slutregnskab-status">
            <p>
              Godkendt {approved.reviewedAt ? formatDateTime(approved.reviewedAt) : ''} med et forbrug på {formatKroner(approved.spentOre)}
            </p>
          </Alert>
          <Settlement
            award={award}
            account={approved}
            instalments={money.instalments.data!}
            claims={money.claims.data!}
            ministry={role === 'caseworker' || role === 'admin'}
          />
        </>
      )}
      <History filings={filings.filter((filing) => filing !== pending)} documents={documents} />
    </FinalAccountsFrame>
  );
}
