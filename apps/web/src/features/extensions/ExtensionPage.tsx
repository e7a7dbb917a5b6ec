import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { countOf, formatDate, formatDateTime } from '../../format';
import { Alert } from '../../ui/Alert';
import { errorOf, FormProblem, SelectField, TextArea } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusTag } from '../../ui/StatusTag';
import { Facts } from '../../ui/Table';
import { CaseGate } from '../cases/CaseGate';
import type { Award } from '../cases/useCase';
import { useProgramme } from '../reference/useReference';
import { type ExtensionRequest, useExtensionRequests, useRequestExtension, useWithdrawExtension } from './useExtensions';

/** The most months one request may ask for (the API's own bound; the programme caps the sum). */
const MAX_MONTHS_PER_REQUEST = 6;

const LABELS: Record<string, string> = { months: 'Antal måneder', justification: 'Begrundelse', reason: 'Årsag' };

function RequestForm({ award, available }: { award: Award; available: number }) {
  const request = useRequestExtension(award.id);
  const [months, setMonths] = useState('');
  const [justification, setJustification] = useState('');
  const choices = Array.from({ length: Math.min(MAX_MONTHS_PER_REQUEST, available) }, (_, index) => index + 1);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        request.mutate(
          { months: Number(months) || 0, reason: 'covid19', justification: justification.trim() },
          {
            onSuccess: () => {
              setMonths('');
              setJustification('');
            },
          },
        );
      }}
    >
      <h2>Søg om forlængelse</h2>
      <FormProblem error={request.error} labels={(field) => LABELS[field] ?? field} />
      {request.isSuccess && (
        <Alert tone="success" role="status" testId="anmodning-sendt">
          <p>Anmodningen er sendt. Du får besked, når den er afgjort.</p>
        </Alert>
      )}
      <SelectField
        name="months"
        label="Antal måneder"
        hint={`Du kan søge om ${countOf(available, 'måned', 'måneder')} endnu.`}
        value={months}
        onChange={setMonths}
        placeholder="Vælg antal måneder"
        options={choices.map((count) => ({ value: String(count), label: countOf(count, 'måned', 'måneder') }))}
        error={errorOf(request.error, 'months')}
      />
      <TextArea
        name="justification"
        label="Begrundelse"
        hint="Hvordan har COVID-19 forsinket projektet?"
        value={justification}
        onChange={setJustification}
        error={errorOf(request.error, 'justification')}
      />
      <button type="submit" className="button button-primary" disabled={request.isPending}>
        {request.isPending ? 'Sender …' : 'Send anmodning'}
      </button>
    </form>
  );
}

function Requests({ award, requests }: { award: Award; requests: ExtensionRequest[] }) {
  const withdraw = useWithdrawExtension(award.id);
  if (requests.length === 0) return <p>Der er ikke søgt om forlængelse.</p>;
  return (
    <>
      {withdraw.error && <ProblemAlert error={withdraw.error} />}
      <ol className="nobullet-list" data-testid="anmodninger">
        {[...requests].reverse().map((request) => (
          <li key={request.id} className="extension-request">
            <h3>
              {countOf(request.months, 'måned', 'måneder')}, søgt {formatDateTime(request.requestedAt)}
            </h3>
            <Facts
              caption={`Anmodning om ${countOf(request.months, 'måned', 'måneder')}`}
              facts={[
                ['Status', <StatusTag status={request.status} />],
                ['Begrundelse', <span className="pre-line">{request.justification}</span>],
                request.requestedByName ? ['Søgt af', request.requestedByName] : null,
                request.approvedMonths !== null ? ['Godkendt', countOf(request.approvedMonths, 'måned', 'måneder')] : null,
                request.endDateAfter ? ['Ny slutdato', formatDate(request.endDateAfter)] : null,
                request.decidedAt ? ['Afgjort', `${formatDateTime(request.decidedAt)}${request.decidedByName ? ` af ${request.decidedByName}` : ''}`] : null,
                request.rationale ? ['Afgørelsens begrundelse', <span className="pre-line">{request.rationale}</span>] : null,
              ]}
            />
            {request.status === 'submitted' && (
              <button type="button" className="button button-secondary" disabled={withdraw.isPending} onClick={() => withdraw.mutate(request.id)}>
                Træk anmodningen om {countOf(request.months, 'måned', 'måneder')} tilbage
              </button>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

function Extension({ award }: { award: Award }) {
  const programme = useProgramme(award.programmeId);
  const requests = useExtensionRequests(award.id);
  if (programme.isPending || requests.isPending) return <Loading />;
  if (programme.error || requests.error) return <ProblemAlert error={programme.error ?? requests.error} />;
  // The months left as the API counts them for a request (the programme's cap less those approved).
  const available = award.extensionMonthsLeft;
  const pending = requests.data.find((request) => request.status === 'submitted');
  return (
    <>
      <Facts
        caption="Forlængelse"
        testId="forlaengelse"
        facts={[
          ['Slutdato', formatDate(award.endDate)],
          award.endDate !== award.originalEndDate ? ['Oprindelig slutdato', formatDate(award.originalEndDate)] : null,
          ['Godkendt forlængelse', countOf(award.approvedExtensionMonths, 'måned', 'måneder')],
          ['Puljens grænse', countOf(programme.data.maxCovidExtensionMonths, 'måned', 'måneder')],
          ['Måneder, der kan søges endnu', <strong data-testid="maaneder-tilbage">{countOf(available, 'måned', 'måneder')}</strong>],
        ]}
      />
      {award.status !== 'active' ? (
        <Alert tone="info" heading="Bevillingen er ikke aktiv">
          <p>Der kan kun søges om forlængelse af en aktiv bevilling.</p>
        </Alert>
      ) : pending ? (
        <Alert tone="info" heading="En anmodning venter på afgørelse">
          <p>Du kan søge igen, når den er afgjort, eller trække den tilbage nedenfor.</p>
        </Alert>
      ) : available === 0 ? (
        <Alert tone="info" heading="Ikke flere måneder">
          <p>Bevillingen er forlænget med alle de måneder, puljen tillader.</p>
        </Alert>
      ) : (
        <RequestForm award={award} available={available} />
      )}
      <h2>Anmodninger</h2>
      <Requests award={award} requests={requests.data} />
    </>
  );
}

/** `/sager/:id/forlaengelse`: COVID-19 extension of the award: months left, the requests, a new one, withdrawal. */
export function ExtensionPage() {
  const { id = '' } = useParams();
  return (
    <CaseGate id={id} title="Forlængelse" needsAward>
      {({ application, award }) => (
        <Page title={`Forlængelse, ${application.caseNumber}`} heading="Forlængelse på grund af COVID-19">
          <p className="font-lead">
            {application.caseNumber}: {application.title}
          </p>
          <p>
            <Link to={`/sager/${application.id}`}>Tilbage til sagen</Link>
          </p>
          <Extension award={award!} />
        </Page>
      )}
    </CaseGate>
  );
}
