import { Link, useNavigate, useParams } from 'react-router';
import { DocumentsSection } from '../documents/DocumentsSection';
import { useCaseDocuments } from '../documents/useDocuments';
import { isProblem } from '../../api/problem';
import { formatDate, formatDateTime, formatKroner, listOf } from '../../format';
import { DOCUMENT_KINDS, MESSAGES } from '../../text/da';
import { Alert } from '../../ui/Alert';
import { FormProblem } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Facts } from '../../ui/Table';
import { useMunicipalities, useProgramme } from '../reference/useReference';
import { applicationFieldLabel } from './ApplicationFormPage';
import { type Application, useApplication, useSubmitApplication } from './useApplications';

/** The application's fields as the summary and the case page show them. */
export function ApplicationFacts({ application }: { application: Application }) {
  const programme = useProgramme(application.programmeId);
  const municipalities = useMunicipalities();
  const themeName = (key: string) => programme.data?.themes.find((theme) => theme.key === key)?.name ?? key;
  const kommune = (code: string) => municipalities.data?.byCode.get(code) ?? code;
  return (
    <Facts
      caption="Ansøgningens oplysninger"
      testId="ansoegningens-oplysninger"
      facts={[
        ['Pulje', programme.data ? `${programme.data.name} (${programme.data.code})` : '…'],
        ['Projektets titel', application.title],
        ['Formål', <span className="pre-line">{application.purpose}</span>],
        ['Temaer', application.themes.length > 0 ? listOf(application.themes.map(themeName)) : 'Ingen valgt'],
        [
          'Aktiviteter',
          application.activities.length > 0 ? (
            <ul className="mt-0 mb-0">
              {application.activities.map((activity, index) => (
                <li key={index}>{activity}</li>
              ))}
            </ul>
          ) : (
            'Ingen'
          ),
        ],
        ['Ansøgt beløb', formatKroner(application.requestedOre)],
        ['Projektperiode', `${formatDate(application.plannedStart)} – ${formatDate(application.plannedEnd)}`],
        ['Ansøgende kommune', application.municipalityName],
        ['Medansøgende kommuner', application.coApplicantCodes.length > 0 ? listOf(application.coApplicantCodes.map(kommune)) : 'Ingen'],
        application.cvr ? ['CVR-nummer', application.cvr] : null,
        application.contactPerson
          ? ['Kontaktperson', `${application.contactPerson.name}, ${application.contactPerson.email}, tlf. ${application.contactPerson.phone}`]
          : null,
        application.budgetLines.length > 0
          ? [
              'Budget',
              <ul className="mt-0 mb-0" data-testid="budgetlinjer">
                {application.budgetLines.map((line, index) => (
                  <li key={index}>
                    {line.label}: {formatKroner(line.amountOre)}
                  </li>
                ))}
              </ul>,
            ]
          : null,
        application.coFinancingOre != null ? ['Medfinansiering', formatKroner(application.coFinancingOre)] : null,
        application.caseNumber ? ['Sagsnummer', application.caseNumber] : null,
        application.submittedAt ? ['Modtaget', formatDateTime(application.submittedAt)] : null,
      ]}
    />
  );
}

/** The kinds of document the programme requires before submission, and which of them are on the draft. */
function RequiredKinds({ programmeId, applicationId }: { programmeId: string; applicationId: string }) {
  const programme = useProgramme(programmeId);
  const documents = useCaseDocuments(applicationId);
  const required = programme.data?.requiredDocumentKinds ?? [];
  if (required.length === 0) return <p>Puljen kræver ingen bilag; du kan vedhæfte dem, du finder relevante.</p>;
  const present = new Set((documents.data?.items ?? []).map((document) => document.kind));
  return (
    <>
      <p className="mb-0">Puljen kræver disse bilag, før ansøgningen kan indsendes:</p>
      <ul data-testid="paakraevede-bilag">
        {required.map((kind) => (
          <li key={kind}>
            {DOCUMENT_KINDS[kind] ?? kind}: {present.has(kind) ? 'vedhæftet' : <strong>mangler</strong>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** `/ansoegninger/:id/opsummering`: everything in the draft, read once more, before it is submitted. */
export function SummaryPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const application = useApplication(id);
  const submit = useSubmitApplication(id);

  if (application.isPending) {
    return (
      <Page title="Opsummering">
        <Loading />
      </Page>
    );
  }
  if (application.error) {
    const notFound = isProblem(application.error) && application.error.status === 404;
    return (
      <Page title={notFound ? MESSAGES.notFoundCase : 'Opsummering'}>
        {notFound ? <p>{MESSAGES.notFoundCaseText}</p> : <ProblemAlert error={application.error} />}
      </Page>
    );
  }
  const draft = application.data;
  if (draft.status !== 'draft') {
    return (
      <Page title="Opsummering">
        <Alert tone="info" heading="Ansøgningen er indsendt">
          <p>Ansøgningen er allerede indsendt og kan ikke ændres.</p>
        </Alert>
        <p>
          <Link to={`/ansoegninger/${draft.id}/kvittering`}>Se kvitteringen</Link> · <Link to={`/sager/${draft.id}`}>Gå til sagen</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Opsummering" heading="Tjek din ansøgning, før du indsender">
      <p className="font-lead">Læs oplysningerne igennem. Når ansøgningen er indsendt, kan den ikke længere ændres.</p>
      <FormProblem error={submit.error} labels={applicationFieldLabel} fieldLinks={false} />
      {submit.error && isProblem(submit.error) && submit.error.errors.length > 0 && (
        <p>
          <Link to={`/ansoegninger/${draft.id}/rediger`}>Ret ansøgningen</Link>
        </p>
      )}
      <ApplicationFacts application={draft} />
      <p>
        <Link to={`/ansoegninger/${draft.id}/rediger`} className="function-link">
          Ret ansøgningen
        </Link>
      </p>
      <h2>Bilag</h2>
      <RequiredKinds programmeId={draft.programmeId} applicationId={draft.id} />
      <DocumentsSection
        applicationId={draft.id}
        caseNumber={null}
        canDelete={() => true}
        upload={{ subject: { subjectType: 'application', subjectId: draft.id }, kinds: ['budget', 'signed_application', 'other'] }}
      />
      <h2>Indsend ansøgningen</h2>
      <p>Ved at indsende bekræfter du, at oplysningerne er rigtige. Du får en kvittering med sagsnummer og tidspunkt for modtagelsen.</p>
      <button
        type="button"
        className="button button-primary"
        disabled={submit.isPending}
        onClick={() => submit.mutate(undefined, { onSuccess: () => void navigate(`/ansoegninger/${draft.id}/kvittering`, { replace: true }) })}
      >
        {submit.isPending ? 'Indsender …' : 'Indsend ansøgning'}
      </button>
    </Page>
  );
}
