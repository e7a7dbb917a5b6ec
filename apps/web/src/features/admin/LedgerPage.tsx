import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { data, isProblem } from '../../api/problem';
import { countOf, formatKroner } from '../../format';
import { statusLabel } from '../../text/da';
import { Alert } from '../../ui/Alert';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusTag } from '../../ui/StatusTag';
import { Facts, Table } from '../../ui/Table';
import { type Programme, useMunicipalities, useProgramme } from '../reference/useReference';
import { type Bar, BarChart } from './BarChart';
import { FileButton } from './FileButton';
import { type Ledger, useLedger } from './useAdmin';
import { downloadPaymentsCsv } from '../payments/usePayments';

type Line = Ledger['awards'][number];

const RULES: Record<string, string> = {
  'budget-exceeded': 'Budgettet er overskredet',
  'below-minimum': 'Under mindstebeløbet',
  'above-requested': 'Mere end der er søgt om',
};

const NO_THEME = 'Uden registreret tema';

/** Committed per theme: an award that names several themes counts under each; one that names none, under its own row. */
function totalsByTheme(programme: Programme, lines: Line[]): Array<{ name: string; awards: number; amountOre: number }> {
  const names = new Map(programme.themes.map((theme) => [theme.key, theme.name]));
  const totals = new Map<string, { name: string; awards: number; amountOre: number }>();
  for (const theme of programme.themes) totals.set(theme.name, { name: theme.name, awards: 0, amountOre: 0 });
  for (const line of lines.filter((award) => award.status !== 'cancelled')) {
    for (const name of line.themes.length > 0 ? line.themes.map((key) => names.get(key) ?? key) : [NO_THEME]) {
      const total = totals.get(name) ?? { name, awards: 0, amountOre: 0 };
      total.awards += 1;
      total.amountOre += line.amountOre;
      totals.set(name, total);
    }
  }
  return [...totals.values()].filter((total) => total.awards > 0 || total.name !== NO_THEME).sort((a, b) => b.amountOre - a.amountOre);
}

function Deviations({ ledger, kommuneOf }: { ledger: Ledger; kommuneOf: (caseNumber: string) => string | null }) {
  if (ledger.deviations.length === 0) {
    return (
      <Alert tone="success" heading="Ingen afvigelser" testId="afvigelser">
        <p>Regnskabet følger puljens regler: tilsagnene holder sig inden for budgettet, og intet tilsagn er under mindstebeløbet.</p>
      </Alert>
    );
  }
  return (
    <div className="alert alert-warning" data-testid="afvigelser">
      <Icon name="warning" label="Advarsel" className="alert-icon" />
      <div className="alert-body">
        <h2 className="alert-heading">{countOf(ledger.deviations.length, 'afvigelse', 'afvigelser')} fra puljens regler</h2>
        <p className="alert-text">Tallene er vist, som de blev besluttet og offentliggjort; afvigelserne er ikke rettet, men står her.</p>
        <ul className="alert-text">
          {ledger.deviations.map((deviation) => {
            const kommune = deviation.caseNumber ? kommuneOf(deviation.caseNumber) : null;
            return (
              <li key={`${deviation.rule}:${deviation.caseNumber ?? ''}`}>
                <strong>
                  {RULES[deviation.rule] ?? deviation.rule}
                  {deviation.caseNumber ? ` – ${deviation.caseNumber}${kommune ? `, ${kommune}` : ''}` : ''}:
                </strong>{' '}
                {deviation.message}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

/** The figures behind a chart, as a table for everyone (and screen readers above all). */
function FiguresTable({
  caption,
  rows,
  testId,
  what,
}: {
  caption: string;
  rows: Array<{ name: string; awards: number; amountOre: number }>;
  testId: string;
  what: string;
}) {
  return (
    <Table
      caption={caption}
      testId={testId}
      rows={rows}
      rowKey={(row) => row.name}
      columns={[
        { header: what, cell: (row) => row.name },
        { header: 'Tilsagn', numeric: true, cell: (row) => String(row.awards) },
        { header: 'Bevilget', numeric: true, cell: (row) => formatKroner(row.amountOre) },
      ]}
    />
  );
}

/** The finance system's file: the programme's instalments approved for payment and not yet recorded as paid. */
function PaymentsFile({ programmeId }: { programmeId: string }) {
  const [failure, setFailure] = useState<unknown>(null);
  return (
    <>
      <p>
        Godkendte rater, der endnu ikke er registreret som udbetalt, hentes som en CSV-fil til økonomisystemet (CVR-nummer, sagsnummer, beløb og reference).
      </p>
      {failure !== null && <ProblemAlert error={failure} heading="Betalingsfilen kunne ikke hentes" />}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          setFailure(null);
          void downloadPaymentsCsv(programmeId).catch(setFailure);
        }}
      >
        Hent betalingsfil (CSV)
      </button>
    </>
  );
}

function Books({ programme, ledger }: { programme: Programme; ledger: Ledger }) {
  const municipalities = useMunicipalities();
  const kommune = (code: string) => municipalities.data?.officialByCode.get(code) ?? code;
  const shortName = (code: string) => municipalities.data?.byCode.get(code) ?? code;
  const byCase = new Map(ledger.awards.map((line) => [line.caseNumber, line]));
  const kommuneOf = (caseNumber: string) => {
    const line = byCase.get(caseNumber);
    return line ? kommune(line.municipalityCode) : null;
  };
  const deviating = new Map<string, string[]>();
  for (const deviation of ledger.deviations) {
    if (deviation.caseNumber) deviating.set(deviation.caseNumber, [...(deviating.get(deviation.caseNumber) ?? []), RULES[deviation.rule] ?? deviation.rule]);
  }
  const themeNames = new Map(programme.themes.map((theme) => [theme.key, theme.name]));
  const budget = ledger.budgetOre + ledger.adjustmentsOre;
  const over = ledger.overCommittedOre > 0;
  const moneyBars: Bar[] = [
    { label: 'Budget med reguleringer', ore: budget, tone: 'neutral' },
    { label: 'Bevilget', ore: ledger.committedOre, tone: over ? 'error' : 'primary' },
    over ? { label: 'Overskredet', ore: ledger.overCommittedOre, tone: 'error' } : { label: 'Tilbage', ore: ledger.remainingOre, tone: 'success' },
  ];
  const moneyText = `Bevilget ${formatKroner(ledger.committedOre)} af et budget med reguleringer på ${formatKroner(budget)}; ${
    over ? `${formatKroner(ledger.overCommittedOre)} over budgettet` : `${formatKroner(ledger.remainingOre)} tilbage`
  }.`;
  const byMunicipality = ledger.byMunicipality.map((total) => ({
    name: total.name || shortName(total.municipalityCode),
    awards: total.awards,
    amountOre: total.amountOre,
  }));
  const byTheme = totalsByTheme(programme, ledger.awards);
  const listText = (rows: Array<{ name: string; amountOre: number }>) =>
    rows
      .slice(0, 5)
      .map((row) => `${row.name} ${formatKroner(row.amountOre)}`)
      .join(', ');

  return (
    <>
      <Deviations ledger={ledger} kommuneOf={kommuneOf} />

      <h2>Budget og forbrug</h2>
      <Facts
        caption="Budget og forbrug"
        testId="regnskab-tal"
        facts={[
          ['Budget', formatKroner(ledger.budgetOre)],
          [`+ Reguleringer (${ledger.adjustments.length})`, formatKroner(ledger.adjustmentsOre)],
          [
            `− Bevilget (${countOf(ledger.awards.filter((line) => line.status !== 'cancelled').length, 'tilsagn', 'tilsagn')})`,
            formatKroner(ledger.committedOre),
          ],
          ledger.releasedOre > 0 && ['+ Frigivet (ubrugt efter slutregnskab og tilbagebetalt)', formatKroner(ledger.releasedOre)],
          ['= Tilbage', <strong>{formatKroner(ledger.remainingOre)}</strong>],
          over && ['Overskredet med', <strong>{formatKroner(ledger.overCommittedOre)}</strong>],
        ]}
      />
      <figure className="chart">
        <figcaption className="h4">Bevilget mod budget</figcaption>
        <BarChart bars={moneyBars} description={moneyText} testId="graf-budget" />
      </figure>

      <h2>Udbetalt</h2>
      <p>Tilsagn udbetales i rater efter puljens betalingsplan. Det udbetalte er en del af det bevilgede og ændrer ikke, hvad der er tilbage af budgettet.</p>
      <Facts
        caption="Udbetalt af det bevilgede"
        testId="regnskab-udbetalt"
        facts={[
          ['Bevilget', formatKroner(ledger.committedOre)],
          ['Udbetalt', formatKroner(ledger.paidOre)],
          ['Godkendt, ikke udbetalt', formatKroner(ledger.approvedUnpaidOre)],
          ledger.releasedOre > 0 && ['Frigivet igen', formatKroner(ledger.releasedOre)],
          ledger.repaymentsOpenOre > 0 && ['Tilbagebetalingskrav, åbne', formatKroner(ledger.repaymentsOpenOre)],
        ]}
      />
      <figure className="chart">
        <figcaption className="h4">Udbetalt af det bevilgede</figcaption>
        <BarChart
          bars={[
            { label: 'Bevilget', ore: ledger.committedOre, tone: 'neutral' },
            { label: 'Udbetalt', ore: ledger.paidOre, tone: 'primary' },
            { label: 'Godkendt, ikke udbetalt', ore: ledger.approvedUnpaidOre, tone: 'success' },
          ]}
          description={`Af ${formatKroner(ledger.committedOre)} bevilget er ${formatKroner(ledger.paidOre)} udbetalt og ${formatKroner(
            ledger.approvedUnpaidOre,
          )} godkendt til udbetaling.`}
          testId="graf-udbetalt"
        />
      </figure>
      <PaymentsFile programmeId={programme.id} />

      <h2>Bevilget pr. kommune</h2>
      {byMunicipality.length === 0 ? (
        <p>Der er ikke givet tilsagn endnu.</p>
      ) : (
        <>
          <figure className="chart">
            <figcaption className="sr-only">Bevilget pr. kommune, som søjlediagram</figcaption>
            <BarChart
              bars={byMunicipality.map((row) => ({ label: row.name, ore: row.amountOre }))}
              description={`Bevilget pr. kommune, størst først: ${listText(byMunicipality)}${byMunicipality.length > 5 ? ' og flere; se tabellen' : ''}.`}
              testId="graf-kommuner"
            />
          </figure>
          <FiguresTable caption="Bevilget pr. kommune" testId="pr-kommune" rows={byMunicipality} what="Kommune" />
        </>
      )}

      <h2>Bevilget pr. tema</h2>
      {byTheme.every((row) => row.awards === 0) ? (
        <p>Der er ikke givet tilsagn endnu.</p>
      ) : (
        <>
          <p>Et tilsagn, hvis ansøgning nævner flere temaer, tæller med under hvert af dem.</p>
          <figure className="chart">
            <figcaption className="sr-only">Bevilget pr. tema, som søjlediagram</figcaption>
            <BarChart
              bars={byTheme.map((row) => ({ label: row.name, ore: row.amountOre, tone: row.name === NO_THEME ? 'neutral' : 'primary' }))}
              description={`Bevilget pr. tema: ${listText(byTheme)}${byTheme.length > 5 ? ' og flere; se tabellen' : ''}.`}
              testId="graf-temaer"
            />
          </figure>
          <FiguresTable caption="Bevilget pr. tema" testId="pr-tema" rows={byTheme} what="Tema" />
        </>
      )}

      <h2>Tilsagn</h2>
      {ledger.awards.length === 0 ? (
        <p>Der er ikke givet tilsagn endnu.</p>
      ) : (
        <Table
          caption="Tilsagn"
          testId="tilsagn"
          rows={ledger.awards}
          rowKey={(line) => line.awardId}
          columns={[
            {
              header: 'Sagsnummer',
              cell: (line) => (
                <>
                  {line.caseNumber}
                  {deviating.get(line.caseNumber)?.map((rule) => (
                    <span key={rule} className="badge badge-warning ml-2">
                      {rule}
                    </span>
                  ))}
                </>
              ),
            },
            { header: 'Kommune', cell: (line) => shortName(line.municipalityCode) },
            { header: 'Temaer', cell: (line) => (line.themes.length > 0 ? line.themes.map((key) => themeNames.get(key) ?? key).join(', ') : '–') },
            { header: 'Status', cell: (line) => <StatusTag status={line.status} /> },
            { header: 'Søgt', numeric: true, cell: (line) => formatKroner(line.requestedOre) },
            { header: 'Bevilget', numeric: true, cell: (line) => formatKroner(line.amountOre) },
            { header: 'Udbetalt', numeric: true, cell: (line) => formatKroner(line.paidOre) },
          ]}
        />
      )}
      {ledger.awards.some((line) => line.status === 'cancelled') && (
        <p className="small-text">Tilsagn med status {statusLabel('cancelled').toLowerCase()} tæller ikke med i det bevilgede.</p>
      )}

      <h2>Reguleringer</h2>
      {ledger.adjustments.length === 0 ? (
        <p>Budgettet er ikke reguleret.</p>
      ) : (
        <ul>
          {ledger.adjustments.map((adjustment) => (
            <li key={adjustment.id}>
              {adjustment.deltaOre > 0 ? '+' : ''}
              {formatKroner(adjustment.deltaOre)}: {adjustment.reason}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** `/puljer/:id/regnskab`: the programme's ledger, for the administrator and the auditor. */
export function LedgerPage() {
  const { id = '' } = useParams();
  const programme = useProgramme(id);
  const ledger = useLedger(id);
  const title = programme.data ? `Regnskab: ${programme.data.code}` : 'Regnskab';

  const error = programme.error ?? ledger.error;
  if (error) {
    const notFound = isProblem(error) && error.status === 404;
    return (
      <Page title={notFound ? 'Puljen findes ikke' : title}>
        {notFound ? <p>Der er ingen pulje med den adresse.</p> : <ProblemAlert error={error} />}
        <p>
          <Link to="/puljer">Tilbage til puljerne</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={title} heading={programme.data ? `Regnskab for ${programme.data.name}` : 'Regnskab'}>
      {programme.data && <p className="font-lead">{programme.data.code}</p>}
      <div className="function-links mt-0">
        <Link to="/puljer">Tilbage til puljerne</Link>
        {programme.data && <Link to={`/puljer/${id}`}>Ret puljen og budgettet</Link>}
        <FileButton
          label="Hent tilsagn som CSV"
          filename={`tilsagn-${programme.data?.code ?? id}.csv`}
          fetchFile={() => data(api.GET('/api/v1/exports/awards.csv', { params: { query: { programmeId: id } }, parseAs: 'blob' })) as Promise<Blob>}
        />
        <FileButton
          label="Hent den offentliggjorte oversigt (PDF)"
          filename={`tilsagnsoversigt-${programme.data?.code ?? id}.pdf`}
          fetchFile={() => data(api.GET('/api/v1/exports/award-overview.pdf', { params: { query: { programmeId: id } }, parseAs: 'blob' })) as Promise<Blob>}
        />
      </div>
      {programme.data && ledger.data ? <Books programme={programme.data} ledger={ledger.data} /> : <Loading text="Henter regnskabet …" />}
    </Page>
  );
}
